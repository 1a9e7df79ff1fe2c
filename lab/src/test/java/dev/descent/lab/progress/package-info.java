/** Tests of {@code dev.descent.lab.progress}. */
package dev.descent.lab.progress;
