package dev.descent.bench.sidebyside;

import dev.descent.bench.MlpWorkload;

/**
 * Training throughput by the clock, the same procedure as {@code benchmarks/python/mlp_throughput.py}:
 * steps for {@code warmup} seconds untimed (the JIT compiles, PyTorch's allocator fills), then whole
 * steps until at least {@code seconds} have passed; the rate is the steps' examples over their time.
 *
 * @param steps the timed steps
 * @param seconds their wall time
 * @param samplesPerSecond steps × batch / seconds
 */
public record Throughput(long steps, double seconds, double samplesPerSecond) {

  /** Measures {@code workload} as described above. */
  public static Throughput measure(MlpWorkload workload, double warmup, double seconds) {
    double sink = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < warmup * 1e9) {
      sink += workload.step();
    }
    long steps = 0;
    start = System.nanoTime();
    long elapsed;
    do {
      sink += workload.step();
      steps++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < seconds * 1e9);
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("the MLP training loss became NaN");
    }
    double time = elapsed / 1e9;
    return new Throughput(steps, time, steps * workload.batch() / time);
  }
}
