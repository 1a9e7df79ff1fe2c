package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.spec.Messages;
import dev.descent.tensor.DType;
import dev.descent.testing.ThreadAllocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a CSV file can be malformed, each with the exact one-line message it gives: the file,
 * the line and the column (field number), what was found and what was expected.
 */
class CsvReaderMalformedInputTest {
  @TempDir
  Path dir;

  static final String NOT_A_NUMBER = ", which is not a finite number; expected a decimal number such as 12, -0.5 or 1e-3";

  static Stream<Arguments> malformed() {
    return Stream.of(
        // empty and header-only files
        csv("empty file", "", ": empty file; expected a header row and data rows"),
        csv("only a byte order mark", "\uFEFF", ": empty file; expected a header row and data rows"),
        csv("only blank lines", "\n\r\n  \t \n", ": empty file; expected a header row and data rows"),
        csv("header only", "x,y\n", ": no data rows after the header"),
        csv("header and blank lines", "x,y\n\n \t\r\n", ": no data rows after the header"),
        // the header
        csv("duplicate column name", "x,x\n1,2\n", ":1:2: column name 'x' appears twice (columns 1 and 2); expected "
            + "different names"),
        csv("empty column name", "x,,y\n1,2,3\n", ":1:2: the header gives column 2 no name; expected a name for every "
            + "column"),
        csv("trailing comma in the header", "x,y,\n1,2,\n", ":1:3: the header gives column 3 no name; expected a name "
            + "for every column"),
        csv("blank quoted column name", "x,\" \"\n1,2\n", ":1:2: the header gives column 2 no name; expected a name "
            + "for every column"),
        csv("tab-separated file", "a\tb\ty\n1\t2\t3\n", ": no feature columns besides the label 'a\\tb\\ty'; "
            + "expected a header with at least two comma-separated names"),
        // ragged rows
        csv("row with too many fields", "x,y\n1,2,3\n", ":2: 3 fields, but the header has 2; expected one field per "
            + "column"),
        csv("row with too few fields", "x,y\n1,2\n1\n", ":3: 1 field, but the header has 2; expected one field per "
            + "column"),
        csv("row with 100000 fields", "x,y,z\n" + "1,".repeat(99_999) + "1\n", ":2: 100000 fields, but the header "
            + "has 3; expected one field per column"),
        // fields that are not finite decimal numbers
        csv("text", "x,y\n1,abc\n", ":2:2: column 'y' holds 'abc'" + NOT_A_NUMBER),
        csv("empty field", "x,y\n1,\n", ":2:2: column 'y' holds ''" + NOT_A_NUMBER),
        csv("empty quoted field", "x,y\n1,\"\"\n", ":2:2: column 'y' holds ''" + NOT_A_NUMBER),
        csv("NaN", "x,y\nNaN,1\n", ":2:1: column 'x' holds 'NaN'" + NOT_A_NUMBER),
        csv("inf", "x,y\n1,inf\n", ":2:2: column 'y' holds 'inf'" + NOT_A_NUMBER),
        csv("Infinity", "x,y\n1,-Infinity\n", ":2:2: column 'y' holds '-Infinity'" + NOT_A_NUMBER),
        csv("Java's float suffix", "x,y\n1f,1\n", ":2:1: column 'x' holds '1f'" + NOT_A_NUMBER),
        csv("Java's double suffix", "x,y\n2.5D,1\n", ":2:1: column 'x' holds '2.5D'" + NOT_A_NUMBER),
        csv("hexadecimal float", "x,y\n0x1p3,1\n", ":2:1: column 'x' holds '0x1p3'" + NOT_A_NUMBER),
        csv("digit separators", "x,y\n1_000,1\n", ":2:1: column 'x' holds '1_000'" + NOT_A_NUMBER),
        csv("two points", "x,y\n1.2.3,1\n", ":2:1: column 'x' holds '1.2.3'" + NOT_A_NUMBER),
        csv("sign alone", "x,y\n+,1\n", ":2:1: column 'x' holds '+'" + NOT_A_NUMBER),
        csv("point alone", "x,y\n.,1\n", ":2:1: column 'x' holds '.'" + NOT_A_NUMBER),
        csv("exponent without digits", "x,y\n1e,1\n", ":2:1: column 'x' holds '1e'" + NOT_A_NUMBER),
        csv("double sign", "x,y\n--1,1\n", ":2:1: column 'x' holds '--1'" + NOT_A_NUMBER),
        csv("space inside a number", "x,y\n1 2,1\n", ":2:1: column 'x' holds '1 2'" + NOT_A_NUMBER),
        csv("non-ASCII digits", "x,y\n\u0661,1\n", ":2:1: column 'x' holds '\u0661'" + NOT_A_NUMBER),
        csv("long text abbreviated", "x,y\n" + "z".repeat(100) + ",1\n", ":2:1: column 'x' holds '" + "z".repeat(40)
            + "…'" + NOT_A_NUMBER),
        csv("overflow in float64", "x,y\n1,1e999\n", ":2:2: column 'y' holds '1e999', which is not a finite number in "
            + "float64; expected a magnitude below 1.8e308"),
        csvFloat32("overflow in float32", "x,y\n1,-1e39\n", ":2:2: column 'y' holds '-1e39', which is not a finite "
            + "number in float32; expected a magnitude below 3.4e38"),
        // quoting
        csv("unclosed quote at the end of a line", "\"x,y\n1,2\n", ":1:1: the quoted field opened on this line is not "
            + "closed; expected a closing \" before the end of the line"),
        csv("unclosed quote at the end of the file", "x,y\n1,\"2", ":2:2: the quoted field opened on this line is not "
            + "closed; expected a closing \" before the end of the file"),
        csv("text after a closing quote", "\"x\"z,y\n1,2\n", ":1:1: expected ',' or the end of the line after the "
            + "closing quote but found 'z'"),
        // over-long fields
        csv("field over the limit", "x,y\n1," + "9".repeat(CsvReader.MAX_FIELD_LENGTH + 1) + "\n", ":2:2: a field "
            + "longer than 4096 characters; expected a number or a column name"),
        csv("one huge line without commas", "h".repeat(1_000_000), ":1:1: a field longer than 4096 characters; "
            + "expected a number or a column name"),
        // control characters, binary data and encodings other than UTF-8
        bytes("NUL bytes", new byte[] {0, 0, 0, 0}, ":1:1: byte offset 0 holds U+0000, a control character; expected "
            + "text"),
        bytes("binary after a header", concat(utf8("x,y\n1,"), new byte[] {0x7F, 0x45, 0x4C, 0x46}), ":2:2: byte "
            + "offset 6 holds U+007F, a control character; expected text"),
        csv("form feed", "x,y\n1,2\f\n", ":2:2: byte offset 7 holds U+000C, a control character; expected text"),
        csv("escape sequence in a name", "x\u001B[2J,y\n1,2\n", ":1:1: byte offset 1 holds U+001B, a control "
            + "character; expected text"),
        csv("next-line character", "x,y\n1\u0085,2\n", ":2:1: byte offset 5 holds U+0085, a control character; "
            + "expected text"),
        csv("Unicode line separator", "x,y\u2028\n1,2\n", ":1:2: byte offset 3 holds U+2028, a line separator; expected "
            + "text"),
        csv("byte order mark inside the file", "x,y\n\uFEFF1,2\n", ":2:1: byte offset 4 holds U+FEFF, a byte order "
            + "mark; expected text"),
        csv("control character on the line after a record", "x,y\n1,2\n\u0001", ":3:1: byte offset 8 holds U+0001, a "
            + "control character; expected text"),
        bytes("invalid UTF-8 byte", concat(utf8("x,y\n1,"), new byte[] {(byte) 0xFF, '\n'}), ":2:2: invalid UTF-8 byte "
            + "0xFF at byte offset 6; expected UTF-8 text"),
        bytes("Latin-1 text", concat(utf8("caf"), new byte[] {(byte) 0xE9}, utf8(",y\n1,2\n")), ":1:1: invalid UTF-8 "
            + "byte 0xE9 at byte offset 3; expected UTF-8 text"),
        bytes("UTF-16 with its byte order mark", new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', 0, ',', 0}, ":1:1: invalid "
            + "UTF-8 byte 0xFF at byte offset 0; expected UTF-8 text"),
        bytes("multi-byte sequence cut by the end of the file", concat(utf8("x,y\n1,"), new byte[] {(byte) 0xE2,
            (byte) 0x82}), ":2:2: invalid UTF-8 bytes 0xE2 0x82 at byte offset 6; expected UTF-8 text"),
        bytes("overlong encoding", concat(utf8("x,"), new byte[] {(byte) 0xC0, (byte) 0xAF}), ":1:2: invalid UTF-8 "
            + "byte 0xC0 at byte offset 2; expected UTF-8 text"),
        bytes("encoded surrogate", concat(utf8("x,é"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), ":1:2: "
            + "invalid UTF-8 bytes 0xED 0xA0 0x80 at byte offset 4; expected UTF-8 text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void eachMalformedFileGivesItsOneLineMessage(String what, byte[] content, DType dtype, String expected)
      throws IOException {
    Path file = dir.resolve("data.csv");
    Files.write(file, content);
    DescentException e = assertThrows(DescentException.class, () -> CsvReader.read(file, null, dtype));
    String m = e.getMessage();
    Messages.assertOneLine(m, 400);
    assertTrue(m.startsWith(file + expected), () -> "expected: " + file + expected + "\n but was: " + m);
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndSpaces() throws IOException {
    Path file = write("\"a,1\", \"say \"\"hi\"\"\" ,\" y \"\r\n\"1\",  \"-2.5\" , 3\r\n");
    CsvReader.Table t = CsvReader.read(file, " y ", DType.FLOAT64);
    assertEquals(List.of("a,1", "say \"hi\""), t.featureNames());
    assertArrayEquals(new double[] {1, -2.5}, t.dataset().features().toDoubleArray());
    assertArrayEquals(new double[] {3}, t.dataset().targets().toDoubleArray());
  }

  @Test
  void oldMacLineEndingsAndMixedEndingsSeparateRecords() throws IOException {
    CsvReader.Table t = CsvReader.read(write("x,y\r1,2\r\r\n3,4\n\r5,6"), null, DType.FLOAT64);
    assertArrayEquals(new double[] {1, 3, 5}, t.dataset().features().toDoubleArray());
    assertArrayEquals(new double[] {2, 4, 6}, t.dataset().targets().toDoubleArray());
  }

  @Test
  void unicodeColumnNamesAndOtherSpacesAroundFieldsAreKept() throws IOException {
    CsvReader.Table t = CsvReader.read(write("température\u3000, 𝑥 ,\tlabel\n1,\u20032\u2003,0\n"), null, DType.FLOAT64);
    assertEquals(List.of("température", "𝑥"), t.featureNames());
    DescentException e = assertThrows(DescentException.class, () -> CsvReader.read(write("é,y\n1,\u00A02\n"), null,
        DType.FLOAT64));
    assertTrue(e.getMessage().endsWith(":2:2: column 'y' holds '\u00A02'" + NOT_A_NUMBER), e.getMessage());
  }

  @Test
  void decimalNumbersInEveryAcceptedSpelling() throws IOException {
    CsvReader.Table t = CsvReader.read(write("a,b,c,d,e,f,y\n+1,-0,.5,5.,1E3,-2.5e-3,0\n"), null, DType.FLOAT64);
    assertArrayEquals(new double[] {1, -0.0, 0.5, 5, 1000, -0.0025}, t.dataset().features().toDoubleArray());
  }

  @Test
  void aLongListOfColumnsIsAbbreviatedAfterAbout200Characters() throws IOException {
    StringBuilder header = new StringBuilder();
    for (int c = 1; c <= 100; c++) {
      header.append(c == 1 ? "" : ",").append("column").append(c);
    }
    Path file = write(header + "\n" + "1,".repeat(99) + "1\n");
    DescentException e = assertThrows(DescentException.class, () -> CsvReader.read(file, "label", DType.FLOAT64));
    // "column1" is 7 characters, ", column2" to ", column9" 9 each (79 so far), ", column10" on 10 each:
    // column21 ends at 199, column22 would end at 209
    assertEquals(file + ":1: no column 'label'; columns: column1, column2, column3, column4, column5, column6, "
        + "column7, column8, column9, column10, column11, column12, column13, column14, column15, column16, "
        + "column17, column18, column19, column20, column21, … (100 in all)", e.getMessage());
  }

  @Test
  void longColumnNamesAreAbbreviatedInTheListAndTheSuggestion() throws IOException {
    String longName = "y".repeat(50);
    Path file = write("x," + longName + "," + "z".repeat(1000) + "\n1,2,3\n");
    DescentException e = assertThrows(DescentException.class,
        () -> CsvReader.read(file, "y".repeat(49), DType.FLOAT64));
    String cut = "y".repeat(40) + "…";
    assertEquals(file + ":1: no column '" + cut + "' (did you mean '" + cut + "'?); columns: x, " + cut + ", "
        + "z".repeat(40) + "…", e.getMessage());
  }

  @Test
  void tabsInNamesAndControlCharactersInTheCallersNamesAreEscaped() throws IOException {
    Path file = write("a\tb,c\n1,2\n");
    DescentException e = assertThrows(DescentException.class, () -> CsvReader.read(file, "a b", DType.FLOAT64));
    assertEquals(file + ":1: no column 'a b' (did you mean 'a\\tb'?); columns: a\\tb, c", e.getMessage());
    DescentException caller = assertThrows(DescentException.class,
        () -> CsvReader.read(file, "c", List.of("x\ny\u001B"), DType.FLOAT64));
    assertEquals(file + ":1: no column 'x\\u000Ay\\u001B'; columns: a\\tb, c", caller.getMessage());
  }

  @Test
  void aFeatureListedTwiceIsAnError() throws IOException {
    Path file = write("x1,x2,y\n1,2,0\n");
    DescentException e = assertThrows(DescentException.class,
        () -> CsvReader.read(file, "y", List.of("x1", "x2", "x1"), DType.FLOAT64));
    assertEquals(file + ": column 'x1' is listed twice as a feature", e.getMessage());
  }

  @Test
  void moreValuesThanATensorHoldsIsAnErrorNamingTheLine() throws IOException {
    Path file = write("a,b,y\n1,2,0\n3,4,1\n5,6,0\n");
    DescentException e = assertThrows(DescentException.class,
        () -> CsvReader.read(file, null, null, DType.FLOAT32, 5));
    assertEquals(file + ":4: more than 5 feature values; expected at most 2 rows of 2 features, the most one tensor "
        + "holds", e.getMessage());
    assertEquals(3, CsvReader.read(file, null, null, DType.FLOAT32, 6).dataset().size(), "6 values fit");
  }

  @Test
  void aHugeLineIsRejectedAfterTheFieldLimitWithoutReadingItIntoMemory() throws IOException {
    Path file = dir.resolve("huge.csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] chunk = "7".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 64; i++) {
        out.write(chunk);
      }
    }
    long allocated = ThreadAllocation.bytesAllocatedBy(() ->
        assertThrows(DescentException.class, () -> CsvReader.read(file, null, DType.FLOAT64)));
    assertTrue(allocated < 4 << 20, "a 64 MiB line made the reader allocate " + allocated + " bytes");
  }

  @Test
  void filesThatCannotBeReadAreNamed() {
    DescentException missing = assertThrows(DescentException.class,
        () -> CsvReader.read(dir.resolve("absent.csv"), null, DType.FLOAT64));
    assertEquals(dir.resolve("absent.csv") + ": no such file", missing.getMessage());
    DescentException directory = assertThrows(DescentException.class, () -> CsvReader.read(dir, null, DType.FLOAT64));
    assertEquals(dir + ": is a directory; expected a CSV file", directory.getMessage());
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("table.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static Arguments csv(String what, String content, String expected) {
    return Arguments.of(what, utf8(content), DType.FLOAT64, expected);
  }

  private static Arguments csvFloat32(String what, String content, String expected) {
    return Arguments.of(what, utf8(content), DType.FLOAT32, expected);
  }

  private static Arguments bytes(String what, byte[] content, String expected) {
    return Arguments.of(what, content, DType.FLOAT64, expected);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
