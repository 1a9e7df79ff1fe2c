package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading numeric CSV files, and the messages for every way one can be wrong. */
class CsvReaderTest {
  @TempDir
  Path dir;

  Path write(String content) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  DescentException failure(String content, String label) throws IOException {
    Path file = write(content);
    return assertThrows(DescentException.class, () -> CsvReader.read(file, label, DType.FLOAT64));
  }

  @Test
  void labelByNameAnywhereFeaturesAreTheOtherColumnsInOrder() throws IOException {
    CsvReader.Table t = CsvReader.read(write("a,y,b\n1,0,2\n3,1,4.5\n"), "y", DType.FLOAT64);
    assertEquals(List.of("a", "b"), t.featureNames());
    assertEquals("y", t.labelName());
    assertArrayEquals(new double[] {1, 2, 3, 4.5}, t.dataset().features().toDoubleArray());
    assertArrayEquals(new double[] {0, 1}, t.dataset().targets().toDoubleArray());
    assertEquals(2, t.dataset().featureCount());
    assertEquals(1, t.dataset().targets().cols());
  }

  @Test
  void theLabelDefaultsToTheLastColumn() throws IOException {
    CsvReader.Table t = CsvReader.read(write("x1,x2,label\n1,2,0\n3,4,1\n"), null, DType.FLOAT32);
    assertEquals("label", t.labelName());
    assertEquals(List.of("x1", "x2"), t.featureNames());
    assertEquals(DType.FLOAT32, t.dataset().features().dtype());
    assertArrayEquals(new double[] {1, 2, 3, 4}, t.dataset().features().toDoubleArray());
  }

  @Test
  void chosenFeatureColumnsInTheGivenOrder() throws IOException {
    CsvReader.Table t = CsvReader.read(write("x1,x2,x3,y\n1,2,3,0\n4,5,6,1\n"), "y", List.of("x3", "x1"),
        DType.FLOAT64);
    assertEquals(List.of("x3", "x1"), t.featureNames());
    assertArrayEquals(new double[] {3, 1, 6, 4}, t.dataset().features().toDoubleArray());
  }

  @Test
  void spacesBlankLinesAndWindowsLineEndingsAreIgnored() throws IOException {
    CsvReader.Table t = CsvReader.read(write("\r\n x1 , y \r\n\r\n 1.5 , 1 \r\n   \r\n-2e-1,0\r\n"), "y",
        DType.FLOAT64);
    assertArrayEquals(new double[] {1.5, -0.2}, t.dataset().features().toDoubleArray());
    assertArrayEquals(new double[] {1, 0}, t.dataset().targets().toDoubleArray());
  }

  @Test
  void aRaggedRowNamesFileAndLine() throws IOException {
    DescentException e = failure("x1,x2,y\n1,2,0\n\n3,4\n", null);
    assertEquals(dir.resolve("data.csv") + ":4: 2 fields, but the header has 3; expected one field per column",
        e.getMessage());
  }

  @Test
  void aNonNumericFieldNamesFileLineColumnAndColumnName() throws IOException {
    DescentException e = failure("x1,x2,y\n1,2,0\n3,abc,1\n", "y");
    assertEquals(dir.resolve("data.csv") + ":3:2: column 'x2' holds 'abc', which is not a finite number; "
        + "expected a decimal number such as 12, -0.5 or 1e-3", e.getMessage());
  }

  @Test
  void emptyFieldsAndNonFiniteNumbersAreRejected() throws IOException {
    DescentException empty = failure("x,y\n1,\n", null);
    assertTrue(empty.getMessage().contains(":2:2: column 'y' holds '', which is not a finite number;"),
        empty.getMessage());
    DescentException nan = failure("x,y\nNaN,1\n", null);
    assertTrue(nan.getMessage().contains(":2:1: column 'x' holds 'NaN', which is not a finite number;"),
        nan.getMessage());
    DescentException inf = failure("x,y\n1,Infinity\n", null);
    assertTrue(inf.getMessage().contains(":2:2:"), inf.getMessage());
  }

  @Test
  void aMissingLabelColumnListsTheColumnsAndTheClosest() throws IOException {
    DescentException e = failure("x1,x2,label\n1,2,0\n", "lable");
    assertEquals(dir.resolve("data.csv") + ":1: no column 'lable' (did you mean 'label'?); columns: x1, x2, label",
        e.getMessage());
  }

  @Test
  void aMissingFeatureColumnIsNamedToo() throws IOException {
    Path file = write("x1,x2,y\n1,2,0\n");
    DescentException e = assertThrows(DescentException.class,
        () -> CsvReader.read(file, "y", List.of("x1", "x9"), DType.FLOAT64));
    assertTrue(e.getMessage().contains("no column 'x9'") && e.getMessage().contains("columns: x1, x2, y"),
        e.getMessage());
  }

  @Test
  void anEmptyFile() throws IOException {
    assertEquals(dir.resolve("data.csv") + ": empty file; expected a header row and data rows",
        failure("", null).getMessage());
    assertEquals(dir.resolve("data.csv") + ": empty file; expected a header row and data rows",
        failure("\n  \n", null).getMessage());
  }

  @Test
  void aHeaderWithoutData() throws IOException {
    assertEquals(dir.resolve("data.csv") + ": no data rows after the header", failure("x,y\n\n", null).getMessage());
  }

  @Test
  void onlyALabelColumn() throws IOException {
    DescentException e = failure("y\n1\n", null);
    assertTrue(e.getMessage().contains("no feature columns besides the label 'y'"), e.getMessage());
  }

  @Test
  void aMissingFile() {
    Path file = dir.resolve("nope.csv");
    DescentException e = assertThrows(DescentException.class, () -> CsvReader.read(file, null, DType.FLOAT64));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  void aDirectoryIsNotReadable() {
    DescentException e = assertThrows(DescentException.class, () -> CsvReader.read(dir, null, DType.FLOAT64));
    assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
  }

  @Test
  void aByteOrderMarkIsIgnored() throws IOException {
    CsvReader.Table t = CsvReader.read(write("\uFEFFx1,y\n1,0\n"), "y", List.of("x1"), DType.FLOAT64);
    assertEquals(List.of("x1"), t.featureNames());
  }
}
