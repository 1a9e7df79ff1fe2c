package dev.descent.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.ScalarElementwise;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The {@code vector} kernel's elementwise functions beyond the contract ({@code
 * VectorElementwiseContractTest} runs core's {@code ElementwiseContractTest} here): they are the
 * selected kernel's, and binary cross-entropy from logits computed through them agrees with its
 * definition evaluated with fdlibm.
 */
class VectorElementwiseTest {
  private static final VectorElementwise MATH = VectorElementwise.INSTANCE;

  @Test
  void isTheSelectedKernelsElementwiseFunctions() {
    assumeTrue(System.getProperty(Kernels.PROPERTY) == null, "a kernel is forced with -D" + Kernels.PROPERTY);
    assertSame(MATH, new VectorKernels().elementwise());
    assertSame(MATH, Kernels.elementwise());
  }

  @Test
  void binaryCrossEntropyFromLogitsAgreesWithItsDefinition() {
    assumeTrue(Kernels.elementwise() == MATH, "the vector kernel is not the selected one");
    Random random = new Random(35);
    int n = 301;
    Tensor z = Tensor.zeros(DType.FLOAT64, n, 1);
    Tensor t = Tensor.zeros(DType.FLOAT64, n, 1);
    Tensor grad = Tensor.zeros(DType.FLOAT64, n, 1);
    for (int i = 0; i < n; i++) {
      z.set(i, 0, i < 4 ? new double[] {0, -40, 40, 1e-9}[i] : random.nextGaussian() * 6);
      t.set(i, 0, random.nextInt(2));
    }
    double loss = new BinaryCrossEntropy(true).valueAndGradient(z, t, grad);
    double expected = 0;
    for (int i = 0; i < n; i++) {
      double zi = z.get(i);
      double ti = t.get(i);
      expected += Math.max(zi, 0) - zi * ti + StrictMath.log1p(StrictMath.exp(-Math.abs(zi)));
      double sigmoid = 1 / (1 + StrictMath.exp(-zi));
      assertEquals((sigmoid - ti) / n, grad.get(i), 1e-15 / n, "gradient " + i + " at z = " + zi);
    }
    assertEquals(expected / n, loss, 1e-14 * Math.abs(expected / n));
  }
}
