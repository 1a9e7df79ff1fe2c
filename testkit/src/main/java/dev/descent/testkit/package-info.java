/**
 * Contract tests for plugin authors: extend {@link dev.descent.testkit.InitializerContract} in a
 * third-party initializer's tests to check that it is found by name, deterministic for a seed,
 * fills every shape it claims, validates its parameters and has a complete {@code descent list}
 * entry. {@link dev.descent.testkit.InitializerChecks} holds the same checks as plain methods.
 */
package dev.descent.testkit;
