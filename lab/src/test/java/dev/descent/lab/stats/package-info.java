/** Tests of {@code dev.descent.lab.stats}. */
package dev.descent.lab.stats;
