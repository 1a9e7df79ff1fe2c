package dev.descent.kernel;

/**
 * Core's {@link ColumnSumsContractTest}, run on this module's class path, where the {@code vector}
 * kernel is registered and available: its weight gradient with the bias gradient summed in the same
 * pass, against its own two products, bit for bit.
 */
class VectorColumnSumsContractTest extends ColumnSumsContractTest {}
