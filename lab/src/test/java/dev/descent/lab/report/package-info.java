/** Tests of {@code dev.descent.lab.report}. */
package dev.descent.lab.report;
