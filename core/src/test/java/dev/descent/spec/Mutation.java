package dev.descent.spec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One random edit of a valid input, as fuzzers make them: flip a bit, overwrite, truncate, insert,
 * delete or duplicate a slice. Positions are taken modulo the input's length, so any mutation
 * applies to any input; shrinking drops mutations and moves them towards the start.
 *
 * @param op the kind of edit
 * @param at where, modulo the length
 * @param span how far (bits for a flip, a slice length otherwise), modulo a small bound
 * @param insert what {@link Op#INSERT} and {@link Op#SET} write: characters, or bytes as chars 0..255
 */
public record Mutation(Op op, int at, int span, String insert) {

  /** The kinds of edit. */
  public enum Op {
    FLIP, SET, TRUNCATE, INSERT, DELETE, DUPLICATE
  }

  /** One to {@code max} mutations that insert either one of {@code interesting} or random text of chars 0..255. */
  public static Arbitrary<List<Mutation>> list(int max, List<String> interesting) {
    Arbitrary<String> inserts = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(interesting)),
        Tuple.of(1, Arbitraries.strings().withCharRange('\0', '\u00FF').ofMinLength(1).ofMaxLength(8)));
    Arbitrary<Mutation> one = Combinators.combine(
        Arbitraries.of(Op.class),
        Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.integers().between(0, 1 << 16),
        inserts).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(max);
  }

  /** {@code bytes} after every mutation in turn; inserted chars become their low eight bits. */
  public static byte[] apply(byte[] bytes, List<Mutation> mutations) {
    byte[] out = bytes;
    for (Mutation m : mutations) {
      out = m.apply(out);
    }
    return out;
  }

  /** {@code text} after every mutation in turn, on UTF-16 units (so a surrogate pair can be split). */
  public static String apply(String text, List<Mutation> mutations) {
    String out = text;
    for (Mutation m : mutations) {
      out = m.apply(out);
    }
    return out;
  }

  private byte[] apply(byte[] in) {
    int n = in.length;
    byte[] insertBytes = new byte[insert.length()];
    for (int i = 0; i < insertBytes.length; i++) {
      insertBytes[i] = (byte) insert.charAt(i);
    }
    int i = Math.floorMod(at, n + 1);
    int j = Math.min(n, i + 1 + span % 64);
    return switch (op) {
      case FLIP -> {
        if (n == 0) {
          yield in;
        }
        byte[] out = in.clone();
        out[at % n] ^= (byte) (1 << (span % 8));
        yield out;
      }
      case SET -> {
        if (n == 0) {
          yield in;
        }
        byte[] out = in.clone();
        out[at % n] = insertBytes.length == 0 ? 0 : insertBytes[0];
        yield out;
      }
      case TRUNCATE -> java.util.Arrays.copyOf(in, i);
      case INSERT -> splice(in, i, i, insertBytes);
      case DELETE -> splice(in, i, j, new byte[0]);
      case DUPLICATE -> splice(in, j, j, java.util.Arrays.copyOfRange(in, i, j));
    };
  }

  private String apply(String in) {
    int n = in.length();
    int i = Math.floorMod(at, n + 1);
    int j = Math.min(n, i + 1 + span % 64);
    return switch (op) {
      case FLIP -> n == 0 ? in : in.substring(0, at % n) + (char) (in.charAt(at % n) ^ (1 << (span % 16)))
          + in.substring(at % n + 1);
      case SET -> n == 0 ? in : in.substring(0, at % n) + (insert.isEmpty() ? "" : insert.substring(0, 1))
          + in.substring(at % n + 1);
      case TRUNCATE -> in.substring(0, i);
      case INSERT -> in.substring(0, i) + insert + in.substring(i);
      case DELETE -> in.substring(0, i) + in.substring(j);
      case DUPLICATE -> in.substring(0, j) + in.substring(i, j) + in.substring(j);
    };
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] replacement) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + replacement.length);
    out.write(in, 0, from);
    out.writeBytes(replacement);
    out.write(in, to, in.length - to);
    return out.toByteArray();
  }
}
