/** Datasets the laboratory reads from disk: Fashion-MNIST from Debian's package or a directory. */
package dev.descent.lab.data;
