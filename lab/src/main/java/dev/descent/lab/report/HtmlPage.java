package dev.descent.lab.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTML of a report: one self-contained page (inline CSS, PNG figures embedded as data URIs)
 * with links to the SVG figures and CSV files written beside it. After loading, a small script
 * counts the figures that decoded and records the count in the {@code data-figures-loaded}
 * attribute of {@code <body>}, next to {@code data-figures-expected}, so a headless browser can
 * check that every figure shows. Stateless.
 */
public final class HtmlPage {
  private static final Escaper ESCAPE = HtmlEscapers.htmlEscaper();

  private static final String STYLE = """
      body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
      h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
      figure{margin:1.5em 0;text-align:center}figure img{max-width:100%;height:auto;border:1px solid #eee}
      figcaption{font-size:.92em;color:#444;max-width:860px;margin:.4em auto;text-align:left}
      table{border-collapse:collapse;margin:1em 0;font-size:.9em}caption{text-align:left;font-weight:bold;padding:.3em 0}
      th,td{border:1px solid #ddd;padding:.25em .6em}th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
      .params td:first-child{font-weight:bold}.links{font-size:.85em}footer{margin-top:3em;font-size:.8em;color:#777}
      .grid{display:flex;flex-wrap:wrap;gap:0 1em;justify-content:center}.grid figure{flex:1 1 45%;min-width:320px}
      .grid.three figure{flex:1 1 30%;min-width:300px}
      """;

  private static final String SCRIPT = """
      window.addEventListener('load', function () {
        var ok = 0;
        document.querySelectorAll('img.figure').forEach(function (img) {
          if (img.complete && img.naturalWidth > 0) { ok++; }
        });
        document.body.setAttribute('data-figures-loaded', String(ok));
      });
      """;

  private HtmlPage() {}

  /** The page for {@code report} with the PNG bytes of each figure by name. */
  public static String render(Report report, Map<String, byte[]> pngs) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(e(report.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n")
        .append("<body data-experiment=\"").append(e(report.name())).append("\" data-figures-expected=\"")
        .append(report.figures().size()).append("\">\n");
    b.append("<h1>").append(e(report.title())).append("</h1>\n");
    for (String p : report.summary()) {
      b.append("<p>").append(e(p)).append("</p>\n");
    }
    b.append("<table class=\"params\"><caption>Parameters</caption>\n");
    report.parameters().forEach((k, v) ->
        b.append("<tr><td>").append(e(k)).append("</td><td>").append(e(String.valueOf(v))).append("</td></tr>\n"));
    b.append("</table>\n");
    for (Section s : report.sections()) {
      b.append("<h2>").append(e(s.heading())).append("</h2>\n");
      for (String p : s.paragraphs()) {
        b.append("<p>").append(e(p)).append("</p>\n");
      }
      boolean grid = s.figures().size() > 1;
      if (grid) {
        b.append(s.figures().size() % 3 == 0 ? "<div class=\"grid three\">\n" : "<div class=\"grid\">\n");
      }
      for (Figure f : s.figures()) {
        figure(b, f, pngs.get(f.name()));
      }
      if (grid) {
        b.append("</div>\n");
      }
      for (Table t : s.tables()) {
        table(b, t);
      }
    }
    b.append("<footer>Written by Descent's laboratory (<code>descent experiment ").append(e(report.name()))
        .append("</code>). Every number is also in <a href=\"results.json\">results.json</a> and in CSV files (tables under ")
        .append("<a href=\"data/\">data/</a>, figures beside their SVG and PNG under <a href=\"figures/\">figures/</a>).</footer>\n");
    b.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void figure(StringBuilder b, Figure f, byte[] png) {
    b.append("<figure id=\"").append(e(f.name())).append("\">\n<img class=\"figure\" alt=\"").append(e(f.plot().title()))
        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">\n")
        .append("<figcaption>").append(e(f.caption())).append(" <span class=\"links\">(<a href=\"figures/").append(e(f.name()))
        .append(".svg\">SVG</a>, <a href=\"figures/").append(e(f.name())).append(".png\">PNG</a>, <a href=\"figures/")
        .append(e(f.name())).append(".csv\">data</a>)</span></figcaption>\n</figure>\n");
  }

  private static void table(StringBuilder b, Table t) {
    b.append("<table id=\"").append(e(t.name())).append("\">\n<caption>").append(e(t.title()))
        .append(" <span class=\"links\">(<a href=\"data/").append(e(t.name())).append(".csv\">CSV</a>)</span></caption>\n<tr>");
    for (String c : t.columns()) {
      b.append("<th>").append(e(c)).append("</th>");
    }
    b.append("</tr>\n");
    for (List<Object> row : t.rows()) {
      b.append("<tr>");
      for (Object cell : row) {
        b.append(cell instanceof Number ? "<td class=\"n\">" : "<td>").append(e(Table.display(cell))).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static String e(String s) {
    return ESCAPE.escape(s == null ? "" : s);
  }
}
