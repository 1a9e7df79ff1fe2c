/** Tests of the samplers and the parallel fill. */
package dev.descent.initializers.sampling;
