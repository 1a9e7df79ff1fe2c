package dev.descent.io;

import dev.descent.DescentException;
import java.util.Collection;
import java.util.Map;

/**
 * The writer behind {@link Json#write}: compact JSON (no spaces), strings escaped as RFC 8259
 * requires, numbers in a form that reads back to the same value. Recursion is bounded by
 * {@link #MAX_DEPTH}, which also catches a map or list that contains itself. One instance writes
 * one value; not thread-safe.
 */
final class JsonWriter {
  /** The deepest nesting written. */
  static final int MAX_DEPTH = 1000;

  private final StringBuilder out = new StringBuilder();

  String write(Object value) {
    write(value, 0);
    return out.toString();
  }

  private void write(Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new DescentException("cannot write " + d + " as JSON: JSON has no NaN or infinity");
      }
      out.append(d);
    } else if (value instanceof Map<?, ?> map) {
      enter(depth);
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new DescentException("cannot write a JSON object key of type "
              + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + "; keys must be strings");
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(key);
        out.append(':');
        write(e.getValue(), depth + 1);
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      enter(depth);
      out.append('[');
      boolean first = true;
      for (Object element : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(element, depth + 1);
      }
      out.append(']');
    } else {
      throw new DescentException("cannot write a " + value.getClass().getName()
          + " as JSON; expected a Map, List, String, Long, Integer, Double, Float, Boolean or null");
    }
  }

  private static void enter(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new DescentException("cannot write JSON nested deeper than " + MAX_DEPTH
          + " levels (does a map or list contain itself?)");
    }
  }

  private void writeString(String s) {
    out.append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        case '\b' -> "\\b";
        case '\f' -> "\\f";
        default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
      };
      if (escape == null && Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (!paired) {
          throw new DescentException("cannot write a string with an unpaired surrogate U+"
              + String.format("%04X", (int) c) + " at index " + i + " as JSON: it is not valid Unicode");
        }
        i++;
        continue;
      }
      if (escape != null) {
        out.append(s, run, i).append(escape);
        run = i + 1;
      }
    }
    out.append(s, run, s.length()).append('"');
  }
}
