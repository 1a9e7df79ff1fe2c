package dev.descent.lab.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.descent.lab.report.Figure;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.ReportWriter;
import dev.descent.lab.report.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every written report must hold: each figure as PNG, SVG and CSV, each table as CSV, all of it in JSON and HTML. */
final class ReportChecks {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private ReportChecks() {}

  static ReportWriter.Written writeAndCheck(Report report, Path dir) throws IOException {
    ReportWriter.Written w = ReportWriter.write(report, dir);
    assertTrue(report.figures().size() >= 1, report.name() + " has figures");
    String html = Files.readString(w.html());
    JsonObject json = JsonParser.parseString(Files.readString(w.json())).getAsJsonObject();
    assertEquals(report.name(), json.get("experiment").getAsString());
    for (Figure f : report.figures()) {
      byte[] png = Files.readAllBytes(dir.resolve("figures/" + f.name() + ".png"));
      assertArrayEquals(PNG, java.util.Arrays.copyOf(png, 4), f.name() + ".png is a PNG");
      String svg = Files.readString(dir.resolve("figures/" + f.name() + ".svg"));
      assertTrue(svg.contains("<svg"), f.name() + ".svg is an SVG");
      assertTrue(Files.readString(dir.resolve("figures/" + f.name() + ".csv")).startsWith("series,"), f.name() + ".csv");
      assertTrue(html.contains("<figure id=\"" + f.name() + "\">"), f.name() + " in the HTML");
      assertTrue(json.getAsJsonObject("figures").has(f.name()), f.name() + " in the JSON");
    }
    assertEquals(report.figures().size(), count(html, "<img class=\"figure\" "), "every figure embedded once");
    assertEquals(report.figures().size(), count(html, "src=\"data:image/png;base64,"), "embedded, not linked");
    for (Table t : report.tables()) {
      List<String> lines = Files.readAllLines(dir.resolve("data/" + t.name() + ".csv"));
      assertEquals(t.rows().size() + 1, lines.size(), t.name() + ".csv has a header and every row");
      assertEquals(t.rows().size(), json.getAsJsonObject("tables").getAsJsonObject(t.name()).getAsJsonArray("rows").size());
      assertTrue(html.contains("<table id=\"" + t.name() + "\">"), t.name() + " in the HTML");
    }
    return w;
  }

  static int count(String text, String fragment) {
    int n = 0;
    for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
      n++;
    }
    return n;
  }
}
