/**
 * Verification and diagnostics: {@link dev.descent.check.GradientCheck} compares backpropagation
 * with centred finite differences in float64.
 */
package dev.descent.check;
