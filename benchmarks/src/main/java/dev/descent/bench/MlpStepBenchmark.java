package dev.descent.bench;

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
 * One full training step of the 784-256-128-10 relu network (forward, softmax cross-entropy,
 * backward, Adam update; float32) at each {@link #batch} size, on synthetic data: see {@link
 * MlpWorkload}. The primary result is steps per second; the secondary result {@code :samples} is
 * training examples per second (the counter grows by the batch size per step and is normalised to
 * time), the figure to compare with PyTorch ({@code benchmarks/side-by-side.sh} does that).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MlpStepBenchmark
 * java -jar benchmarks/target/benchmarks.jar MlpStepBenchmark -p batch=32 -p kernel=blocked,vector
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.VECTOR_MODULE, ForkFlags.LINE_ALIGNED_OBJECTS, ForkFlags.NATIVE_ACCESS})
@State(Scope.Thread)
public class MlpStepBenchmark {

  /** Examples per step. */
  @Param({"1", "32", "128", "1024"})
  public int batch;

  /** The kernel the tensors use (see {@link KernelSelection}). */
  @Param({"blocked", "vector", "blas", "ejml", "ejml_mt"})
  public String kernel;

  private MlpWorkload workload;

  /** Training examples processed, per second in the results. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Samples {
    /** Examples processed in this iteration. */
    public long samples;
  }

  /** Selects the kernel, then builds the network, the optimizer and the data. */
  @Setup(Level.Trial)
  public void setUp() {
    KernelSelection.select(kernel);
    workload = MlpWorkload.create(batch, 42);
  }

  /** One training step. */
  @Benchmark
  public double step(Samples samples) {
    samples.samples += batch;
    return workload.step();
  }
}
