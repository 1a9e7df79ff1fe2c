package dev.descent.bench;

import dev.descent.DescentException;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;

/**
 * Makes a benchmark fork's tensors use the kernel named by its {@code kernel} parameter. Tensors
 * take {@link Kernels#selected()}, which is chosen once per JVM from the system property {@value
 * Kernels#PROPERTY}; JMH runs each parameter combination in its own fork, so setting the property
 * before the first tensor is made selects the kernel for the whole fork.
 */
final class KernelSelection {
  private KernelSelection() {}

  /**
   * Selects {@code name} for this JVM, failing with a one-line reason when it is unknown or
   * unavailable, or when another kernel was already selected (a run with {@code -f 0}).
   */
  static MatrixKernels select(String name) {
    Kernels.choose(Kernels.all(), name); // a clear error for an unknown or unavailable name
    System.setProperty(Kernels.PROPERTY, name);
    MatrixKernels selected = Kernels.selected();
    if (!selected.name().equalsIgnoreCase(name.strip())) {
      throw new DescentException(String.format(
          "kernel '%s' was asked for, but this JVM already uses '%s'; run each kernel in its own fork (not -f 0)",
          name, selected.name()));
    }
    return selected;
  }
}
