package dev.descent.io;

import java.util.List;
import java.util.zip.Checksum;

/**
 * The names and version of what Descent puts into a safetensors file's {@code __metadata__}.
 *
 * <p>The safetensors format (https://huggingface.co/docs/safetensors): an 8-byte little-endian
 * unsigned header length N, N bytes of UTF-8 JSON mapping each tensor name to {@code {"dtype",
 * "shape", "data_offsets": [begin, end]}} (offsets relative to the first byte after the header)
 * plus an optional {@code "__metadata__"} object of strings, then the data section: the tensors'
 * bytes, row-major and little-endian, covering the section without gaps or overlaps.
 *
 * <p>Descent adds four metadata entries: {@value #FORMAT_KEY} = {@code "pt"} (what PyTorch's
 * writer puts there, so Python tools treat the file as theirs), {@value #FORMAT_VERSION_KEY} =
 * {@value #FORMAT_VERSION}, {@value #VERSION_KEY} = the Descent version that wrote the file, and
 * {@value #CHECKSUM_KEY} = {@code crc32c:} followed by 8 lower-case hexadecimal digits, the CRC-32C
 * (Castagnoli polynomial, RFC 3720 appendix B.4) of the whole data section. Stateless.
 */
public final class SafeTensorsFormat {
  /** The header member that holds the metadata. */
  public static final String METADATA_KEY = "__metadata__";
  /** The metadata key that PyTorch's safetensors writer sets to {@code "pt"}. */
  public static final String FORMAT_KEY = "format";
  /** The metadata key of Descent's file-format version. */
  public static final String FORMAT_VERSION_KEY = "descent.format_version";
  /** The metadata key of the Descent version that wrote the file. */
  public static final String VERSION_KEY = "descent.version";
  /** The metadata key of the data section's checksum. */
  public static final String CHECKSUM_KEY = "descent.checksum";
  /** The file-format version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The metadata keys a caller cannot set: the writer sets them. */
  public static final List<String> RESERVED_KEYS = List.of(FORMAT_KEY, FORMAT_VERSION_KEY, VERSION_KEY, CHECKSUM_KEY);

  private SafeTensorsFormat() {}

  /** The checksum's metadata value: {@code crc32c:} and 8 lower-case hex digits of {@code crc}. */
  public static String checksum(Checksum crc) {
    return String.format("crc32c:%08x", crc.getValue());
  }

  /** Whether {@code value} is a well-formed checksum value ({@code crc32c:} and 8 hex digits). */
  static boolean isChecksum(String value) {
    return value.matches("crc32c:[0-9a-fA-F]{8}");
  }
}
