/**
 * Layers and models: {@link dev.descent.nn.Layer}, {@link dev.descent.nn.Parameter}, {@link
 * dev.descent.nn.Dense}, the activation functions ({@link dev.descent.nn.Activation}, resolved by
 * name through {@link dev.descent.nn.Activations}), {@link dev.descent.nn.Dropout} and {@link
 * dev.descent.nn.Sequential}.
 */
package dev.descent.nn;
