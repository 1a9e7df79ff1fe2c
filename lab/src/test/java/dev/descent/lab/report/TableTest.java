package dev.descent.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableTest {
  private final Table table = Table.builder("t", "A table", "name", "value", "note")
      .row("a, b", 0.5, null)
      .row("say \"hi\"", Double.NaN, "x")
      .row("tiny", 1.5e-7, 3)
      .build();

  @Test
  void csvQuotesFieldsAndKeepsFullPrecision() {
    assertEquals("name,value,note\n\"a, b\",0.5,\n\"say \"\"hi\"\"\",,x\ntiny,1.5E-7,3\n", table.toCsv());
  }

  @Test
  void textAlignsColumnsWithFourSignificantDigits() {
    String text = table.toText();
    assertTrue(text.contains("0.5000"), text);
    assertTrue(text.contains("1.500e-07"), text);
    assertEquals(4, text.lines().count());
    assertEquals(text.lines().map(String::length).distinct().count(), 1, "every line equally wide:\n" + text);
  }

  @Test
  void numbersReadAColumnAndRowsMustFitTheColumns() {
    double[] v = table.numbers("value");
    assertEquals(0.5, v[0]);
    assertTrue(Double.isNaN(v[1]));
    assertThrows(IllegalArgumentException.class, () -> Table.builder("t", "t", "a", "b").row(1).build());
  }
}
