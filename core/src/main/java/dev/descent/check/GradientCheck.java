package dev.descent.check;

import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import dev.descent.nn.Dropout;
import dev.descent.nn.Layer;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.train.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.DoubleSupplier;

/**
 * Verifies backpropagation against centred finite differences, in FLOAT64.
 *
 * <p>For every parameter entry θᵢ the numerical derivative is g̃ᵢ = (J(θᵢ + ε) − J(θᵢ − ε)) / 2ε,
 * whose error is O(ε²); the analytic gradient g comes from the backward pass. Per parameter tensor
 * and over all of them the check reports the relative error ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂) (0 when both
 * are zero) and the entries that disagree most (the method of the Stanford CS231n notes and
 * Ng's deep-learning course). Backpropagation is usually right when the error is below 1e-7 in
 * float64. The objective includes the regularization penalty. Dropout is handled by {@link
 * DropoutMode}: either one mask drawn and then frozen for every evaluation, or dropout off.
 */
public final class GradientCheck {
  /** The default step ε. */
  public static final double DEFAULT_EPSILON = 1e-6;

  private GradientCheck() {}

  /** How dropout layers behave during a check. */
  public enum DropoutMode {
    /** Draw one mask and use it for the analytic gradient and every finite difference. */
    FIXED_MASK,
    /** Run every layer in inference mode, so dropout is the identity. */
    OFF
  }

  /**
   * One disagreeing entry.
   *
   * @param parameter the parameter's name
   * @param index the flat index within it
   * @param analytic the backpropagated derivative
   * @param numeric the finite-difference derivative
   */
  public record Entry(String parameter, int index, double analytic, double numeric) {
    /** |g − g̃| / max(|g| + |g̃|, 1e-300). */
    public double relativeError() {
      double denominator = Math.abs(analytic) + Math.abs(numeric);
      return denominator == 0 ? 0 : Math.abs(analytic - numeric) / denominator;
    }
  }

  /**
   * The relative error of one parameter tensor.
   *
   * @param parameter the parameter's name
   * @param relativeError ‖g − g̃‖ / (‖g‖ + ‖g̃‖)
   * @param entries the number of entries compared
   */
  public record ParameterResult(String parameter, double relativeError, int entries) {}

  /**
   * A check's outcome.
   *
   * @param relativeError over all parameters
   * @param parameters per parameter tensor
   * @param worst the entries with the largest relative error, worst first
   */
  public record Result(double relativeError, ImmutableList<ParameterResult> parameters, ImmutableList<Entry> worst) {
    /** Whether the overall relative error is at most {@code threshold}. */
    public boolean passes(double threshold) {
      return relativeError <= threshold;
    }

    /** A table: one line per parameter, then the worst entries. */
    public String report() {
      StringBuilder b = new StringBuilder();
      b.append(String.format("%-24s %10s %14s%n", "parameter", "entries", "relative error"));
      for (ParameterResult p : parameters) {
        b.append(String.format("%-24s %10d %14.3e%n", p.parameter(), p.entries(), p.relativeError()));
      }
      b.append(String.format("%-24s %10s %14.3e%n", "overall", "", relativeError));
      if (!worst.isEmpty()) {
        b.append(String.format("worst entries:%n"));
        for (Entry e : worst) {
          b.append(String.format("  %s[%d]  backprop %.10e  numeric %.10e  relative error %.3e%n",
              e.parameter(), e.index(), e.analytic(), e.numeric(), e.relativeError()));
        }
      }
      return b.toString();
    }
  }

  /** Checks {@code objective} on one batch with ε = 1e-6, dropout masks fixed, the five worst entries. */
  public static Result check(Objective objective, Tensor x, Tensor y) {
    return check(objective, x, y, DEFAULT_EPSILON, DropoutMode.FIXED_MASK, 5);
  }

  /** Checks {@code objective}'s backpropagation on the batch {@code x}, {@code y}. */
  public static Result check(Objective objective, Tensor x, Tensor y, double epsilon, DropoutMode dropout, int worst) {
    if (objective.model().dtype() != DType.FLOAT64 || x.dtype() != DType.FLOAT64) {
      throw new DescentException("a gradient check needs a float64 model and data; build the model with DType.FLOAT64");
    }
    boolean training = dropout == DropoutMode.FIXED_MASK;
    List<Dropout> dropouts = new ArrayList<>();
    collectDropouts(objective.model(), dropouts);
    try {
      objective.computeGradients(x, y, training);
      dropouts.forEach(d -> d.freezeMask(true));
      objective.computeGradients(x, y, training);
      return check(objective.model().parameters(), () -> objective.value(x, y, training), epsilon, worst);
    } finally {
      dropouts.forEach(d -> d.freezeMask(false));
    }
  }

  /**
   * Checks gradients already stored in {@code parameters}' {@code grad} tensors against centred
   * differences of {@code objective}, which must read the parameters' current values. Values are
   * restored exactly after each perturbation.
   */
  public static Result check(List<Parameter> parameters, DoubleSupplier objective, double epsilon, int worst) {
    if (!(epsilon > 0)) {
      throw new DescentException("gradient check: epsilon must be > 0, got " + epsilon);
    }
    PriorityQueue<Entry> worstEntries = new PriorityQueue<>(Comparator.comparingDouble(Entry::relativeError));
    List<ParameterResult> results = new ArrayList<>();
    double diffAll = 0;
    double analyticAll = 0;
    double numericAll = 0;
    for (Parameter p : parameters) {
      Tensor value = p.value();
      Tensor grad = p.grad().copy();
      double diff = 0;
      double analyticNorm = 0;
      double numericNorm = 0;
      for (int i = 0; i < value.size(); i++) {
        double original = value.get(i);
        value.set(i, original + epsilon);
        double plus = objective.getAsDouble();
        value.set(i, original - epsilon);
        double minus = objective.getAsDouble();
        value.set(i, original);
        double numeric = (plus - minus) / (2 * epsilon);
        double analytic = grad.get(i);
        diff += (analytic - numeric) * (analytic - numeric);
        analyticNorm += analytic * analytic;
        numericNorm += numeric * numeric;
        worstEntries.add(new Entry(p.name(), i, analytic, numeric));
        if (worstEntries.size() > worst) {
          worstEntries.poll();
        }
      }
      results.add(new ParameterResult(p.name(), relative(diff, analyticNorm, numericNorm), value.size()));
      diffAll += diff;
      analyticAll += analyticNorm;
      numericAll += numericNorm;
    }
    List<Entry> sorted = new ArrayList<>(worstEntries);
    sorted.sort(Comparator.comparingDouble(Entry::relativeError).reversed());
    return new Result(relative(diffAll, analyticAll, numericAll), ImmutableList.copyOf(results), ImmutableList.copyOf(sorted));
  }

  private static void collectDropouts(Sequential model, List<Dropout> into) {
    for (Layer layer : model.layers()) {
      if (layer instanceof Dropout d) {
        into.add(d);
      } else if (layer instanceof Sequential nested) {
        collectDropouts(nested, into);
      }
    }
  }

  private static double relative(double diffSquared, double analyticSquared, double numericSquared) {
    double denominator = Math.sqrt(analyticSquared) + Math.sqrt(numericSquared);
    return denominator == 0 ? 0 : Math.sqrt(diffSquared) / denominator;
  }
}
