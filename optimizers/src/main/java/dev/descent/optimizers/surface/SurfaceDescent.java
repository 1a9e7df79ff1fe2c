package dev.descent.optimizers.surface;

import dev.descent.optimizers.clip.GradientClipper;
import dev.descent.optimizers.schedule.LearningRateSchedule;
import dev.descent.optimizers.schedule.ScheduleState;

import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * Runs an optimizer on a {@link TestSurface}: the point (x, y) is one float64 parameter named
 * {@code xy}, its gradient comes from the surface, and the path is recorded step by step. Any
 * optimizer spec works, and schedules or clipping can be applied between steps by the caller
 * through {@link #step}. Not thread-safe.
 */
public final class SurfaceDescent {
  private final TestSurface surface;
  private final Optimizer optimizer;
  private final Parameter point;
  private final List<Parameter> parameters;
  private final double[] gradient = new double[2];

  /** A run of {@code optimizer} on {@code surface} from (x0, y0). */
  public SurfaceDescent(TestSurface surface, Optimizer optimizer, double x0, double y0) {
    this.surface = surface;
    this.optimizer = optimizer;
    this.point = Parameter.of("xy", Tensor.of(DType.FLOAT64, 1, 2, x0, y0), false);
    this.parameters = List.of(point);
  }

  /** The current x. */
  public double x() {
    return point.value().get(0);
  }

  /** The current y. */
  public double y() {
    return point.value().get(1);
  }

  /** The parameter the optimizer moves, for callers that clip its gradient. */
  public Parameter parameter() {
    return point;
  }

  /** Computes the gradient at the current point and takes one step. */
  public void step() {
    step(null);
  }

  private void step(GradientClipper clipper) {
    surface.gradient(x(), y(), gradient);
    point.grad().set(0, gradient[0]);
    point.grad().set(1, gradient[1]);
    if (clipper != null) {
      clipper.clip(parameters);
    }
    optimizer.step(parameters);
  }

  /**
   * As {@link #run(int)}, clipping each gradient with {@code clipper} and setting the learning rate
   * before each step from {@code schedule} (either may be null). Every step counts as one update
   * and one epoch for the schedule; a monitored schedule sees f at the point reached.
   */
  public double[][] run(int steps, GradientClipper clipper, LearningRateSchedule schedule) {
    ScheduleState rates = schedule == null ? null : schedule.start(optimizer.learningRate());
    double[][] path = new double[steps + 1][];
    path[0] = new double[] {x(), y(), surface.value(x(), y())};
    for (int k = 1; k <= steps; k++) {
      if (rates != null) {
        optimizer.setLearningRate(rates.rate());
      }
      step(clipper);
      path[k] = new double[] {x(), y(), surface.value(x(), y())};
      if (rates != null) {
        rates.advance(path[k][2]);
      }
    }
    return path;
  }

  /**
   * Takes {@code steps} steps and returns the path: row 0 is the start, row k the point after k
   * steps, each {x, y, f(x, y)}.
   */
  public double[][] run(int steps) {
    return run(steps, null, null);
  }
}
