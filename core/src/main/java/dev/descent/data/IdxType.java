package dev.descent.data;

/**
 * The element types of the IDX format (LeCun, Cortes and Burges, "The MNIST database of handwritten
 * digits", file-format section): the third byte of the magic number names one of these, and every
 * value is stored big-endian in its width. Immutable.
 */
public enum IdxType {
  /** 0x08: unsigned byte, the type of MNIST's images and labels. */
  UNSIGNED_BYTE(0x08, 1),
  /** 0x09: signed byte. */
  SIGNED_BYTE(0x09, 1),
  /** 0x0B: 16-bit signed integer. */
  SHORT(0x0B, 2),
  /** 0x0C: 32-bit signed integer. */
  INT(0x0C, 4),
  /** 0x0D: 32-bit IEEE float. */
  FLOAT(0x0D, 4),
  /** 0x0E: 64-bit IEEE double. */
  DOUBLE(0x0E, 8);

  private final int code;
  private final int width;

  IdxType(int code, int width) {
    this.code = code;
    this.width = width;
  }

  /** The type code in the magic number. */
  public int code() {
    return code;
  }

  /** Bytes per value. */
  public int width() {
    return width;
  }

  /** The type with {@code code}, or {@code null} when no type has it. */
  public static IdxType ofCode(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
