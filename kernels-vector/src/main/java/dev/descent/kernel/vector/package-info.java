/**
 * The {@code vector} matrix kernel, {@link dev.descent.kernel.vector.VectorKernels}: gemm written
 * with the incubating Vector API ({@code jdk.incubator.vector}), packed and register-blocked in the
 * manner of GotoBLAS, BLIS and OpenBLAS. It is available when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; otherwise it reports itself unavailable and the next
 * kernel is used. Every class here except the provider and the packing and workspace helpers uses
 * the Vector API and is loaded only when a product is computed.
 */
package dev.descent.kernel.vector;
