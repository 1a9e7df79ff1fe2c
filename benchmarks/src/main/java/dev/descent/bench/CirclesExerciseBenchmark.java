package dev.descent.bench;

import dev.descent.bench.sidebyside.CirclesExercise;
import dev.descent.data.Dataset;
import dev.descent.lab.experiments.InitializationExperiment;
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
 * The 2-10-5-1 exercise as the side-by-side runs it ({@link CirclesExercise}): a fresh network
 * trained on the 300 circles for {@value InitializationExperiment#UPDATES} full-batch updates
 * (float64, relu, relu, binary cross-entropy on the logits, SGD with learning rate 0.01), the
 * network and data built outside the timed part. The result is milliseconds per run, each a whole
 * training; the project's target is a tenth of NumPy's time for the same network written by hand
 * ({@code benchmarks/side-by-side.sh} runs both).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CirclesExerciseBenchmark -p kernel=vector
 * java -jar benchmarks/target/benchmarks.jar CirclesExerciseBenchmark -p kernel=vector,blocked,blas
 * </pre>
 *
 * <p>Without {@code -p kernel} the launcher runs every available kernel, EJML's multi-threaded one
 * too, which takes seconds per run of these tiny products.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.VECTOR_MODULE, ForkFlags.LINE_ALIGNED_OBJECTS, ForkFlags.NATIVE_ACCESS})
@State(Scope.Thread)
public class CirclesExerciseBenchmark {

  /** The kernel the tensors use (see {@link KernelSelection}). */
  @Param({"vector", "blocked"})
  public String kernel;

  private Dataset data;

  /** Selects the kernel, then builds the training set. */
  @Setup(Level.Trial)
  public void setUp() {
    KernelSelection.select(kernel);
    data = CirclesExercise.data(1);
  }

  /** One whole training run; returns its final cost. */
  @Benchmark
  public double train() {
    return CirclesExercise.train(data, 1, InitializationExperiment.UPDATES).finalCost();
  }
}
