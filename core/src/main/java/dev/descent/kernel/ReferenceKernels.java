package dev.descent.kernel;

import com.google.auto.service.AutoService;

/**
 * The plain reference kernel: the textbook triple loop, one dot product per element of C,
 * accumulated in double precision for both element types. Slow and obviously correct; every other
 * kernel is tested against it. Stateless and thread-safe.
 */
@AutoService(MatrixKernels.class)
public final class ReferenceKernels implements MatrixKernels {

  /** The name, {@value}. */
  public static final String NAME = "reference";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "plain triple loop with double accumulation; the correctness reference";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
          float bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
          sum += (double) aip * bpj;
        }
        int ci = cOff + i * ldc + j;
        double prior = beta == 0 ? 0 : (double) beta * c[ci];
        c[ci] = (float) (alpha * sum + prior);
      }
    }
  }

  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb,
      double beta, double[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          double aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
          double bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
          sum += aip * bpj;
        }
        int ci = cOff + i * ldc + j;
        double prior = beta == 0 ? 0 : beta * c[ci];
        c[ci] = alpha * sum + prior;
      }
    }
  }
}
