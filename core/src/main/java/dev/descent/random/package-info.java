/** Random-number generators whose state can be saved in a checkpoint and restored exactly. */
package dev.descent.random;
