/**
 * Losses, resolved by name through {@link dev.descent.loss.Losses}: mean squared error, binary
 * cross-entropy (from probabilities, or from logits after a sigmoid output) and softmax
 * cross-entropy (one-hot or integer labels).
 */
package dev.descent.loss;
