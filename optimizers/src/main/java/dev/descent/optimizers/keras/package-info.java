/**
 * Keras 3's variants of the update rules ({@code keras_sgd}, {@code keras_adam}, {@code keras_adamw},
 * {@code keras_rmsprop}, {@code keras_adagrad}, {@code keras_adadelta}, {@code keras_adamax},
 * {@code keras_nadam}, {@code keras_lion}), following {@code keras/src/optimizers/*.py} with Keras's
 * parameter names and defaults. They differ from PyTorch's where Keras computes differently:
 * epsilon placement, the learning rate inside SGD's and RMSprop's momentum, NAdam's momentum
 * schedule, and weight decay that is always decoupled (see {@code optimizers/README.md}).
 */
package dev.descent.optimizers.keras;
