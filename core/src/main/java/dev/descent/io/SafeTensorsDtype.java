package dev.descent.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types of the safetensors format, with their names as the header spells them and
 * their sizes in bytes (the {@code Dtype} enum of the reference implementation,
 * huggingface/safetensors {@code safetensors/src/tensor.rs}). Every type can be listed and
 * validated; {@link SafeTensorsFile} returns arrays for {@link #F32}, {@link #F64}, {@link #I64},
 * {@link #I32} and {@link #U8}.
 */
public enum SafeTensorsDtype {
  /** Boolean, one byte. */
  BOOL(1),
  /** Unsigned 8-bit integer. */
  U8(1),
  /** Signed 8-bit integer. */
  I8(1),
  /** 8-bit float with 5 exponent and 2 mantissa bits (Micikevicius et al. 2022). */
  F8_E5M2(1),
  /** 8-bit float with 4 exponent and 3 mantissa bits (Micikevicius et al. 2022). */
  F8_E4M3(1),
  /** Signed 16-bit integer. */
  I16(2),
  /** Unsigned 16-bit integer. */
  U16(2),
  /** IEEE 754 half precision. */
  F16(2),
  /** bfloat16. */
  BF16(2),
  /** Signed 32-bit integer. */
  I32(4),
  /** Unsigned 32-bit integer. */
  U32(4),
  /** IEEE 754 single precision. */
  F32(4),
  /** IEEE 754 double precision. */
  F64(8),
  /** Signed 64-bit integer. */
  I64(8),
  /** Unsigned 64-bit integer. */
  U64(8);

  private final int byteSize;

  SafeTensorsDtype(int byteSize) {
    this.byteSize = byteSize;
  }

  /** The size of one element in bytes. */
  public int byteSize() {
    return byteSize;
  }

  /** The type the header names {@code code} ({@code "F32"}, ...), or null if there is none. */
  public static SafeTensorsDtype of(String code) {
    for (SafeTensorsDtype d : values()) {
      if (d.name().equals(code)) {
        return d;
      }
    }
    return null;
  }

  /** Every name, comma-separated, for error messages. */
  public static String known() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
