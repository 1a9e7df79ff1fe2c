/**
 * The {@link dev.descent.kernel.MatrixKernels} plugin interface (BLAS-style gemm on raw arrays),
 * the plain {@link dev.descent.kernel.ReferenceKernels}, the fast default, and
 * {@link dev.descent.kernel.Kernels}, which chooses one per JVM.
 */
package dev.descent.kernel;
