package dev.descent.kernel.vector;

import dev.descent.testing.ThreadAllocation;
import java.util.Random;
import org.opentest4j.TestAbortedException;

/**
 * Run by {@link AllocationTest} in a child JVM of its own, one scenario per JVM: warms up a scenario
 * of products or elementwise calls and prints {@code allocated N}, the least bytes any window of
 * calls after the warm-up allocated (HotSpot's per-thread counter, {@link ThreadAllocation}), or
 * {@code skipped REASON} on a JVM without the counter.
 *
 * <p>In a JVM of its own because what C2 makes of the Vector API code depends on what ran before:
 * after the module's other tests, compilations of the same methods have kept vectors boxed (30 to
 * 92 MB per 480 products) where a fresh JVM's never do, so a test in the shared JVM passed or failed
 * with the order and content of the tests before it.
 */
public final class AllocationProbe {
  /** Rounds before measuring: enough for C2 to compile even the rarely taken paths (see AllocationTest). */
  private static final int WARM_UP = 1000;
  private static final int MEASURED = 5;
  private static final int WINDOWS = 100;

  private AllocationProbe() {}

  /**
   * {@code args[0]}: {@code products}, {@code splitProducts}, {@code fusedProducts}, {@code
   * weightGradients} or {@code elementwise}.
   */
  public static void main(String[] args) {
    try {
      long least = switch (args[0]) {
        case "products" -> products();
        case "splitProducts" -> splitProducts();
        case "fusedProducts" -> fusedProducts();
        case "weightGradients" -> weightGradients();
        case "elementwise" -> elementwise();
        default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
      };
      System.out.println("allocated " + least);
    } catch (TestAbortedException e) {
      System.out.println("skipped " + e.getMessage());
    }
  }

  /** Products on one thread: every path, transpose, β and precision. */
  static long products() {
    VectorKernels kernel = new VectorKernels(1);
    // Direct path with row and column remainders, packed path with cut tiles, one long row, dot
    // products (A·Bᵀ of a few columns, long k: even and odd rows and columns, k with an odd last
    // vector and a remainder), and products one and two deep (a narrow layer over a batch, rows
    // past the groups of four), in every transpose; β = 0, 1 and otherwise, both precisions: the
    // profile C2 compiles from covers every branch.
    int[][] shapes = {
        {24, 21, 19}, {13, 37, 11}, {70, 90, 60}, {1, 70, 2000}, {10, 5, 300}, {3, 3, 301}, {10, 300, 2}, {6, 29, 1}};
    float[] betas = {0f, 1f, 0.5f};
    Random random = new Random(7);
    int count = shapes.length;
    float[][] af = new float[count][];
    float[][] bf = new float[count][];
    float[][] cf = new float[count][];
    double[][] ad = new double[count][];
    double[][] bd = new double[count][];
    double[][] cd = new double[count][];
    for (int s = 0; s < count; s++) {
      int size = Math.max(shapes[s][0], shapes[s][1]) * shapes[s][2];
      af[s] = new float[size];
      bf[s] = new float[size];
      cf[s] = new float[shapes[s][0] * shapes[s][1]];
      ad[s] = new double[size];
      bd[s] = new double[size];
      cd[s] = new double[shapes[s][0] * shapes[s][1]];
      for (int i = 0; i < size; i++) {
        af[s][i] = random.nextFloat();
        bf[s][i] = random.nextFloat();
        ad[s][i] = random.nextDouble();
        bd[s][i] = random.nextDouble();
      }
    }
    Runnable round = () -> {
      for (int s = 0; s < count; s++) {
        int m = shapes[s][0];
        int n = shapes[s][1];
        int k = shapes[s][2];
        for (int t = 0; t < 4; t++) {
          boolean ta = t / 2 == 1;
          boolean tb = t % 2 == 1;
          for (float beta : betas) {
            kernel.gemm(ta, tb, m, n, k, 1.5f, af[s], 0, ta ? m : k, bf[s], 0, tb ? k : n, beta, cf[s], 0, n);
            kernel.gemm(ta, tb, m, n, k, 1.5, ad[s], 0, ta ? m : k, bd[s], 0, tb ? k : n, beta, cd[s], 0, n);
          }
        }
      }
    };
    return ThreadAllocation.leastAfterWarmUp(round, WARM_UP, MEASURED, WINDOWS);
  }

