package dev.descent.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on error messages shared by the parser tests. */
public final class Messages {
  private Messages() {}

  /**
   * Fails unless {@code message} is one printable line: no control character (line feed, carriage
   * return, escape, ...) and no Unicode line or paragraph separator, and at most {@code maxLength}
   * characters.
   */
  public static void assertOneLine(String message, int maxLength) {
    assertTrue(message != null && !message.isBlank(), "an error needs a message");
    assertTrue(message.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029),
        () -> "one printable line expected: " + message.replace("\n", "\\n").replace("\r", "\\r"));
    assertTrue(message.length() <= maxLength, () -> "a message of " + message.length() + " characters: " + message);
  }

  /**
   * The shape of an error message, for statistics of what a fuzzer ran into: {@code prefix} (the
   * file name) and positions dropped, quoted text and the character found replaced by {@code …},
   * numbers by {@code #}, and only the part before the first {@code ;} kept.
   */
  public static String shape(String message, String prefix) {
    String m = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    m = m.replaceFirst("^[:\\d]*:? *", "");
    int semicolon = m.indexOf(';');
    if (semicolon >= 0) {
      m = m.substring(0, semicolon);
    }
    return m.replaceAll("U\\+[0-9A-F]{4,6}", "U+#").replaceAll("0x[0-9A-F]+", "0x#")
        .replaceAll("'[^']*'+", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("-?\\d+", "#")
        .replaceAll("found ('…' \\(U\\+#\\)|U\\+#|'…')", "found …").replaceAll("#(×#)+", "#");
  }
}
