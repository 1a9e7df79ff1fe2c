package dev.descent.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * The {@code vector} kernel's elementwise functions beyond the contract ({@code
 * VectorElementwiseContractTest} runs core's {@code ElementwiseContractTest} here): they are the
 * selected kernel's.
 */
class VectorElementwiseTest {
  private static final VectorElementwise MATH = VectorElementwise.INSTANCE;

  @Test
  void isTheSelectedKernelsElementwiseFunctions() {
    assumeTrue(System.getProperty(Kernels.PROPERTY) == null, "a kernel is forced with -D" + Kernels.PROPERTY);
    assertSame(MATH, new VectorKernels().elementwise());
    assertSame(MATH, Kernels.elementwise());
  }
}
