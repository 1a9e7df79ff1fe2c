/** Test helpers: sampling initializers and goodness-of-fit statistics. */
package dev.descent.initializers.testing;
