package dev.descent.kernel;

/**
 * Per-thread scratch buffers of {@link BlockedGemm}: the packed panel of B (one array per k-step)
 * and the accumulator rows of a C strip, for each element type. Allocated on a thread's first
 * blocked product of that type and reused by every later one, so blocked products allocate nothing
 * in steady state. Never shared between threads.
 */
final class GemmWorkspace {
  private static final ThreadLocal<GemmWorkspace> CURRENT = ThreadLocal.withInitial(GemmWorkspace::new);

  private float[][] floatPanel;
  private float[][] floatRows;
  private double[][] doublePanel;
  private double[][] doubleRows;

  private GemmWorkspace() {}

  /** The calling thread's workspace. */
  static GemmWorkspace current() {
    return CURRENT.get();
  }

  /** {@link BlockedGemm#KC} rows of {@link BlockedGemm#FLOAT_NC} floats. */
  float[][] floatPanel() {
    if (floatPanel == null) {
      floatPanel = new float[BlockedGemm.KC][BlockedGemm.FLOAT_NC];
    }
    return floatPanel;
  }

  /** {@link MicroKernel#ROWS} rows of {@link BlockedGemm#FLOAT_NC} floats. */
  float[][] floatRows() {
    if (floatRows == null) {
      floatRows = new float[MicroKernel.ROWS][BlockedGemm.FLOAT_NC];
    }
    return floatRows;
  }

  /** {@link BlockedGemm#KC} rows of {@link BlockedGemm#DOUBLE_NC} doubles. */
  double[][] doublePanel() {
    if (doublePanel == null) {
      doublePanel = new double[BlockedGemm.KC][BlockedGemm.DOUBLE_NC];
    }
    return doublePanel;
  }

  /** {@link MicroKernel#ROWS} rows of {@link BlockedGemm#DOUBLE_NC} doubles. */
  double[][] doubleRows() {
    if (doubleRows == null) {
      doubleRows = new double[MicroKernel.ROWS][BlockedGemm.DOUBLE_NC];
    }
    return doubleRows;
  }
}
