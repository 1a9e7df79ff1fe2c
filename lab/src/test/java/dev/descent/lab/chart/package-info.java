/** Tests of {@code dev.descent.lab.chart}. */
package dev.descent.lab.chart;
