/**
 * Files: the hardened layer that model files and training checkpoints are built on.
 *
 * <ul>
 *   <li>{@link dev.descent.io.Json}: a strict RFC 8259 parser (bounded by
 *       {@link dev.descent.io.JsonLimits}, errors with line and column) and writer;
 *   <li>{@link dev.descent.io.SafeTensorsWriter} and {@link dev.descent.io.SafeTensorsFile}: the
 *       safetensors format, with a CRC-32C of the data and Descent's version in the metadata, and a
 *       reader that validates every header field before it allocates anything large;
 *   <li>{@link dev.descent.io.AtomicFile}: write to a temporary file, fsync, rename over the target;
 *   <li>{@link dev.descent.io.NpzWriter}: NumPy {@code .npz} archives.
 * </ul>
 *
 * <p>A malformed file is a one-line {@link dev.descent.io.FileFormatException} naming the file,
 * the position and the problem; an I/O error is a {@link dev.descent.DescentException} naming the
 * file. Nothing else escapes.
 */
package dev.descent.io;
