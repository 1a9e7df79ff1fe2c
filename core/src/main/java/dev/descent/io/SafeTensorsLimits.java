package dev.descent.io;

import dev.descent.DescentException;

/**
 * Limits that {@link SafeTensorsFile#open(java.nio.file.Path, SafeTensorsLimits)} enforces before
 * it allocates memory for a header.
 *
 * @param maxHeaderBytes the longest JSON header accepted, in bytes
 * @param json the limits of the JSON parse of the header
 */
public record SafeTensorsLimits(long maxHeaderBytes, JsonLimits json) {

  /**
   * Headers of up to 100,000,000 bytes (the reference implementation's {@code MAX_HEADER_SIZE}) and
   * {@link JsonLimits#DEFAULT}.
   */
  public static final SafeTensorsLimits DEFAULT = new SafeTensorsLimits(100_000_000L, JsonLimits.DEFAULT);

  /** The largest header limit: a header must fit in one Java array. */
  public static final long MAX_HEADER_BYTES = Integer.MAX_VALUE - 8;

  /** Validates that the header limit is from 2 bytes (the shortest header is {@code {}}) to {@link #MAX_HEADER_BYTES}. */
  public SafeTensorsLimits {
    if (maxHeaderBytes < 2 || maxHeaderBytes > MAX_HEADER_BYTES) {
      throw new DescentException("SafeTensorsLimits.maxHeaderBytes must be from 2 to " + MAX_HEADER_BYTES + ", got "
          + maxHeaderBytes);
    }
    if (json == null) {
      throw new DescentException("SafeTensorsLimits.json must not be null");
    }
  }
}
