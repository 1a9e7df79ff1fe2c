package dev.descent.bench;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * and double, for each {@link #layout} (NN, NT, TN) and {@link #size}.
 *
 * <p>A size-n product is 2·n³ floating-point operations, so GFLOP/s = 2·n³ · (ops/s) / 10⁹. The
 * harness reports it directly as the secondary result {@code :gflop} (the counter grows by 2·n³/10⁹
 * per product and is normalised to time, so its "ops/s" are GFLOP/s).
 *
 * <p>Run from the repository root after {@code ./mvnw -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark                       # 64, 256, 1024
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark -p size=2048          # a larger size
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark -p kernel=reference -p size=64,256
 * java -jar benchmarks/target/benchmarks.jar GemmBenchmark -jvmArgsAppend -XX:ActiveProcessorCount=1
 * </pre>
 *
 * The last line restricts the forked JVM to one processor, which keeps the blocked kernel on its
 * single-threaded path. {@code kernel} is any name {@code descent list kernels} shows; the reference
 * kernel takes seconds per product at 1024, so give it small sizes only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class GemmBenchmark {

  /** Rows = columns = depth of every operand. */
  @Param({"64", "256", "1024"})
  public int size;

  /** The kernel's name, as accepted by {@code -Ddescent.kernel}. */
  @Param({"blocked"})
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

  /** The floating-point work done, in GFLOP; its rate in the results is GFLOP/s. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Flops {
    /** GFLOP done in this iteration. */
    public double gflop;
  }

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
