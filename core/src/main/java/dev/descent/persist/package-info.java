/**
 * Model files and training checkpoints in the safetensors format: weights named and laid out as
 * PyTorch's {@code nn.Sequential} state dict, the architecture and the training state in the
 * header's {@code __metadata__}.
 */
package dev.descent.persist;
