package dev.descent.kernel.blas;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the system BLAS through {@code dev.ludovic.netlib} once per JVM, quietly.
 *
 * <p>netlib 3.0.x unpacks a small JNI wrapper from its jar (Linux amd64 and aarch64 only) whose
 * {@code JNI_OnLoad} calls {@code dlopen} on the library named by the system property
 * {@value #PATH_PROPERTY} if set, else {@value #LIBRARY_PROPERTY}, else {@value #DEFAULT_LIBRARY}
 * (on Debian a link, managed by the alternatives system, to OpenBLAS or to the reference BLAS), and
 * looks up the Fortran symbols {@code sgemm_}, {@code dgemm_} and the rest of BLAS. When that
 * fails, {@link BLAS#getInstance()} silently falls back to a pure-Java BLAS; only
 * {@link NativeBLAS#getInstance()} tells the two apart, so that is what is asked here.
 *
 * <p>netlib reports each implementation it fails to load (including, on Java 17 without
 * {@code --add-modules jdk.incubator.vector}, its vectorised Java BLAS) as a
 * {@code java.util.logging} warning on standard error. Those warnings are switched off for the
 * duration of the one-time load, so a machine without a native BLAS prints nothing. Thread-safe.
 */
final class NativeBlas {
  /** netlib's system property naming the library to {@code dlopen}, searched on the loader path. */
  static final String LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";

  /** netlib's system property giving the library's full path; wins over {@value #LIBRARY_PROPERTY}. */
  static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

  /** What netlib opens when neither property is set. */
  static final String DEFAULT_LIBRARY = "libblas.so.3";

  private static final String NETLIB_LOGGER = "dev.ludovic.netlib.blas.InstanceBuilder";

  private NativeBlas() {}

  /** The native BLAS, or null when it did not load in this JVM. */
  static BLAS instance() {
    return Holder.INSTANCE;
  }

  /** The library netlib tries to open in this JVM, as named by its properties. */
  static String library() {
    String path = System.getProperty(PATH_PROPERTY);
    if (path != null) {
      return path;
    }
    return System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY);
  }

  private static final class Holder {
    static final BLAS INSTANCE = load();
  }

  private static BLAS load() {
    Logger logger = Logger.getLogger(NETLIB_LOGGER);
    Level before = logger.getLevel();
    logger.setLevel(Level.OFF);
    try {
      return NativeBLAS.getInstance();
    } catch (RuntimeException | LinkageError notLoaded) {
      return null;
    } finally {
      logger.setLevel(before);
    }
  }
}
