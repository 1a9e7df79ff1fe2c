package dev.descent.check;

import dev.descent.data.Dataset;
import dev.descent.nn.ActivationLayer;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.Layer;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Per-layer diagnostics of a training run, as a {@link TrainingCallback}: at initialization and
 * after every epoch, for every dense layer of the model (with the activation that follows it), the
 * mean and standard deviation of its activations, the fraction of dead relu units and of saturated
 * sigmoid/tanh activations, the norm of its weight gradient and the update-to-weight ratio
 * (CS231n, "Neural Networks Part 3": activation/gradient distributions per layer and the
 * update/weight ratio ≈ 1e-3). See {@link LayerStatistics} for the definitions.
 *
 * <p>Activations are measured on a fixed probe batch (by default the first 256 training examples)
 * in inference mode, at the first update (before it is applied) and at the end of every epoch.
 * Gradients and update ratios are measured at every update and averaged per epoch, from the
 * gradient the optimizer is about to apply.
 *
 * <p>After each measurement the gradient of every layer is compared with the output layer's, per
 * weight (RMS = ‖∂J/∂W‖/√size, so wide and narrow layers compare fairly): a layer whose gradient is
 * zero, or whose RMS gradient is below {@link Thresholds#vanishingRatio()} times the output
 * layer's, gets a {@link DiagnosticWarning.Kind#VANISHING} warning; one whose gradient is not
 * finite, above {@link Thresholds#explodingNorm()}, or above {@link Thresholds#explodingRatio()}
 * times the output layer's, gets an {@link DiagnosticWarning.Kind#EXPLODING} warning. A warning is raised when a condition starts, not
 * repeated while it lasts. Layers nested inside other containers are not inspected.
 *
 * <p>Mutable, one instance per training run, not thread-safe.
 */
public final class TrainingDiagnostics implements TrainingCallback {
  /** The default number of probe examples. */
  public static final int DEFAULT_PROBE = 256;

  /**
   * When a gradient counts as vanishing or exploding.
   *
   * @param vanishingRatio the ratio of per-weight RMS gradients (layer / output layer) below which
   *     a layer's gradient vanishes, in (0, 1]
   * @param explodingRatio the ratio above which it explodes, &gt; 1
   * @param explodingNorm the gradient norm ‖∂J/∂W‖ above which it explodes whatever the other
   *     layers do (in a relu network a too-large scale inflates every layer alike), &gt; 0
   */
  public record Thresholds(double vanishingRatio, double explodingRatio, double explodingNorm) {
    public Thresholds {
      dev.descent.spec.Arguments.inClosed("diagnostics", "vanishing_ratio", vanishingRatio, Double.MIN_VALUE, 1);
      dev.descent.spec.Arguments.greaterThan("diagnostics", "exploding_ratio", explodingRatio, 1);
      dev.descent.spec.Arguments.greaterThan("diagnostics", "exploding_norm", explodingNorm, 0);
    }

    /** Vanishing below 1e-3 and exploding above 1e3 times the output layer's gradient, or above a norm of 1e3. */
    public static Thresholds defaults() {
      return new Thresholds(1e-3, 1e3, 1e3);
    }
  }

  private final Tensor probe;
  private final Thresholds thresholds;
  private final Consumer<DiagnosticWarning> sink;
  private final List<LayerStatistics> rows = new ArrayList<>();
  private final List<DiagnosticWarning> warnings = new ArrayList<>();
  private List<Block> blocks;

  /** Diagnostics measuring activations on {@code probe}, reporting warnings to {@code sink} as they arise. */
  public TrainingDiagnostics(Tensor probe, Thresholds thresholds, Consumer<DiagnosticWarning> sink) {
    if (probe.rows() < 1) {
      throw new dev.descent.DescentException("diagnostics: the probe batch is empty");
    }
    this.probe = probe;
    this.thresholds = thresholds;
    this.sink = sink;
  }

  /** Diagnostics probing the first {@value #DEFAULT_PROBE} examples of {@code train}, with default thresholds. */
  public static TrainingDiagnostics of(Dataset train, Consumer<DiagnosticWarning> sink) {
    return new TrainingDiagnostics(train.head(DEFAULT_PROBE).features(), Thresholds.defaults(), sink);
  }

  /** Every row so far: per epoch (0 = initialization), one per layer. */
  public List<LayerStatistics> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** The rows of {@code epoch}. */
  public List<LayerStatistics> rows(int epoch) {
    return rows.stream().filter(r -> r.epoch() == epoch).toList();
  }

  /** The warnings so far, in order. */
  public List<DiagnosticWarning> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  /** The last epoch with rows, or −1 before the first update. */
  public int lastEpoch() {
    return rows.isEmpty() ? -1 : rows.get(rows.size() - 1).epoch();
  }

  @Override
  public void beforeStep(TrainingProgress progress) {
    if (blocks == null) {
      blocks = blocks(progress.model());
    }
    boolean first = progress.update() == 0;
    if (first) {
      measureActivations(progress.model());
    }
    for (Block b : blocks) {
      Tensor g = b.dense.weight().grad();
      double norm = Math.sqrt(g.sumOfSquares());
      b.gradientSum += norm;
      b.snapshot(b.dense.weight().value());
      if (first) {
        b.initialGradient = norm;
      }
    }
  }

  @Override
  public void onUpdateEnd(TrainingProgress progress) {
    for (Block b : blocks) {
      double ratio = b.updateRatio(b.dense.weight().value());
      b.ratioSum += ratio;
      b.updates++;
      if (progress.update() == 1) {
        b.initialRatio = ratio;
      }
    }
    if (progress.update() == 1) {
      emit(0, true);
    }
  }

  @Override
  public void onEpochEnd(TrainingProgress progress) {
    if (blocks == null) {
      return;
    }
    measureActivations(progress.model());
    emit(progress.epoch(), false);
  }

  private void emit(int epoch, boolean initial) {
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      double gradient = initial ? b.initialGradient : b.gradientSum / Math.max(1, b.updates);
      double ratio = initial ? b.initialRatio : b.ratioSum / Math.max(1, b.updates);
      rows.add(new LayerStatistics(epoch, i + 1, b.name, b.dense.units(), b.mean, b.std, b.dead, b.saturated, gradient, ratio));
      if (!initial) {
        b.gradientSum = 0;
        b.ratioSum = 0;
        b.updates = 0;
      }
    }
    checkGradients(epoch);
  }

  private void checkGradients(int epoch) {
    List<LayerStatistics> current = rows.subList(rows.size() - blocks.size(), rows.size());
    LayerStatistics output = current.get(current.size() - 1);
    double reference = rms(output, blocks.get(blocks.size() - 1));
    for (int i = 0; i < current.size(); i++) {
      LayerStatistics s = current.get(i);
      Block b = blocks.get(i);
      double rms = rms(s, b);
      DiagnosticWarning.Kind kind = null;
      String what = null;
      boolean isOutput = i == current.size() - 1;
      if (!Double.isFinite(s.gradientNorm())) {
        kind = DiagnosticWarning.Kind.EXPLODING;
        what = "the gradient is not finite";
      } else if (s.gradientNorm() == 0) {
        kind = DiagnosticWarning.Kind.VANISHING;
        what = "the gradient is exactly zero (no signal reaches these weights)" + deadLayer(current, i);
      } else if (s.gradientNorm() > thresholds.explodingNorm()) {
        kind = DiagnosticWarning.Kind.EXPLODING;
        what = String.format(Locale.ROOT, "‖∂J/∂W‖ = %.2e exceeds %.0e", s.gradientNorm(), thresholds.explodingNorm());
      } else if (!isOutput && reference > 0 && rms / reference < thresholds.vanishingRatio()) {
        kind = DiagnosticWarning.Kind.VANISHING;
        what = String.format(Locale.ROOT, "‖∂J/∂W‖ = %.2e, %.1e times the output layer's per weight", s.gradientNorm(), rms / reference);
      } else if (!isOutput && reference > 0 && rms / reference > thresholds.explodingRatio()) {
        kind = DiagnosticWarning.Kind.EXPLODING;
        what = String.format(Locale.ROOT, "‖∂J/∂W‖ = %.2e, %.1e times the output layer's per weight", s.gradientNorm(), rms / reference);
      }
      if (kind == null) {
        b.active.clear();
        continue;
      }
      if (b.active.add(kind)) {
        b.active.retainAll(EnumSet.of(kind));
        String when = epoch == 0 ? "at initialization" : "in epoch " + epoch;
        String advice = kind == DiagnosticWarning.Kind.VANISHING
            ? "try a variance-preserving initializer (he_normal for relu, glorot_normal for tanh/sigmoid) or a non-saturating activation"
            : "try a smaller initial scale or learning rate, or gradient clipping";
        DiagnosticWarning w = new DiagnosticWarning(epoch, s.layer(), s.name(), kind, String.format(Locale.ROOT,
            "gradients %s %s at layer %d (%s): %s; %s", kind == DiagnosticWarning.Kind.VANISHING ? "vanish" : "explode",
            when, s.layer(), s.name(), what, advice));
        warnings.add(w);
        sink.accept(w);
      }
    }
  }

  /** ", because every unit of layer k is dead" for the first layer from {@code from} on whose units all output 0, else "". */
  private static String deadLayer(List<LayerStatistics> current, int from) {
    for (int j = from; j < current.size(); j++) {
      if (current.get(j).deadFraction() == 1) {
        return String.format(Locale.ROOT, ", because every unit of layer %d is dead (outputs 0 for every probe example: "
            + "a smaller learning rate or leaky_relu usually helps)", current.get(j).layer());
      }
    }
    return "";
  }

  private static double rms(LayerStatistics s, Block b) {
    return s.gradientNorm() / Math.sqrt(b.dense.weight().value().size());
  }

  private void measureActivations(Sequential model) {
    Tensor x = probe.dtype() == model.dtype() ? probe : probe.copy(model.dtype());
    int next = 0;
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size() && next < blocks.size(); i++) {
      x = layers.get(i).forward(x, false);
      Block b = blocks.get(next);
      if (i == b.outputIndex) {
        b.measure(x);
        next++;
      }
    }
  }

  private static List<Block> blocks(Sequential model) {
    List<Block> found = new ArrayList<>();
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof Dense dense) {
        int output = i;
        String activation = "linear";
        for (int j = i + 1; j < layers.size(); j++) {
          if (layers.get(j) instanceof ActivationLayer a) {
            output = j;
            activation = a.activation().name();
            break;
          }
          if (!(layers.get(j) instanceof Dropout)) {
            break;
          }
        }
        found.add(new Block(dense, output, activation));
      }
    }
    if (found.isEmpty()) {
      throw new dev.descent.DescentException("diagnostics: the model has no dense layer to inspect");
    }
    return found;
  }

  /** One line per layer of {@code epoch}: the table {@code descent train --diagnostics} prints. */
  public String table(int epoch) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-5s %-26s %9s %9s %6s %6s %10s %10s%n", "epoch", "layer", "act mean", "act std",
        "dead", "satur.", "‖∂J/∂W‖", "‖ΔW‖/‖W‖"));
    for (LayerStatistics s : rows(epoch)) {
      b.append(String.format(Locale.ROOT, "%-5d %-26s %9.3g %9.3g %6.2f %6.2f %10.2e %10.2e%n", s.epoch(),
          s.layer() + " " + s.name(), s.activationMean(), s.activationStd(), s.deadFraction(), s.saturatedFraction(),
          s.gradientNorm(), s.updateRatio()));
    }
    return b.toString();
  }

  /** Writes every row as CSV with the header {@link LayerStatistics#CSV_HEADER}. */
  public void writeCsv(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(LayerStatistics.CSV_HEADER);
      w.write('\n');
      for (LayerStatistics s : rows) {
        w.write(s.csvRow());
        w.write('\n');
      }
    }
  }

  /** A dense layer, where its activations come out, and the running sums of the current epoch. */
  private static final class Block {
    final Dense dense;
    final int outputIndex;
    final String activation;
    final String name;
    final Set<DiagnosticWarning.Kind> active = EnumSet.noneOf(DiagnosticWarning.Kind.class);
    float[] floatSnapshot;
    double[] doubleSnapshot;
    double mean;
    double std;
    double dead;
    double saturated;
    double gradientSum;
    double ratioSum;
    int updates;
    double initialGradient;
    double initialRatio;

    Block(Dense dense, int outputIndex, String activation) {
      this.dense = dense;
      this.outputIndex = outputIndex;
      this.activation = activation;
      this.name = "dense " + dense.units() + " → " + activation;
    }

    void measure(Tensor y) {
      int rows = y.rows();
      int cols = y.cols();
      double sum = 0;
      double sumSquares = 0;
      long tails = 0;
      int deadUnits = 0;
      boolean sigmoid = activation.equals("sigmoid");
      boolean tanh = activation.equals("tanh");
      for (int c = 0; c < cols; c++) {
        boolean allZero = true;
        for (int r = 0; r < rows; r++) {
          double v = y.get(r * cols + c);
          sum += v;
          sumSquares += v * v;
          allZero &= v == 0;
          if ((sigmoid && (v < 0.01 || v > 0.99)) || (tanh && Math.abs(v) > 0.99)) {
            tails++;
          }
        }
        deadUnits += allZero ? 1 : 0;
      }
      long n = (long) rows * cols;
      mean = sum / n;
      std = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
      dead = (double) deadUnits / cols;
      saturated = (double) tails / n;
    }

    void snapshot(Tensor w) {
      if (w.dtype() == DType.FLOAT32) {
        if (floatSnapshot == null) {
          floatSnapshot = new float[w.size()];
        }
        System.arraycopy(w.floats(), 0, floatSnapshot, 0, floatSnapshot.length);
      } else {
        if (doubleSnapshot == null) {
          doubleSnapshot = new double[w.size()];
        }
        System.arraycopy(w.doubles(), 0, doubleSnapshot, 0, doubleSnapshot.length);
      }
    }

    double updateRatio(Tensor w) {
      double diff = 0;
      double before = 0;
      if (w.dtype() == DType.FLOAT32) {
        float[] now = w.floats();
        for (int i = 0; i < now.length; i++) {
          double d = now[i] - floatSnapshot[i];
          diff += d * d;
          before += (double) floatSnapshot[i] * floatSnapshot[i];
        }
      } else {
        double[] now = w.doubles();
        for (int i = 0; i < now.length; i++) {
          double d = now[i] - doubleSnapshot[i];
          diff += d * d;
          before += doubleSnapshot[i] * doubleSnapshot[i];
        }
      }
      if (before == 0) {
        return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
      }
      return Math.sqrt(diff / before);
    }
  }
}
