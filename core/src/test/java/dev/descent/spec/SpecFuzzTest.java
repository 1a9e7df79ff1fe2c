package dev.descent.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import dev.descent.testing.FuzzTries;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property-based fuzzing of {@link Spec#parse} and {@link Spec#bind}: random text over the
 * characters that matter to the grammar, and valid specs after random edits. The only allowed
 * outcomes are a spec whose name and keys obey the grammar, or a one-line {@link DescentException}
 * that names a column inside the text; never another exception, a stack overflow or a hang. Valid
 * specs, unedited, parse back to the parts they were written from.
 *
 * <p>The default suite tries each property a few hundred times from a fixed seed; set
 * {@code -Ddescent.fuzz.tries=N} (and optionally {@code -Ddescent.fuzz.seed=S}) for longer runs,
 * see {@link FuzzTries}.
 */
@AddLifecycleHook(FuzzTries.class)
class SpecFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final Pattern COLUMN = Pattern.compile(" at column (\\d+)$");

  /** Snippets that matter to the grammar, inserted by mutations and mixed into random text. */
  static final List<String> INTERESTING = List.of("(", ")", "[", "]", ",", "=", "'", "\"", " ", "\t", "\n", "\r\n",
      "\\", "\u0000", "\u001B", "\u2028", "\u00A0", "\u200B", "\uFEFF", "é", "İ", "𝑥", "\uD835", "\uDC65",
      "[[[[[[[[[[[[[[[[[[[[", "]]]]]]]]", "1e-3", "-inf", "nan", "0x10", "1.2.3", "99999999999", "lr", "size",
      "mode", "milestones", "weights", "steps", "label", "a".repeat(120), "((", "=[", "='", "=\"");

  @Provide
  Arbitrary<String> randomText() {
    Arbitrary<String> pieces = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(INTERESTING)),
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().withChars("abcXYZ019_-.+ (),=[]'\"").ofMinLength(1)
            .ofMaxLength(6)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4)));
    return pieces.list().ofMaxSize(30).map(p -> String.join("", p));
  }

  /** A valid spec and what it should parse to. */
  record Written(String text, String name, Map<String, String> arguments) {}

  @Provide
  Arbitrary<Written> validSpecs() {
    Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').withChars('_', '-').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> spaces = Arbitraries.of("", "", " ", "  ", "\t", "\n ");
    Arbitrary<String[]> argument = Combinators.combine(words, value(3), spaces, spaces)
        .as((key, value, s1, s2) -> new String[] {key, value[0], value[1], s1, s2});
    Arbitrary<List<String[]>> arguments = argument.list().ofMaxSize(5)
        .uniqueElements(a -> a[0].toLowerCase(Locale.ROOT));
    return Combinators.combine(words, arguments, Arbitraries.of(true, false), spaces).as((name, args, parens, s) -> {
      StringBuilder text = new StringBuilder(s).append(name);
      Map<String, String> expected = new LinkedHashMap<>();
      if (parens || !args.isEmpty()) {
        text.append(s).append('(');
        for (int i = 0; i < args.size(); i++) {
          String[] a = args.get(i);
          text.append(i == 0 ? "" : ",").append(a[3]).append(a[0]).append(a[4]).append('=').append(a[4])
              .append(a[1]).append(a[3]);
          expected.put(a[0].toLowerCase(Locale.ROOT), a[2]);
        }
        text.append(')');
      }
      text.append(s);
      return new Written(text.toString(), name.toLowerCase(Locale.ROOT), expected);
    });
  }

  /** A value as written and as the parser keeps it, nesting lists up to {@code depth} deep. */
  private static Arbitrary<String[]> value(int depth) {
    Arbitrary<String> numbers = Arbitraries.oneOf(
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of("1e-3", "+2", "-0.5", "inf", "-inf", ".5", "5."));
    Arbitrary<String> bareWords = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-', '.', '+')
        .ofMinLength(1).ofMaxLength(10);
    Arbitrary<String[]> bare = Arbitraries.oneOf(numbers, bareWords).map(v -> new String[] {v, v});
    Arbitrary<String[]> quoted = Combinators.combine(
        Arbitraries.of('\'', '"'),
        Arbitraries.strings().withCharRange(' ', '~').withChars("é𝑥\t\u00A0İ").ofMaxLength(15))
        .as((q, body) -> {
          String inside = body.replace(String.valueOf(q), "");
          return new String[] {q + inside + q, inside};
        });
    if (depth == 0) {
      return Arbitraries.oneOf(bare, quoted);
    }
    Arbitrary<String[]> list = value(depth - 1).list().ofMaxSize(4).map(items -> {
      List<String> written = new ArrayList<>();
      for (String[] item : items) {
        written.add(item[0]);
      }
      String text = "[" + String.join(", ", written) + "]";
      return new String[] {text, text};
    });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, bare), net.jqwik.api.Tuple.of(2, quoted),
        net.jqwik.api.Tuple.of(1, list));
  }

  @Property(tries = 400)
  void validSpecsParseToThePartsTheyWereWrittenFrom(@ForAll("validSpecs") Written spec) {
    Spec parsed = Spec.parse(spec.text());
    assertEquals(spec.name(), parsed.name(), spec.text());
    assertEquals(spec.arguments(), parsed.arguments(), spec.text());
    assertEquals(spec.text().strip(), parsed.text());
  }

  @Property(tries = 400)
  void randomTextParsesOrFailsWithAOneLineErrorNamingAColumn(@ForAll("randomText") String text) {
    check(text);
  }

  @Property(tries = 400)
  void editedSpecsParseOrFailWithAOneLineErrorNamingAColumn(@ForAll("validSpecs") Written spec,
      @ForAll("edits") List<Mutation> edits) {
    check(Mutation.apply(spec.text(), edits));
  }

  @Provide
  Arbitrary<List<Mutation>> edits() {
    return Mutation.list(3, INTERESTING);
  }

  /**
   * Parses and binds {@code text}: a sane spec and arguments, or a one-line error; counts the
   * outcomes by the shape of their message, for the report.
   */
  static void check(String text) {
    String outcome = assertTimeoutPreemptively(LIMIT, () -> {
      Spec spec;
      try {
        spec = Spec.parse(text);
      } catch (DescentException e) {
        assertParseError(text, e.getMessage());
        return "parse error: " + Messages.shape(e.getMessage().replaceFirst("^spec '.*': ", ""), "");
      }
      assertSane(text, spec);
      try {
        Arguments arguments = spec.bind(SpecTest.PARAMS);
        assertEquals(SpecTest.PARAMS.size(), arguments.asMap().size());
        return "bound";
      } catch (DescentException e) {
        Messages.assertOneLine(e.getMessage(), 2 * Spec.MAX_LENGTH);
        assertTrue(e.getMessage().startsWith(spec.name() + ": "), e.getMessage());
        return "bind error: " + Messages.shape(e.getMessage(), spec.name() + ": ");
      }
    }, () -> "parsing took longer than " + LIMIT + ": " + text);
    Statistics.label("outcome").collect(outcome);
  }

  private static void assertSane(String text, Spec spec) {
    assertFalse(spec.name().isEmpty(), text);
    assertTrue(spec.name().length() <= Spec.MAX_NAME_LENGTH, text);
    assertTrue(spec.name().chars().allMatch(SpecFuzzTest::isWordChar) && spec.name().equals(
        spec.name().toLowerCase(Locale.ROOT)), () -> "name '" + spec.name() + "' of " + text);
    for (Map.Entry<String, String> a : spec.arguments().entrySet()) {
      assertTrue(!a.getKey().isEmpty() && a.getKey().chars().allMatch(SpecFuzzTest::isWordChar)
          && a.getKey().equals(a.getKey().toLowerCase(Locale.ROOT)), () -> "key '" + a.getKey() + "' of " + text);
      assertTrue(a.getValue().codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\t'),
          () -> "value of " + a.getKey() + " in " + text);
    }
  }

  private static void assertParseError(String text, String message) {
    Messages.assertOneLine(message, 400);
    if (message.startsWith("empty spec")) {
      assertTrue(text == null || text.isBlank(), message);
      return;
    }
    assertTrue(message.startsWith("spec '"), message);
    Matcher column = COLUMN.matcher(message);
    if (column.find()) {
      int c = Integer.parseInt(column.group(1));
      int length = text.codePointCount(0, text.length());
      assertTrue(c >= 1 && c <= length + 1, () -> "column " + c + " outside 1.." + (length + 1) + ": " + message);
    } else {
      assertTrue(message.endsWith("characters; expected at most " + Spec.MAX_LENGTH), message);
    }
  }

  private static boolean isWordChar(int c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }
}
