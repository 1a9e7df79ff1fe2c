/**
 * Schemes that adapt to the model: {@link dev.descent.initializers.adaptive.Auto}, which picks He,
 * Glorot or LeCun by the activation that follows a layer, and {@link
 * dev.descent.initializers.adaptive.Lsuv}, layer-sequential unit-variance initialization on a
 * batch of data.
 */
package dev.descent.initializers.adaptive;
