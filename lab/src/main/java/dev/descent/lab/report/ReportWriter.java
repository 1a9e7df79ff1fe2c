package dev.descent.lab.report;

import com.google.gson.GsonBuilder;
import dev.descent.DescentException;
import dev.descent.lab.chart.PlotRenderer;
import dev.descent.lab.chart.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Report} into a directory: every figure as {@code figures/NAME.png} and
 * {@code figures/NAME.svg} with its numbers in {@code figures/NAME.csv}, every table as
 * {@code data/NAME.csv}, everything in {@code results.json}, and {@code report.html}, which embeds
 * the PNG figures so it opens anywhere on its own. Stateless.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * What was written.
   *
   * @param html the HTML report
   * @param json the JSON file
   * @param files every file written, the report included
   */
  public record Written(Path html, Path json, List<Path> files) {}

  /** Writes {@code report} into {@code directory}, creating it when needed. */
  public static Written write(Report report, Path directory) {
    try {
      Path figures = Files.createDirectories(directory.resolve("figures"));
      Path data = Files.createDirectories(directory.resolve("data"));
      List<Path> files = new ArrayList<>();
      Map<String, byte[]> pngs = new LinkedHashMap<>();
      for (Figure f : report.figures()) {
        byte[] png = PlotRenderer.png(f.plot());
        pngs.put(f.name(), png);
        files.add(Files.write(figures.resolve(f.name() + ".png"), png));
        files.add(Files.write(figures.resolve(f.name() + ".svg"), PlotRenderer.svg(f.plot())));
        files.add(Files.writeString(figures.resolve(f.name() + ".csv"), f.plot().table(f.name()).toCsv(), StandardCharsets.UTF_8));
      }
      for (Table t : report.tables()) {
        files.add(Files.writeString(data.resolve(t.name() + ".csv"), t.toCsv(), StandardCharsets.UTF_8));
      }
      Path json = Files.writeString(directory.resolve("results.json"), json(report), StandardCharsets.UTF_8);
      files.add(json);
      Path html = Files.writeString(directory.resolve("report.html"), HtmlPage.render(report, pngs), StandardCharsets.UTF_8);
      files.add(html);
      return new Written(html, json, List.copyOf(files));
    } catch (IOException e) {
      throw new DescentException(directory + ": cannot write the report: " + e.getMessage(), e);
    }
  }

  /** The report as JSON: parameters, every table and every figure's series. NaN and infinities become null. */
  public static String json(Report report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", report.name());
    root.put("title", report.title());
    root.put("summary", report.summary());
    root.put("parameters", report.parameters());
    Map<String, Object> tables = new LinkedHashMap<>();
    for (Table t : report.tables()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", t.title());
      m.put("columns", t.columns());
      List<List<Object>> rows = new ArrayList<>();
      for (List<Object> row : t.rows()) {
        List<Object> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(jsonValue(cell)));
        rows.add(cells);
      }
      m.put("rows", rows);
      tables.put(t.name(), m);
    }
    root.put("tables", tables);
    Map<String, Object> figures = new LinkedHashMap<>();
    for (Figure f : report.figures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("caption", f.caption());
      m.put("title", f.plot().title());
      m.put("x_label", f.plot().xLabel());
      m.put("y_label", f.plot().yLabel());
      m.put("png", "figures/" + f.name() + ".png");
      m.put("svg", "figures/" + f.name() + ".svg");
      m.put("csv", "figures/" + f.name() + ".csv");
      if (f.plot().isBars()) {
        m.put("categories", f.plot().categories());
      }
      List<Map<String, Object>> series = new ArrayList<>();
      for (Series s : f.plot().series()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("name", s.name());
        if (!f.plot().isBars()) {
          sm.put("x", numbers(s.x()));
        }
        sm.put("y", numbers(s.y()));
        if (s.hasBand()) {
          sm.put("lower", numbers(s.lower()));
          sm.put("upper", numbers(s.upper()));
        }
        series.add(sm);
      }
      m.put("series", series);
      figures.put(f.name(), m);
    }
    root.put("figures", figures);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root);
  }

  private static List<Double> numbers(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(Double.isFinite(v) ? v : null);
    }
    return list;
  }

  private static Object jsonValue(Object cell) {
    if (cell instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    if (cell instanceof Float f && !Float.isFinite(f)) {
      return null;
    }
    return cell;
  }
}
