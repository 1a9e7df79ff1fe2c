/**
 * EJML's dense products wrapped as {@link dev.descent.kernel.MatrixKernels} ({@code ejml} on one
 * thread, {@code ejml_mt} on every core), so the benchmarks compare them with the Descent kernels
 * through the same calls.
 */
package dev.descent.bench.ejml;
