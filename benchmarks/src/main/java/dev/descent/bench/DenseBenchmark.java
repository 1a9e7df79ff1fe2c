package dev.descent.bench;

import dev.descent.DescentException;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The forward and the backward pass of one fully connected layer followed by relu, y = relu(x·W + b),
 * float32, built as {@link Mlp} builds a layer (so whatever it fuses is measured), for each {@link
 * #layer} shape (the two hidden layers of the 784-256-128-10 network), {@link #batch} size and
 * {@link #kernel}.
 *
 * <p>The forward pass does one product of 2·batch·in·out floating-point operations; the backward
 * pass two (∂L/∂W = xᵀ·G and ∂L/∂x = G·Wᵀ), plus the bias gradient. The secondary result
 * {@code :gflop} counts those products' operations only, so its rate is the GFLOP/s of the products
 * with the bias and relu work included in the time.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DenseBenchmark
 * java -jar benchmarks/target/benchmarks.jar DenseBenchmark.backward -p layer=784x256 -p batch=128
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.VECTOR_MODULE, ForkFlags.LINE_ALIGNED_OBJECTS, ForkFlags.NATIVE_ACCESS})
@State(Scope.Thread)
public class DenseBenchmark {

  /** Inputs × outputs of the layer. */
  @Param({"784x256", "256x128"})
  public String layer;

  /** Examples per pass. */
  @Param({"1", "32", "128", "1024"})
  public int batch;

  /** The kernel the tensors use (see {@link KernelSelection}). */
  @Param({"blocked", "vector", "blas", "ejml", "ejml_mt"})
  public String kernel;

  private Sequential dense;
  private Tensor input;
  private Tensor gradOutput;
  private double forwardGflop;


  /** Selects the kernel, builds the layer, draws x and G from N(0, 1) and runs one forward pass. */
  @Setup(Level.Trial)
  public void setUp() {
    KernelSelection.select(kernel);
    String[] io = layer.split("x");
    if (io.length != 2) {
      throw new DescentException("DenseBenchmark: parameter 'layer' must be INxOUT such as 784x256, got " + layer);
    }
    int in = Integer.parseInt(io[0].strip());
    int out = Integer.parseInt(io[1].strip());
    SplittableRandom random = new SplittableRandom(42);
    dense = Mlp.of(new int[0], "relu", out, "relu", "he_normal", "zeros");
    dense.build(in, DType.FLOAT32, random.split());
    input = gaussian(batch, in, random);
    gradOutput = gaussian(batch, out, random);
    dense.forward(input, true);
    forwardGflop = 2e-9 * batch * in * out;
  }

  private static Tensor gaussian(int rows, int cols, SplittableRandom random) {
    Tensor t = Tensor.zeros(DType.FLOAT32, rows, cols);
    for (int i = 0; i < rows * cols; i++) {
      t.set(i, random.nextGaussian());
    }
    return t;
  }

  /** relu(x·W + b), in training mode (keeping what backward needs). */
  @Benchmark
  public Tensor forward(Flops flops) {
    flops.gflop += forwardGflop;
    return dense.forward(input, true);
  }

  /** The gradients of W, b and x from the output gradient G, for the last forward pass. */
  @Benchmark
  public Tensor backward(Flops flops) {
    flops.gflop += 2 * forwardGflop;
    return dense.backward(gradOutput);
  }
}
