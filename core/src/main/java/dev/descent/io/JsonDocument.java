package dev.descent.io;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON text that remembers where each array and object and each of their members start,
 * so that a caller validating the value against a schema can report errors at a line and column.
 *
 * <p>Positions are character offsets into {@link #text()}, from 0. Containers are looked up by
 * identity, so pass the very map or list taken from {@link #value()}. Immutable after
 * construction; safe to read from several threads if the parsed value is not modified.
 */
public final class JsonDocument {
  private final String text;
  private final Object value;
  private final IdentityHashMap<Object, int[]> positions;

  JsonDocument(String text, Object value, IdentityHashMap<Object, int[]> positions) {
    this.text = text;
    this.value = value;
    this.positions = positions;
  }

  /** The text that was parsed. */
  public String text() {
    return text;
  }

  /** The parsed value, as {@link Json#parse} returns it. */
  public Object value() {
    return value;
  }

  /** Where {@code container} (a map or list from this document) starts: its '{' or '['. */
  public int offsetOf(Object container) {
    return offsets(container)[0];
  }

  /** Where the value of member {@code key} of {@code object} starts; the object's start if absent. */
  public int offsetOf(Map<?, ?> object, String key) {
    int[] offsets = offsets(object);
    int i = 1;
    for (Object k : object.keySet()) {
      if (k.equals(key)) {
        return offsets[i];
      }
      i++;
    }
    return offsets[0];
  }

  /** Where element {@code index} of {@code array} starts. */
  public int offsetOf(List<?> array, int index) {
    return offsets(array)[1 + index];
  }

  /** An error at character {@code offset} of this document's text. */
  public JsonException errorAt(int offset, String reason) {
    return new JsonException(text, offset, reason);
  }

  private int[] offsets(Object container) {
    int[] offsets = positions.get(container);
    if (offsets == null) {
      throw new IllegalArgumentException("not a container of this document");
    }
    return offsets;
  }
}
