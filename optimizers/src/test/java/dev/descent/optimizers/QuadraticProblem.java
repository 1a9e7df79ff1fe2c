package dev.descent.optimizers;

import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** The fixture's quadratic over named parameters of any dtype, stepped by an optimizer. */
final class QuadraticProblem {
  final ReferenceFixture fixture;
  final List<Parameter> parameters = new ArrayList<>();
  private final double[] theta;
  private final double[] grad;
  private final double sign;
  private int step;

  QuadraticProblem(ReferenceFixture fixture, DType dtype, double sign) {
    this.fixture = fixture;
    this.sign = sign;
    this.theta = fixture.theta0.clone();
    this.grad = new double[theta.length];
    int offset = 0;
    for (var e : fixture.sizes.entrySet()) {
      int n = e.getValue();
      Tensor value = Tensor.zeros(dtype, 1, n);
      for (int i = 0; i < n; i++) {
        value.set(i, theta[offset + i]);
      }
      parameters.add(Parameter.of(e.getKey(), value, true));
      offset += n;
    }
  }

  /** Computes the gradient at the current values and lets {@code optimizer} take one step. */
  void step(Optimizer optimizer) {
    read(theta);
    fixture.gradient(theta, sign, ++step, grad);
    int offset = 0;
    for (Parameter p : parameters) {
      for (int i = 0; i < p.grad().size(); i++) {
        p.grad().set(i, grad[offset + i]);
      }
      offset += p.grad().size();
    }
    optimizer.step(parameters);
  }

  /** The current values, concatenated. */
  double[] values() {
    double[] out = new double[theta.length];
    read(out);
    return out;
  }

  private void read(double[] out) {
    int offset = 0;
    for (Parameter p : parameters) {
      for (int i = 0; i < p.value().size(); i++) {
        out[offset + i] = p.value().get(i);
      }
      offset += p.value().size();
    }
  }
}
