/**
 * Splitting elementwise work over the cores: {@link dev.descent.optimizers.parallel.ParallelRanges}
 * runs a {@link dev.descent.concurrent.RangeBody} over disjoint ranges on a fixed pool of
 * daemon threads without allocating, and {@link dev.descent.optimizers.parallel.ChunkedSums} computes
 * reductions whose result does not depend on the number of threads.
 */
package dev.descent.optimizers.parallel;
