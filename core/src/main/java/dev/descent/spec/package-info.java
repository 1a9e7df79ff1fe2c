/**
 * Spec strings ({@code name(key=value, ...)}), typed parameter declarations, and the
 * {@link dev.descent.spec.Registry} that resolves specs to plugin instances found with
 * {@link java.util.ServiceLoader}. Strings exist only here, at the edge; everything past a
 * registry is a validated record.
 */
package dev.descent.spec;
