package dev.descent.bench;

import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.List;
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
 * The time of one optimizer step over one parameter tensor of {@link #size} elements (10⁷ by
 * default) in {@link #dtype}: Adam at its defaults and SGD with momentum 0.9, each a single fused
 * pass over the flat arrays, on every core (the optimizers split tensors of 2¹⁸ elements or more).
 *
 * <p>For reference, PyTorch takes about 60 ms for the Adam step and 9 ms for the SGD-with-momentum
 * step over 10⁷ float32 parameters on the development machine with two threads. Both steps are
 * bound by memory bandwidth: Adam reads four arrays and writes three (28 bytes per float32
 * element), SGD with momentum reads three and writes two (20 bytes).
 *
 * <p>Run from the repository root after {@code ./mvnw -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OptimizerStepBenchmark
 * java -jar benchmarks/target/benchmarks.jar OptimizerStepBenchmark -p dtype=float64
 * java -jar benchmarks/target/benchmarks.jar OptimizerStepBenchmark \
 *     -jvmArgsAppend "--add-modules=jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -Xmx4g -Ddescent.optimizer.threads=1"
 * </pre>
 *
 * A {@code -jvmArgsAppend} on the command line replaces the flags given here, hence the repetition.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.VECTOR_MODULE, ForkFlags.LINE_ALIGNED_OBJECTS, "-Xmx4g"})
@State(Scope.Thread)
public class OptimizerStepBenchmark {

  /** The number of parameters. */
  @Param({"10000000"})
  public int size;

  /** float32 or float64. */
  @Param({"float32"})
  public String dtype;

  private List<Parameter> parameters;
  private Optimizer adam;
  private Optimizer sgdMomentum;

  @Setup(Level.Trial)
  public void setUp() {
    DType type = DType.parse(dtype);
    Tensor value = Tensor.zeros(type, 1, size);
    Tensor grad = Tensor.zeros(type, 1, size);
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < size; i++) {
      value.set(i, random.nextGaussian());
      grad.set(i, 1e-3 * random.nextGaussian());
    }
    parameters = List.of(new Parameter("0.weight", value, grad, true));
    adam = Optimizers.resolve("adam(lr=0.001)");
    sgdMomentum = Optimizers.resolve("sgd(lr=0.001, momentum=0.9)");
    adam.step(parameters); // creates the state, so the measured steps allocate nothing
    sgdMomentum.step(parameters);
  }

  /** One Adam step (β = (0.9, 0.999), ε = 1e-8). */
  @Benchmark
  public void adamStep() {
    adam.step(parameters);
  }

  /** One SGD step with momentum 0.9. */
  @Benchmark
  public void sgdMomentumStep() {
    sgdMomentum.step(parameters);
  }
}
