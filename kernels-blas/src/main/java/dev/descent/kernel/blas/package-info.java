/**
 * The opt-in {@code blas} matrix kernel: {@link dev.descent.kernel.blas.BlasKernels} calls the
 * system BLAS (OpenBLAS when installed) through {@code dev.ludovic.netlib}. It is faster than the
 * default kernel on large products but not reproducible across machines, BLAS versions or thread
 * counts, so it runs only when selected with {@code -Ddescent.kernel=blas}.
 */
package dev.descent.kernel.blas;
