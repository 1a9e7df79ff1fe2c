package dev.descent.bench.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import dev.descent.kernel.ReferenceKernels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EJML adapters against core's {@link ReferenceKernels} (a plain triple loop): every transpose
 * combination, α and β (β = 0 over NaN), whole and padded storage with offsets, k = 0; elements of C
 * outside the m×n window must keep their bits. Tolerance as in core's kernel contract:
 * |actual − reference| ≤ 2·ε·(k + 2)·(|α|·Σ_p |a_ip||b_pj| + |β·c_ij|).
 */
class EjmlKernelsTest {
  private static final MatrixKernels REFERENCE = new ReferenceKernels();

  /** One call: shape, transposes, scalars and whether the operands are padded and offset. */
  record Case(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, boolean padded) {
    int aOff() {
      return padded ? 3 : 0;
    }

    int lda() {
      return (transA ? m : k) + (padded ? 2 : 0);
    }

    int bOff() {
      return padded ? 5 : 0;
    }

    int ldb() {
      return (transB ? k : n) + (padded ? 1 : 0);
    }

    int cOff() {
      return padded ? 4 : 0;
    }

    int ldc() {
      return n + (padded ? 3 : 0);
    }

    int aSize() {
      return aOff() + (transA ? k : m) * lda() + (padded ? 2 : 0);
    }

    int bSize() {
      return bOff() + (transB ? n : k) * ldb() + (padded ? 2 : 0);
    }

    int cSize() {
      return cOff() + m * ldc() + (padded ? 2 : 0);
    }

    boolean inWindow(int index) {
      int rel = index - cOff();
      return rel >= 0 && rel / ldc() < m && rel % ldc() < n;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {33, 17, 20}, {4, 6, 0}};
    double[][] scalars = {{1, 0}, {-0.5, 0}, {1, 1}, {0.75, 0.25}, {0, 0.5}};
    for (MatrixKernels kernel : List.of(new SerialEjmlKernels(), new ConcurrentEjmlKernels())) {
      for (int[] s : shapes) {
        for (int t = 0; t < 4; t++) {
          for (double[] ab : scalars) {
            for (boolean padded : new boolean[] {false, true}) {
              Case c = new Case(t >= 2, t % 2 == 1, s[0], s[1], s[2], ab[0], ab[1], padded);
              all.add(Arguments.of(Named.of(kernel.name(), kernel), c));
            }
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void doublesAgreeWithTheReference(MatrixKernels kernel, Case c) {
    SplittableRandom random = new SplittableRandom(c.hashCode());
    double[] a = values(c.aSize(), random);
    double[] b = values(c.bSize(), random);
    double[] c0 = values(c.cSize(), random);
    if (c.beta() == 0) {
      for (int i = 0; i < c0.length; i++) {
        if (c.inWindow(i)) {
          c0[i] = Double.NaN; // β = 0 must not read C
        }
      }
    }
    double[] expected = c0.clone();
    double[] actual = c0.clone();
    REFERENCE.gemm(c.transA(), c.transB(), c.m(), c.n(), c.k(), c.alpha(), a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(),
        c.beta(), expected, c.cOff(), c.ldc());
    kernel.gemm(c.transA(), c.transB(), c.m(), c.n(), c.k(), c.alpha(), a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(),
        c.beta(), actual, c.cOff(), c.ldc());
    check(c, a, b, c0, expected, actual, Math.ulp(1.0));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void floatsAgreeWithTheReference(MatrixKernels kernel, Case c) {
    SplittableRandom random = new SplittableRandom(c.hashCode());
    double[] a = values(c.aSize(), random);
    double[] b = values(c.bSize(), random);
    double[] c0 = values(c.cSize(), random);
    if (c.beta() == 0) {
      for (int i = 0; i < c0.length; i++) {
        if (c.inWindow(i)) {
          c0[i] = Double.NaN;
        }
      }
    }
    float[] expected = floats(c0);
    float[] actual = floats(c0);
    REFERENCE.gemm(c.transA(), c.transB(), c.m(), c.n(), c.k(), (float) c.alpha(), floats(a), c.aOff(), c.lda(),
        floats(b), c.bOff(), c.ldb(), (float) c.beta(), expected, c.cOff(), c.ldc());
    kernel.gemm(c.transA(), c.transB(), c.m(), c.n(), c.k(), (float) c.alpha(), floats(a), c.aOff(), c.lda(),
        floats(b), c.bOff(), c.ldb(), (float) c.beta(), actual, c.cOff(), c.ldc());
    check(c, a, b, c0, doubles(expected), doubles(actual), Math.ulp(1.0f));
  }

  @Test
  void registeredBelowEveryDescentKernel() {
    List<String> names = Kernels.all().stream().map(MatrixKernels::name).toList();
    assertTrue(names.contains(SerialEjmlKernels.NAME) && names.contains(ConcurrentEjmlKernels.NAME), names.toString());
    assertEquals("blocked", Kernels.choose(Kernels.all(), null).name());
    assertTrue(new SerialEjmlKernels().priority() < new ReferenceKernels().priority());
  }

  private static void check(Case c, double[] a, double[] b, double[] c0, double[] expected, double[] actual, double eps) {
    for (int idx = 0; idx < c0.length; idx++) {
      if (!c.inWindow(idx)) {
        assertEquals(Double.doubleToRawLongBits(c0[idx]), Double.doubleToRawLongBits(actual[idx]),
            "element " + idx + " outside the window changed");
        continue;
      }
      int i = (idx - c.cOff()) / c.ldc();
      int j = (idx - c.cOff()) % c.ldc();
      double magnitude = 0;
      for (int p = 0; p < c.k(); p++) {
        double aip = c.transA() ? a[c.aOff() + p * c.lda() + i] : a[c.aOff() + i * c.lda() + p];
        double bpj = c.transB() ? b[c.bOff() + j * c.ldb() + p] : b[c.bOff() + p * c.ldb() + j];
        magnitude += Math.abs(aip * bpj);
      }
      double scaled = c.beta() == 0 ? 0 : Math.abs(c.beta() * c0[idx]);
      double tolerance = 2 * eps * (c.k() + 2) * (Math.abs(c.alpha()) * magnitude + scaled);
      if (!(Math.abs(actual[idx] - expected[idx]) <= tolerance)) {
        fail(String.format("C[%d] = %s, reference %s (tolerance %s)", idx, actual[idx], expected[idx], tolerance));
      }
    }
  }

  /** Values in [−1, 1) that float32 represents exactly, so both precisions multiply the same numbers. */
  private static double[] values(int n, SplittableRandom random) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }

  private static float[] floats(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  private static double[] doubles(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }
}
