package dev.descent.kernel;

/**
 * Core's {@link ElementwiseContractTest} on this module's class path, where the {@code vector}
 * kernel's elementwise functions (vector code) are available.
 */
class VectorElementwiseContractTest extends ElementwiseContractTest {}
