/**
 * Reports: {@link dev.descent.lab.report.Report} holds an experiment's figures and tables, {@link
 * dev.descent.lab.report.ReportWriter} writes them as PNG, SVG, CSV, JSON and one self-contained
 * HTML page.
 */
package dev.descent.lab.report;
