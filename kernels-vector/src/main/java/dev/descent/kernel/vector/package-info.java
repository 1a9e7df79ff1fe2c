/**
 * The {@code vector} matrix kernel, {@link dev.descent.kernel.vector.VectorKernels}: gemm written
 * with the incubating Vector API ({@code jdk.incubator.vector}), packed and register-blocked in the
 * manner of GotoBLAS, BLIS and OpenBLAS. It is available when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; otherwise it reports itself unavailable and the next
 * kernel is used. Only the provider, {@code Blocks} and {@code Workspace} are free of Vector API
 * types; the provider touches the others only to compute a product, so they are never loaded on a
 * JVM without the module.
 */
package dev.descent.kernel.vector;
