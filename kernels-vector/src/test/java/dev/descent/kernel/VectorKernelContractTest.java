package dev.descent.kernel;

/**
 * Core's {@link KernelContractTest}, run on this module's class path, where the {@code vector}
 * kernel is registered and (the test JVM runs with {@code --add-modules jdk.incubator.vector})
 * available: every case of the contract (all transposes, offsets, padded leading dimensions, α/β
 * with β = 0 over NaN, empty, prime and block-straddling shapes, products split between threads)
 * against {@link ReferenceKernels}.
 */
class VectorKernelContractTest extends KernelContractTest {}
