package dev.descent.kernel.vector;

import dev.descent.DescentException;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;

/**
 * Run by {@link PlainJvmTest} in a JVM without {@code jdk.incubator.vector}: prints each kernel the
 * service loader finds with its availability, the selected kernel, and what calling the
 * {@code vector} kernel anyway does.
 */
public final class PlainJvmProbe {
  private PlainJvmProbe() {}

  /** Prints one line per kernel, {@code selected NAME}, then {@code gemm: MESSAGE}. */
  public static void main(String[] args) {
    for (MatrixKernels kernel : Kernels.all()) {
      System.out.println(kernel.name() + " " + kernel.isAvailable());
    }
    System.out.println("selected " + Kernels.selected().name());
    float[] c = new float[1];
    try {
      new VectorKernels().gemm(false, false, 1, 1, 1, 1f, new float[] {2}, 0, 1, new float[] {3}, 0, 1, 0f, c, 0, 1);
      System.out.println("gemm: ran, c = " + c[0]);
    } catch (DescentException e) {
      System.out.println("gemm: " + e.getMessage());
    }
  }
}
