package dev.descent.nn;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.descent.tensor.DType;
import java.lang.management.ManagementFactory;

/**
 * Where the rows of a {@link FeatureMajorStack}'s matrices lie in their arrays: each row starts on a
 * {@value #LINE}-byte boundary (a cache line, and the widest vector a kernel loads) when the JVM
 * places arrays on such boundaries, and right after the previous row otherwise.
 *
 * <p>Why: a vector that straddles two cache lines costs the processor two accesses. A {@code
 * double[]}'s elements start {@code arrayBase} bytes (16 on HotSpot) into the array object, and
 * objects start on multiples of {@code -XX:ObjectAlignmentInBytes} (8 by default), so with the
 * default a row starts wherever the array happens to lie, and every 64-byte vector along it
 * straddles two lines unless the array lies 48 bytes past one. When the JVM runs with {@code
 * -XX:ObjectAlignmentInBytes=64} (the {@code descent} launcher's default), every array starts on a
 * line wherever the collector moves it; then the first row starts {@code ((−arrayBase) mod 64) /
 * elementBytes} elements in (6 doubles or 12 floats after a 16-byte header) and each row's stride
 * is its length rounded up to a whole line, so every vector from a row's start is one aligned
 * access.
 *
 * <p>The layout changes where values are stored, never what is computed: the kernels take any
 * offset and stride, and their results do not depend on them.
 *
 * @param objectAlignment the JVM's object alignment in bytes
 * @param arrayBase the offset in bytes of element 0 from the start of a {@code float[]} or {@code
 *     double[]}
 */
record RowLayout(int objectAlignment, int arrayBase) {
  /** The bytes of a cache line and of a 512-bit vector. */
  static final int LINE = 64;

  /** Rows one after the other, as a tensor holds them. */
  static final RowLayout CONTIGUOUS = new RowLayout(8, 16);

  /** This JVM's layout, read once: aligned rows when objects start on lines, else contiguous. */
  static RowLayout ofThisJvm() {
    return Detected.LAYOUT;
  }

  /** Whether rows start on lines: objects do, and element 0 lies a whole number of floats and doubles in. */
  boolean aligned() {
    return objectAlignment % LINE == 0 && arrayBase % Double.BYTES == 0;
  }

  /** The index of a matrix's element (0, 0) in its array. */
  int offset(DType dtype) {
    return aligned() ? Math.floorMod(-arrayBase, LINE) / bytes(dtype) : 0;
  }

  /** The distance between the starts of two rows of {@code cols} elements, in elements. */
  int stride(int cols, DType dtype) {
    if (!aligned()) {
      return cols;
    }
    int perLine = LINE / bytes(dtype);
    return (cols + perLine - 1) / perLine * perLine;
  }

  private static int bytes(DType dtype) {
    return dtype == DType.FLOAT32 ? Float.BYTES : Double.BYTES;
  }

  /** The layout of this JVM, read from its options and its array header. */
  private static final class Detected {
    static final RowLayout LAYOUT = read();

    private static RowLayout read() {
      try {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        int alignment = Integer.parseInt(vm.getVMOption("ObjectAlignmentInBytes").getValue());
        Class<?> unsafe = Class.forName("sun.misc.Unsafe");
        int doubleBase = unsafe.getField("ARRAY_DOUBLE_BASE_OFFSET").getInt(null);
        int floatBase = unsafe.getField("ARRAY_FLOAT_BASE_OFFSET").getInt(null);
        return doubleBase == floatBase ? new RowLayout(alignment, doubleBase) : CONTIGUOUS;
      } catch (ReflectiveOperationException | RuntimeException | LinkageError unknown) {
        // not HotSpot, or a runtime without jdk.management or jdk.unsupported: rows one after the other
        return CONTIGUOUS;
      }
    }
  }
}
