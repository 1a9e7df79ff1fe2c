package dev.descent.testing;

import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerState;
import java.util.List;
import java.util.Map;

/** Plain gradient descent for tests, θ ← θ − lr·g, allocation-free per step. */
public final class TestSgd implements Optimizer {
  private double learningRate;
  private long steps;

  public TestSgd(double learningRate) {
    this.learningRate = learningRate;
  }

  @Override
  public void step(List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      p.value().axpy(-learningRate, p.grad());
    }
    steps++;
  }

  /** The number of {@link #step} calls so far. */
  public long steps() {
    return steps;
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  @Override
  public String spec() {
    return "test_sgd(lr=" + learningRate + ")";
  }

  @Override
  public OptimizerState state() {
    return new OptimizerState(Map.of("step", new double[] {steps}));
  }

  @Override
  public void restore(OptimizerState state) {
    steps = (long) state.get("step")[0];
  }
}
