package dev.descent.kernel.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.descent.DescentException;
import dev.descent.kernel.BlockedKernels;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What holds whether or not a native BLAS is installed: registration and priority, a quiet
 * availability check, the β-only cases computed without BLAS, and one-line errors for calls that
 * break the contract.
 */
class BlasKernelsTest {
  private final BlasKernels blas = new BlasKernels();

  @Test
  void isFoundByKernelsAllAndRanksBelowTheBlockedDefault() {
    List<MatrixKernels> all = Kernels.all();
    MatrixKernels found = named(all, BlasKernels.NAME);
    assertInstanceOf(BlasKernels.class, found);
    assertTrue(found.priority() < named(all, BlockedKernels.NAME).priority(), "priority " + found.priority());
    assertNotEquals(BlasKernels.NAME, Kernels.choose(all, null).name(), "chosen without being asked for");
  }

  @Test
  void availabilityAnswersWithoutThrowing() {
    boolean available = assertDoesNotThrow(blas::isAvailable);
    String description = assertDoesNotThrow(blas::description);
    assertTrue(description.contains(NativeBlas.library()), description);
    assertFalse(description.contains("\n"), description);
    if (available) {
      assertSame(blas, Kernels.choose(List.of(blas), "blas"));
    } else {
      DescentException e = assertThrows(DescentException.class, () -> Kernels.choose(List.of(blas), "blas"));
      assertTrue(e.getMessage().contains("apt-get install libopenblas0"), e.getMessage());
    }
  }

  @Test
  void refusesToMultiplyWithoutTheNativeLibrary() {
    assumeFalse(blas.isAvailable(), "a native BLAS is loaded here");
    DescentException e = assertThrows(DescentException.class, () -> blas.gemm(
        false, false, 1, 1, 1, 1f, new float[1], 0, 1, new float[1], 0, 1, 0f, new float[1], 0, 1));
    assertTrue(e.getMessage().startsWith("kernel 'blas' (-Ddescent.kernel) is not available"), e.getMessage());
  }

  @Test
  void alphaZeroOrKZeroScalesCWithoutReadingAOrB() {
    float[] a = new float[12];
    float[] b = new float[12];
    Arrays.fill(a, Float.NaN);
    Arrays.fill(b, Float.NaN);
    double[] ad = new double[12];
    double[] bd = new double[12];
    Arrays.fill(ad, Double.NaN);
    Arrays.fill(bd, Double.NaN);
    // C is 2×3 at offset 1 with ldc 4; -7 marks elements outside the window.
    float[] start = {-7, 1, -2, 3, -7, 4, 0.5f, -6, -7, -7};
    for (float beta : new float[] {0f, 1f, -2.5f}) {
      float[] expected = start.clone();
      for (int i : new int[] {1, 2, 3, 5, 6, 7}) {
        expected[i] = beta == 0 ? 0f : beta * start[i];
      }
      for (int k : new int[] {0, 3}) {
        float alpha = k == 0 ? 1.5f : 0f;
        float[] c = start.clone();
        float[] cNaN = start.clone();
        if (beta == 0) {
          Arrays.fill(cNaN, 1, 8, Float.NaN);
          cNaN[4] = -7;
        }
        blas.gemm(false, true, 2, 3, k, alpha, a, 0, Math.max(k, 1), b, 0, Math.max(k, 1), beta, c, 1, 4);
        blas.gemm(true, false, 2, 3, k, alpha, a, 0, 2, b, 0, 3, beta, cNaN, 1, 4);
        assertArrayEquals(expected, c, "k = " + k + ", β = " + beta);
        assertArrayEquals(expected, cNaN, "k = " + k + ", β = " + beta + ", NaN in C");
        double[] cd = toDoubles(start);
        blas.gemm(false, false, 2, 3, k, alpha, ad, 0, Math.max(k, 1), bd, 0, 3, beta, cd, 1, 4);
        assertArrayEquals(toDoubles(expected), cd, "double, k = " + k + ", β = " + beta);
      }
    }
  }

  @Test
  void emptyProductsLeaveCAsItWas() {
    float[] c = {1, 2, 3};
    blas.gemm(false, false, 0, 3, 2, 1f, new float[0], 0, 2, new float[6], 0, 3, 0f, c, 0, 3);
    blas.gemm(false, false, 1, 0, 2, 1f, new float[2], 0, 2, new float[0], 0, 0, 0f, c, 0, 3);
    assertArrayEquals(new float[] {1, 2, 3}, c);
  }

  @Test
  void callsOutsideTheContractAreOneLineErrors() {
    float[] six = new float[6];
    double[] sixD = new double[6];
    expect("gemm: m = -1, n = 2, k = 3; every dimension must be ≥ 0",
        () -> blas.gemm(false, false, -1, 2, 3, 1f, six, 0, 3, six, 0, 2, 0f, six, 0, 2));
    expect("gemm: lda = 2 is less than the 3 columns of A stored m×k = 2×3",
        () -> blas.gemm(false, false, 2, 2, 3, 1f, six, 0, 2, six, 0, 2, 0f, six, 0, 2));
    expect("gemm: ldb = 1 is less than the 2 columns of B stored n×k = 3×2",
        () -> blas.gemm(false, true, 2, 3, 2, 1.0, sixD, 0, 2, sixD, 0, 1, 0.0, sixD, 0, 3));
    expect("gemm: the offset of C stored m×n = 2×2 is -1; it must be ≥ 0",
        () -> blas.gemm(false, false, 2, 2, 3, 1f, six, 0, 3, six, 0, 2, 0f, six, -1, 2));
    expect("gemm: A stored k×m = 3×2 with offset 1 and lda 2 needs 7 elements, but its array has 6",
        () -> blas.gemm(true, false, 2, 2, 3, 1.0, sixD, 1, 2, sixD, 0, 2, 0.0, sixD, 0, 2));
    expect("gemm: C stored m×n = 2×2 with offset 0 and ldc 5 needs 7 elements, but its array has 6",
        () -> blas.gemm(false, false, 2, 2, 3, 1f, six, 0, 3, six, 0, 2, 1f, six, 0, 5));
    expect("gemm: the array of B stored k×n = 3×2 is null",
        () -> blas.gemm(false, false, 2, 2, 3, 1f, six, 0, 3, null, 0, 2, 0f, six, 0, 2));
  }

  private static void expect(String message, Executable call) {
    assertEquals(message, assertThrows(DescentException.class, call).getMessage());
  }

  private static MatrixKernels named(List<MatrixKernels> kernels, String name) {
    return kernels.stream().filter(k -> k.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not among " + kernels.stream().map(MatrixKernels::name).toList()));
  }

  private static double[] toDoubles(float[] values) {
    double[] doubles = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      doubles[i] = values[i];
    }
    return doubles;
  }
}
