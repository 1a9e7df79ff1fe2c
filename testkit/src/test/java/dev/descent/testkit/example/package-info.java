/** A third-party initializer written as a plugin author would, and its contract test. */
package dev.descent.testkit.example;
