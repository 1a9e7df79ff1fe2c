package dev.descent.lab.report;

import java.util.List;

/**
 * A section of a report: a heading, paragraphs of explanation, figures and tables.
 *
 * @param heading the heading
 * @param paragraphs plain-text paragraphs
 * @param figures the figures, in order
 * @param tables the tables, in order
 */
public record Section(String heading, List<String> paragraphs, List<Figure> figures, List<Table> tables) {
  public Section {
    paragraphs = List.copyOf(paragraphs);
    figures = List.copyOf(figures);
    tables = List.copyOf(tables);
  }
}
