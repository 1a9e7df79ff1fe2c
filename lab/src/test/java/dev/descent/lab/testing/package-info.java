/** Test fixtures: a plugin initializer, synthetic IDX data. */
package dev.descent.lab.testing;
