/** Matrix kernels: vector. */
package dev.descent.kernel.vector;
