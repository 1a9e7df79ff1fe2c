/** Matrix kernels: blas. */
package dev.descent.kernel.blas;
