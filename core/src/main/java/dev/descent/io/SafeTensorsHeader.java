package dev.descent.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads and validates the length field and JSON header of a safetensors file, before anything
 * large is allocated: the header buffer is allocated only once its length is known to fit both
 * the file and {@link SafeTensorsLimits#maxHeaderBytes()}, and no tensor data is read.
 *
 * <p>It checks, in order: the file holds the 8-byte length; the length is within the limit and
 * the file; the header is UTF-8; it is JSON within {@link SafeTensorsLimits#json()} (which also
 * rejects duplicate names); it is an object; {@code __metadata__} is an object of strings with a
 * supported {@code descent.format_version} and a well-formed {@code descent.checksum}; each tensor
 * is an object of exactly {@code dtype} (a known {@link SafeTensorsDtype}), {@code shape}
 * (non-negative integers whose product, times the element size, fits in 63 bits) and
 * {@code data_offsets} (two integers, begin ≤ end ≤ the data section's length, end − begin equal
 * to the tensor's byte size); and the tensors cover the data section exactly, with no gap and no
 * overlap (the reference implementation's {@code Metadata::validate}). Every failure is a one-line
 * {@link FileFormatException}. Immutable once read.
 */
final class SafeTensorsHeader {

  /** One tensor's header entry. */
  record Entry(String name, SafeTensorsDtype dtype, long[] shape, long begin, long end, int offset) {
    /** The number of elements: the product of the shape (1 for a scalar). */
    long elements() {
      return (end - begin) / dtype.byteSize();
    }
  }

  private static final Set<String> TENSOR_KEYS = Set.of("dtype", "shape", "data_offsets");

  final Path file;
  final long dataStart;
  final long dataLength;
  final Map<String, Entry> entries;
  final Map<String, String> metadata;
  final String checksum;

  /** The parsed header while it is validated; released afterwards, so an open file keeps only the entries. */
  private JsonDocument document;

  private SafeTensorsHeader(Path file, long headerLength, long fileSize, JsonDocument document) {
    this.file = file;
    this.dataStart = 8 + headerLength;
    this.dataLength = fileSize - dataStart;
    this.document = document;
    Map<String, Entry> tensors = new LinkedHashMap<>();
    Map<String, String> meta = Map.of();
    if (!(document.value() instanceof Map<?, ?> root)) {
      throw at(0, "the header is " + describe(document.value()) + ", not a JSON object");
    }
    for (Map.Entry<?, ?> member : root.entrySet()) {
      String name = (String) member.getKey();
      if (name.equals(SafeTensorsFormat.METADATA_KEY)) {
        meta = metadata(root, member.getValue());
      } else {
        tensors.put(name, tensor(root, name, member.getValue()));
      }
    }
    this.metadata = Collections.unmodifiableMap(meta);
    String recorded = meta.get(SafeTensorsFormat.CHECKSUM_KEY);
    this.checksum = recorded == null ? null : recorded.toLowerCase(java.util.Locale.ROOT);
    checkCoverage(tensors.values());
    this.entries = Collections.unmodifiableMap(tensors);
    this.document = null;
  }

  /**
   * When the 8 bytes of the length field are all printable ASCII (or tab, line feed, carriage
   * return), as at the start of a CSV or JSON file, the note that the file holds text and is no
   * safetensors file; otherwise nothing, since binary garbage tells no such story.
   */
  private static String textNote(ByteBuffer lengthField) {
    StringBuilder start = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      int b = lengthField.get(i) & 0xFF;
      if ((b < 0x20 || b > 0x7E) && b != '\t' && b != '\n' && b != '\r') {
        return "";
      }
      start.append((char) b);
    }
    return "; the file starts with the text " + Json.quote(start.toString()) + ": not a safetensors file";
  }

  /** Reads the header of {@code file}, open as {@code channel}, and validates it. */
  static SafeTensorsHeader read(Path file, FileChannel channel, SafeTensorsLimits limits) throws IOException {
    long size = channel.size();
    if (size < 8) {
      throw new FileFormatException(file, "the file is " + size + " bytes long, too short for a safetensors file"
          + " (it starts with an 8-byte header length)");
    }
    ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    LittleEndian.read(channel, file, 0, 8, "the header length", chunk -> lengthField.put(chunk));
    long length = lengthField.getLong(0);
    if (length < 0 || length > limits.maxHeaderBytes()) {
      throw FileFormatException.atByte(file, 0, "header length " + Long.toUnsignedString(length)
          + " exceeds the limit of " + limits.maxHeaderBytes() + " bytes" + textNote(lengthField));
    }
    if (length > size - 8) {
      throw FileFormatException.atByte(file, 0, "header length " + length + " runs past the end of the file (only "
          + (size - 8) + " bytes follow the 8-byte length)" + textNote(lengthField));
    }
    byte[] bytes = new byte[(int) length];
    ByteBuffer target = ByteBuffer.wrap(bytes);
    LittleEndian.read(channel, file, 8, length, "the header", target::put);
    String text = decode(file, bytes);
    JsonDocument document;
    try {
      document = Json.parseDocument(text, limits.json());
    } catch (JsonException e) {
      throw new FileFormatException(file, position(text, e) + ": " + e.reason(), e);
    }
    return new SafeTensorsHeader(file, length, size, document);
  }

  /**
   * {@code bytes} as text, checked to be strict UTF-8 first (no overlong forms, no encoded
   * surrogates, no truncated sequences) through a small buffer, so the check costs no copy.
   */
  private static String decode(Path file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int at = in.position();
        throw new FileFormatException(file, "header byte " + at + " (file byte " + (8 + at) + "): not valid UTF-8 (byte 0x"
            + String.format("%02X", bytes[at] & 0xFF) + ")");
      }
      out.clear();
      if (result.isUnderflow()) {
        break;
      }
    }
    decoder.flush(out);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private Map<String, String> metadata(Map<?, ?> root, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw at(document.offsetOf(root, SafeTensorsFormat.METADATA_KEY),
          SafeTensorsFormat.METADATA_KEY + " is " + describe(value) + ", not an object of strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = (String) e.getKey();
      if (!(e.getValue() instanceof String s)) {
        throw at(document.offsetOf(map, key), SafeTensorsFormat.METADATA_KEY + " entry " + Json.quote(key) + " is "
            + describe(e.getValue()) + ", not a string");
      }
      result.put(key, s);
    }
    String version = result.get(SafeTensorsFormat.FORMAT_VERSION_KEY);
    if (version != null && !version.equals(Integer.toString(SafeTensorsFormat.FORMAT_VERSION))) {
      int at = document.offsetOf(map, SafeTensorsFormat.FORMAT_VERSION_KEY);
      String reads = "this version reads format " + SafeTensorsFormat.FORMAT_VERSION;
      if (version.matches("[1-9][0-9]{0,8}")) {
        throw at(at, "written by a newer Descent (format " + version + "); " + reads);
      }
      throw at(at, "unknown " + SafeTensorsFormat.FORMAT_VERSION_KEY + " " + Json.quote(version) + "; " + reads);
    }
    String checksum = result.get(SafeTensorsFormat.CHECKSUM_KEY);
    if (version != null && checksum == null) {
      throw at(document.offsetOf(root, SafeTensorsFormat.METADATA_KEY), SafeTensorsFormat.METADATA_KEY
          + " has " + SafeTensorsFormat.FORMAT_VERSION_KEY + " but no " + SafeTensorsFormat.CHECKSUM_KEY);
    }
    if (checksum != null && !SafeTensorsFormat.isChecksum(checksum)) {
      throw at(document.offsetOf(map, SafeTensorsFormat.CHECKSUM_KEY), SafeTensorsFormat.CHECKSUM_KEY + " "
          + Json.quote(checksum) + " is not crc32c: followed by 8 hexadecimal digits");
    }
    return result;
  }

  private Entry tensor(Map<?, ?> root, String name, Object value) {
    String label = "tensor " + Json.quote(name);
    if (!(value instanceof Map<?, ?> info)) {
      throw at(document.offsetOf(root, name), label + " is " + describe(value) + ", not an object");
    }
    for (Object key : info.keySet()) {
      if (!TENSOR_KEYS.contains(key)) {
        throw at(document.offsetOf(info, (String) key), label + ": unknown member " + Json.quote((String) key)
            + " (a tensor has dtype, shape and data_offsets)");
      }
    }
    for (String key : List.of("dtype", "shape", "data_offsets")) {
      if (!info.containsKey(key)) {
        throw at(document.offsetOf(info), label + ": missing \"" + key + "\"");
      }
    }
    Object code = info.get("dtype");
    if (!(code instanceof String)) {
      throw at(document.offsetOf(info, "dtype"), label + ": dtype is " + describe(code) + ", not a string");
    }
    SafeTensorsDtype dtype = SafeTensorsDtype.of((String) code);
    if (dtype == null) {
      throw at(document.offsetOf(info, "dtype"), label + ": unknown dtype " + Json.quote((String) code)
          + "; known dtypes: " + SafeTensorsDtype.known());
    }
    long[] shape = integers(info, "shape", label, -1);
    long bytes = dtype.byteSize();
    for (long d : shape) {
      try {
        bytes = Math.multiplyExact(bytes, d);
      } catch (ArithmeticException e) {
        throw at(document.offsetOf(info, "shape"), label + ": shape " + Arrays.toString(shape)
            + " is too large: its size in bytes overflows 64 bits");
      }
    }
    long[] offsets = integers(info, "data_offsets", label, 2);
    int at = document.offsetOf(info, "data_offsets");
    long begin = offsets[0];
    long end = offsets[1];
    String where = label + ": data_offsets [" + begin + ", " + end + "]";
    if (begin > end) {
      throw at(at, where + ": begin is after end");
    }
    if (end > dataLength) {
      throw at(at, where + " reach past the end of the data section (" + dataLength + " bytes)");
    }
    if (end - begin != bytes) {
      throw at(at, where + " hold " + (end - begin) + " bytes, but " + dtype + " " + Arrays.toString(shape)
          + " needs " + bytes);
    }
    return new Entry(name, dtype, shape, begin, end, at);
  }

  /** The non-negative integers of array member {@code key}; exactly {@code count} of them unless -1. */
  private long[] integers(Map<?, ?> info, String key, String label, int count) {
    Object value = info.get(key);
    if (!(value instanceof List<?> list)) {
      throw at(document.offsetOf(info, key), label + ": " + key + " is " + describe(value) + ", not an array");
    }
    if (count >= 0 && list.size() != count) {
      throw at(document.offsetOf(info, key), label + ": " + key + " must have " + count + " entries, got " + list.size());
    }
    long[] result = new long[list.size()];
    for (int i = 0; i < result.length; i++) {
      Object entry = list.get(i);
      if (!(entry instanceof Long l) || l < 0) {
        throw at(document.offsetOf(list, i), label + ": " + key + " entry " + i + " is "
            + (entry instanceof Long || entry instanceof Double ? entry : describe(entry))
            + ", not an integer from 0 to 2^63 - 1");
      }
      result[i] = l;
    }
    return result;
  }

  /** Checks that the tensors, sorted by their offsets, cover [0, dataLength) without gaps or overlaps. */
  private void checkCoverage(java.util.Collection<Entry> tensors) {
    List<Entry> sorted = new ArrayList<>(tensors);
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long covered = 0;
    Entry previous = null;
    for (Entry e : sorted) {
      String where = "tensor " + Json.quote(e.name()) + ": data_offsets [" + e.begin() + ", " + e.end() + "]";
      if (e.begin() < covered) {
        throw at(e.offset(), where + " overlap tensor " + Json.quote(previous.name()) + " at [" + previous.begin()
            + ", " + previous.end() + "]");
      }
      if (e.begin() > covered) {
        throw at(e.offset(), "bytes [" + covered + ", " + e.begin() + ") of the data section, before tensor "
            + Json.quote(e.name()) + ", belong to no tensor");
      }
      if (e.end() > e.begin() || previous == null) {
        previous = e;
      }
      covered = e.end();
    }
    if (covered < dataLength) {
      throw FileFormatException.atByte(file, dataStart + covered, "the last " + (dataLength - covered)
          + " bytes of the data section belong to no tensor");
    }
  }

  /** An error at character {@code offset} of the header text. */
  private FileFormatException at(int offset, String what) {
    JsonException e = document.errorAt(offset, what);
    return new FileFormatException(file, position(document.text(), e) + ": " + what);
  }

  /** {@code header byte B (line L, column C)} for a JSON error, B counting bytes of the header. */
  private static String position(String text, JsonException e) {
    long bytesBefore = utf8Length(text, e.offset());
    return "header byte " + bytesBefore + " (line " + e.line() + ", column " + e.column() + ")";
  }

  private static long utf8Length(String text, int end) {
    long n = 0;
    for (int i = 0; i < Math.min(end, text.length()); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** A JSON value's kind for messages: "an array", "the number 2.5", ... */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof String s) {
      return "the string " + Json.quote(s);
    } else if (value instanceof Boolean b) {
      return b.toString();
    }
    return "the number " + value;
  }

  /** The names in header order, comma-separated, for error messages (at most 20, then "..."). */
  String knownNames() {
    StringJoiner joiner = new StringJoiner(", ");
    int n = 0;
    for (String name : entries.keySet()) {
      if (n++ == 20) {
        joiner.add("... (" + entries.size() + " in all)");
        break;
      }
      joiner.add(Json.quote(name));
    }
    return n == 0 ? "(none)" : joiner.toString();
  }
}
