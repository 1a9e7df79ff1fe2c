/**
 * The experiments: {@code initialization}, {@code initializers}, {@code gd-variants},
 * {@code vanishing}, {@code landscape} and {@code fashion-mnist}, with the training-run and
 * decision-boundary helpers they share.
 */
package dev.descent.lab.experiments;
