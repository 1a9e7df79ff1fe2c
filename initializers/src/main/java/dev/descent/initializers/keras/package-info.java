/**
 * Keras's initializers with Keras 3's names, parameters, defaults and semantics: the plain random
 * ones, the variance-scaling presets (Glorot, He, LeCun, whose normal variants truncate at two
 * standard deviations with a corrected standard deviation), {@code identity} and the defaults of a
 * fresh {@code Dense} layer.
 */
package dev.descent.initializers.keras;
