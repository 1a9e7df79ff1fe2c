package dev.descent.lab.report;

import dev.descent.lab.chart.Plot;

/**
 * A figure of a report: its file name, a caption that says what to look at, and the plot.
 *
 * @param name the file name without extension
 * @param caption one or two sentences under the figure
 * @param plot what to draw
 */
public record Figure(String name, String caption, Plot plot) {}
