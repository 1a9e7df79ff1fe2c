/**
 * PyTorch's {@code torch.nn.init} schemes with PyTorch's names (without the trailing underscore),
 * parameters, defaults and semantics, and the defaults of a fresh {@code torch.nn.Linear}. Fans are
 * computed for Descent's {@code [in, out]} weight layout, which is {@code nn.Linear}'s transposed,
 * so every scheme gives the same distribution for the same layer.
 */
package dev.descent.initializers.torch;
