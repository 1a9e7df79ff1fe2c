/**
 * Descent: neural-network initialization and gradient descent.
 *
 * <p>The root package holds only {@link dev.descent.DescentException}, the one error type a user
 * sees. Everything else lives in the sub-packages: {@code tensor}, {@code kernel}, {@code nn},
 * {@code loss}, {@code init}, {@code optim}, {@code train}, {@code check}, {@code data} and
 * {@code spec}.
 */
package dev.descent;
