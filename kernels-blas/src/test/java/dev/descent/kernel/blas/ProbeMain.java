package dev.descent.kernel.blas;

/**
 * Run in a fresh JVM by {@link QuietLoadTest}: loads the native BLAS the way the kernel does and
 * prints {@code available=true} or {@code available=false} on standard output, nothing else.
 */
public final class ProbeMain {
  private ProbeMain() {}

  /** Prints whether {@link BlasKernels#isAvailable()} is true in this JVM. */
  public static void main(String[] args) {
    System.out.println("available=" + new BlasKernels().isAvailable());
  }
}
