package dev.descent.lab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an experiment found: a title, a summary, the parameters it ran with, sections of figures
 * and tables, and which table the command line prints. {@link ReportWriter} writes it as files.
 * Immutable.
 *
 * @param name the experiment's name, such as {@code gd-variants}
 * @param title the title
 * @param summary paragraphs that say what the experiment shows
 * @param parameters what it ran with (data, model, optimizer, seeds, …), in order
 * @param sections the sections
 * @param headline the name of the table printed on the command line
 */
public record Report(String name, String title, List<String> summary, Map<String, Object> parameters,
    List<Section> sections, String headline) {

  public Report {
    summary = List.copyOf(summary);
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    sections = List.copyOf(sections);
  }

  /** Every figure, in order. */
  public List<Figure> figures() {
    List<Figure> all = new ArrayList<>();
    sections.forEach(s -> all.addAll(s.figures()));
    return all;
  }

  /** Every table, in order. */
  public List<Table> tables() {
    List<Table> all = new ArrayList<>();
    sections.forEach(s -> all.addAll(s.tables()));
    return all;
  }

  /** The table called {@code name}. */
  public Table table(String name) {
    return tables().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in report " + this.name));
  }

  /** The headline table. */
  public Table headlineTable() {
    return table(headline);
  }

  /** Collects sections. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String title;
    private final List<String> summary = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();

    /** A report of experiment {@code name}. */
    public Builder(String name, String title) {
      this.name = name;
      this.title = title;
    }

    /** Adds summary paragraphs. */
    public Builder summary(String... paragraphs) {
      summary.addAll(List.of(paragraphs));
      return this;
    }

    /** Records a parameter. */
    public Builder parameter(String key, Object value) {
      parameters.put(key, value);
      return this;
    }

    /** Adds a section. */
    public Builder section(String heading, List<String> paragraphs, List<Figure> figures, List<Table> tables) {
      sections.add(new Section(heading, paragraphs, figures, tables));
      return this;
    }

    /** The report, printing {@code headline} on the command line. */
    public Report build(String headline) {
      Report r = new Report(name, title, summary, parameters, sections, headline);
      r.headlineTable();
      return r;
    }
  }
}
