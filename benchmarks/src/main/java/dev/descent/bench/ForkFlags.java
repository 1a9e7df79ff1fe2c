package dev.descent.bench;

/**
 * The JVM flags every benchmark fork runs with, kept in one place so that the launcher's kernel
 * probe ({@link Bench}) sees the kernels exactly as the forks do.
 */
public final class ForkFlags {
  private ForkFlags() {}

  /**
   * Puts the Vector API in the boot layer, so the {@code vector} kernel is available (and, by its
   * priority, chosen) when its module is on the class path; harmless otherwise.
   */
  public static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

  /**
   * Lets the {@code blas} kernel's netlib load the native library without the warning that Java 22
   * and later print for {@code System.load} from the class path; accepted silently since Java 17.
   */
  public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

  /**
   * Starts every object, so every array, on a 64-byte line, as the {@code descent} launcher does: a
   * feature-major stack then places each row of its matrices on a line, and its kernels' vectors
   * along the rows are aligned accesses.
   */
  public static final String LINE_ALIGNED_OBJECTS = "-XX:ObjectAlignmentInBytes=64";
}
