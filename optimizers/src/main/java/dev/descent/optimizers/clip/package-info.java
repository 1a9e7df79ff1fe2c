/**
 * Gradient clipping applied before the update: by global norm ({@code norm}, PyTorch's
 * {@code clip_grad_norm_}) and by value ({@code value}, PyTorch's {@code clip_grad_value_}), each a
 * {@link dev.descent.optimizers.clip.ClipperProvider} found by {@link
 * dev.descent.optimizers.clip.Clippers}; {@link dev.descent.optimizers.clip.ClipCallback} applies one
 * during training.
 */
package dev.descent.optimizers.clip;
