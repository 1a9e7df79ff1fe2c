/**
 * Figures: {@link dev.descent.lab.chart.Plot} describes one as data, {@link
 * dev.descent.lab.chart.PlotRenderer} draws it with XChart as PNG and SVG.
 */
package dev.descent.lab.chart;
