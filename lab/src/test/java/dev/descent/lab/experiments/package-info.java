/** Tests of {@code dev.descent.lab.experiments}. */
package dev.descent.lab.experiments;
