package dev.descent.bench;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square matrix products C ← op(A)·op(B) (α = 1, β = 0) through a {@link MatrixKernels}, in float
 * and double, for each {@link #layout} (NN, NT, TN), {@link #size} (64 to 2048) and {@link #kernel}:
 * every Descent kernel, and EJML ({@code ejml}: {@code CommonOps_FDRM}/{@code CommonOps_DDRM} on
 * one thread; {@code ejml_mt}: {@code CommonOps_MT_*} on every core) through the same interface.
 *
 * <p>A size-n product is 2·n³ floating-point operations, so GFLOP/s = 2·n³ · (ops/s) / 10⁹. The
 * harness reports it directly as the secondary result {@code :gflop} (the counter grows by 2·n³/10⁹
 * per product and is normalised to time, so its "ops/s" are GFLOP/s).
 *
 * <p>Run from the repository root after {@code ./mvnw -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark                  # every size, layout, kernel
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark -p size=1024 -p kernel=vector,ejml_mt
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark.gemmFloat -p layout=NN -p size=256,2048
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark -p kernel=reference -p size=64,128
 * </pre>
 *
 * Without {@code -p kernel}, the launcher ({@link Bench}) passes every available kernel but the
 * reference, which takes seconds per product at 1024: give it small sizes only. A kernel that is
 * asked for but unavailable fails its benchmarks with a one-line reason.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.VECTOR_MODULE, ForkFlags.LINE_ALIGNED_OBJECTS, ForkFlags.NATIVE_ACCESS})
@State(Scope.Thread)
public class GemmBenchmark {

  /** Rows = columns = depth of every operand. */
  @Param({"64", "128", "256", "512", "1024", "2048"})
  public int size;

  /** The kernel's name, as {@code descent list kernels} shows it, or {@code ejml}, {@code ejml_mt}. */
  @Param({"blocked", "vector", "blas", "ejml", "ejml_mt"})
  public String kernel;

  /** Which operands are transposed: NN, NT (B) or TN (A). */
  @Param({"NN", "NT", "TN"})
  public String layout;

  private MatrixKernels kernels;
  private boolean transA;
  private boolean transB;
  private float[] af;
  private float[] bf;
  private float[] cf;
  private double[] ad;
  private double[] bd;
  private double[] cd;


  /** Chooses the kernel and fills A and B with uniform values in [−1, 1) from a fixed seed. */
  @Setup(Level.Trial)
  public void setUp() {
    kernels = Kernels.choose(Kernels.all(), kernel);
    transA = layout.charAt(0) == 'T';
    transB = layout.charAt(1) == 'T';
    SplittableRandom random = new SplittableRandom(42);
    int elements = size * size;
    af = new float[elements];
    bf = new float[elements];
    cf = new float[elements];
    ad = new double[elements];
    bd = new double[elements];
    cd = new double[elements];
    for (int i = 0; i < elements; i++) {
      af[i] = (float) (2 * random.nextDouble() - 1);
      bf[i] = (float) (2 * random.nextDouble() - 1);
      ad[i] = af[i];
      bd[i] = bf[i];
    }
  }

  /** One single-precision product. */
  @Benchmark
  public float[] gemmFloat(Flops flops) {
    kernels.gemm(transA, transB, size, size, size, 1f, af, 0, size, bf, 0, size, 0f, cf, 0, size);
    flops.gflop += gflop();
    return cf;
  }

  /** One double-precision product. */
  @Benchmark
  public double[] gemmDouble(Flops flops) {
    kernels.gemm(transA, transB, size, size, size, 1d, ad, 0, size, bd, 0, size, 0d, cd, 0, size);
    flops.gflop += gflop();
    return cd;
  }

  private double gflop() {
    return 2e-9 * size * size * size;
  }
}
