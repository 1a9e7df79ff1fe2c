package dev.descent.kernel;

/**
 * Core's {@link ReluEpiloguesContractTest}, run on this module's class path, where the {@code vector}
 * kernel is registered and available: its fused bias-and-ReLU and ReLU-gradient products against its
 * own product followed by the step, bit for bit.
 */
class VectorReluEpiloguesContractTest extends ReluEpiloguesContractTest {}
