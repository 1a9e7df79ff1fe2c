package dev.descent.bench;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;

/**
 * Prints one line per kernel on the class path, {@code name<TAB>available<TAB>description}, highest
 * priority first. {@link Bench} runs it in a JVM started with the benchmark forks' flags, so that
 * availability is what the forks will see (the {@code vector} kernel, for one, depends on a flag).
 */
public final class KernelProbe {
  private KernelProbe() {}

  /** Prints the kernels; takes no arguments. */
  public static void main(String[] args) {
    for (MatrixKernels k : Kernels.all()) {
      System.out.println(k.name() + "\t" + k.isAvailable() + "\t" + k.description().replace('\t', ' ').replace('\n', ' '));
    }
  }
}
