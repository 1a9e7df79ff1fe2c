package dev.descent.train;

import dev.descent.nn.Parameter;
import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * Finds the first parameter whose gradient holds a NaN or an infinity. A value v is finite exactly
 * when v − v = 0 (NaN − NaN and ∞ − ∞ are NaN), so each array is scanned with four independent
 * accumulators of v − v, which the JIT keeps in registers, and only an array whose sum is not 0
 * is reported. Stateless.
 */
final class GradientScan {
  private GradientScan() {}

  /** The name of the first parameter, in order, with a non-finite gradient, or null. */
  static String firstNonFinite(List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (!finite(p.grad())) {
        return p.name();
      }
    }
    return null;
  }

  private static boolean finite(Tensor t) {
    return switch (t.dtype()) {
      case FLOAT32 -> finite(t.floats());
      case FLOAT64 -> finite(t.doubles());
    };
  }

  private static boolean finite(float[] v) {
    float a = 0;
    float b = 0;
    float c = 0;
    float d = 0;
    int i = 0;
    for (; i + 3 < v.length; i += 4) {
      a += v[i] - v[i];
      b += v[i + 1] - v[i + 1];
      c += v[i + 2] - v[i + 2];
      d += v[i + 3] - v[i + 3];
    }
    for (; i < v.length; i++) {
      a += v[i] - v[i];
    }
    return a + b + c + d == 0;
  }

  private static boolean finite(double[] v) {
    double a = 0;
    double b = 0;
    double c = 0;
    double d = 0;
    int i = 0;
    for (; i + 3 < v.length; i += 4) {
      a += v[i] - v[i];
      b += v[i + 1] - v[i + 1];
      c += v[i + 2] - v[i + 2];
      d += v[i + 3] - v[i + 3];
    }
    for (; i < v.length; i++) {
      a += v[i] - v[i];
    }
    return a + b + c + d == 0;
  }
}
