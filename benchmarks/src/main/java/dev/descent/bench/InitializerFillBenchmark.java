package dev.descent.bench;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Values per second for filling 10⁸ float32 weights (a 10 000 × 10 000 dense weight) with an
 * initializer: JMH's "ops/s" is values per second, since one invocation fills {@value #VALUES}
 * values. The fill runs on every available core, as initializers do by default; the result is the
 * same for any core count.
 *
 * <p>Reference point: PyTorch's {@code torch.nn.init.kaiming_normal_} fills about 230 million
 * float32 values per second on the project's 2-core build machine.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar InitializerFillBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.VECTOR_MODULE, ForkFlags.LINE_ALIGNED_OBJECTS, "-Xms1g", "-Xmx1g"})
public class InitializerFillBenchmark {
  /** The number of values one invocation fills. */
  static final int VALUES = 100_000_000;

  private static final int ROWS = 10_000;
  private static final int COLS = VALUES / ROWS;

  /** The scheme, as a spec. */
  @Param({"he_normal", "kaiming_normal", "glorot_uniform"})
  public String scheme;

  private Initializer initializer;
  private Tensor weight;
  private Fans fans;
  private SplittableRandom random;

  @Setup(Level.Trial)
  public void setUp() {
    initializer = Initializers.resolve(scheme);
    weight = Tensor.zeros(DType.FLOAT32, ROWS, COLS);
    fans = Fans.dense(ROWS, COLS);
    random = new SplittableRandom(42);
  }

  /** Fills the 10⁸ values once. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public Tensor fill() {
    initializer.fill(weight, fans, random);
    return weight;
  }
}
