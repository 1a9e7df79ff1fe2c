/**
 * An example of a third-party plugin: {@link org.example.descent.FixedNormInitializer}, built as its
 * own jar and found by Descent's registries and {@code descent list} when the jar is on the class
 * path.
 */
package org.example.descent;