  /**
   * Weight gradients with the bias gradient summed in the same pass ({@code gemmWithColumnSums}), on
   * one thread: the layers of a 2-10-5-1 network over 300 examples, and a product whose rows end in a
   * vector of half the sum width and three terms, with a last odd row and column; both precisions.
   */
  static long weightGradients() {
    VectorKernels kernel = new VectorKernels(1);
    // {m, n, k}: ∂L/∂W = X·Gᵀ of m×n, and ∂L/∂b, the sums of G's n rows of k
    int[][] shapes = {{10, 5, 300}, {2, 10, 300}, {5, 1, 300}, {3, 3, 71}};
    Random random = new Random(11);
    double[] x = new double[3000];
    double[] g = new double[3000];
    double[] w = new double[50];
    double[] sums = new double[10];
    float[] xf = new float[3000];
    float[] gf = new float[3000];
    float[] wf = new float[50];
    float[] sumsF = new float[10];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
      g[i] = random.nextGaussian();
      xf[i] = (float) x[i];
      gf[i] = (float) g[i];
    }
    Runnable round = () -> {
      for (int[] q : shapes) {
        int m = q[0];
        int n = q[1];
        int k = q[2];
        kernel.gemmWithColumnSums(false, true, m, n, k, x, 0, k, g, 0, k, w, 0, n, sums, 0);
        kernel.gemmWithColumnSums(false, true, m, n, k, xf, 0, k, gf, 0, k, wf, 0, n, sumsF, 0);
      }
    };
    // As for fusedProducts, longer: the blocks past the first two rows, and the last odd row's, run
    // once or twice a round. After 10,000 rounds all of 4 JVMs still allocated 21 to 71 KB a round
    // (in a harness that went on, JVMs reached zero later, each at its own time); after 50,000 none
    // of 8 did. That is about 2 s.
    return ThreadAllocation.leastAfterWarmUp(round, 50 * WARM_UP, MEASURED, WINDOWS);
  }

  /**
   * Products with their ReLU step fused, on one thread: the layers of a 2-10-5-1 network over 300
   * examples and over 70 (rows that end part way through a vector in both precisions), forward
   * (bias and ReLU) and backward (the gradient through the ReLU below), both precisions.
   */
  static long fusedProducts() {
    VectorKernels kernel = new VectorKernels(1);
    // {transA, m, n, k}: forward Wᵀ·X (transposed A), backward W·G
    int[][] shapes = {{1, 10, 300, 2}, {1, 5, 300, 10}, {0, 10, 300, 5}, {0, 5, 300, 1}, {1, 10, 70, 2}, {0, 6, 70, 3}};
    Random random = new Random(10);
    double[] a = new double[300];
    double[] b = new double[3000];
    double[] x = new double[3000];
    double[] c = new double[3000];
    float[] af = new float[300];
    float[] bf = new float[3000];
    float[] xf = new float[3000];
    float[] cf = new float[3000];
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextGaussian();
      x[i] = random.nextGaussian();
      bf[i] = (float) b[i];
      xf[i] = (float) x[i];
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextGaussian();
      af[i] = (float) a[i];
    }
    Runnable round = () -> {
      for (int[] q : shapes) {
        boolean transA = q[0] == 1;
        int m = q[1];
        int n = q[2];
        int k = q[3];
        int lda = transA ? m : k;
        if (transA) {
          kernel.gemmBiasRelu(true, false, m, n, k, a, 0, lda, b, 0, n, a, 0, c, 0, n);
          kernel.gemmBiasRelu(true, false, m, n, k, af, 0, lda, bf, 0, n, af, 0, cf, 0, n);
        } else {
          kernel.gemmReluGradient(false, false, m, n, k, a, 0, lda, b, 0, n, x, c, 0, n);
          kernel.gemmReluGradient(false, false, m, n, k, af, 0, lda, bf, 0, n, xf, cf, 0, n);
        }
      }
    };
    // A row left over after the groups of four is a method of its own, called once per product: in
    // 1,000 rounds C2 had compiled it only for on-stack replacement, and calls still ran the
    // allocating tier-3 code.
    return ThreadAllocation.leastAfterWarmUp(round, 5 * WARM_UP, MEASURED, WINDOWS);
  }

  /** Products split between two threads: the packed path and a direct outer product. */
  static long splitProducts() {
    VectorKernels kernel = new VectorKernels(2);
    int m = 192;
    int n = 160;
    int k = 150; // past GemmThreads.PARALLEL_WORK: split in two
    Random random = new Random(8);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    float[] c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextFloat();
    }
    // and an outer product (k = 1) of a single example's weight gradient, split on the direct path
    int rows = 784;
    int cols = 256;
    float[] outer = new float[rows * cols];
    Runnable round = () -> {
      kernel.gemm(false, true, m, n, k, 1f, a, 0, k, b, 0, k, 0f, c, 0, n);
      kernel.gemm(false, false, rows, cols, 1, 1f, a, 0, 1, b, 0, cols, 0f, outer, 0, cols);
    };
    return ThreadAllocation.leastAfterWarmUp(round, WARM_UP, MEASURED, WINDOWS);
  }

  /** The ReLU gradient and the threshold count in both precisions, and binary cross-entropy from logits. */
  static long elementwise() {
    VectorElementwise math = VectorElementwise.INSTANCE;
    // 13 elements: whole vectors and a tail (scalar, or for the loss one more vector ending at the
    // last element), in both precisions.
    double[] x = new double[13];
    double[] y = new double[13];
    float[] xf = new float[13];
    float[] yf = new float[13];
    double[] targets = new double[13];
    double[] sigmoid = new double[13];
    double[] gradient = new double[13];
    double[] loss = new double[13];
    Random random = new Random(9);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
      xf[i] = (float) x[i];
      targets[i] = random.nextInt(2);
    }
    Runnable round = () -> {
      math.reluBackward(x, y, y, 0, 13);
      math.reluBackward(xf, xf, yf, 2, 13);
      math.logitCrossEntropy(x, targets, 0.5, sigmoid, gradient, loss, 0, 13);
      if (math.thresholdAgreements(x, targets, 0.5, 0, 13) + math.thresholdAgreements(xf, yf, 0.5f, 0, 13) < 0) {
        throw new AssertionError("a negative count");
      }
    };
    // Short calls: C2 compiles them after tens of thousands of invocations, not a few hundred.
    return ThreadAllocation.leastAfterWarmUp(round, 150_000, MEASURED, WINDOWS);
  }
}
