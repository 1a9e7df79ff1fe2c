/**
 * The initialization plugin interface: {@link dev.descent.init.Initializer}, its service {@link
 * dev.descent.init.InitializerProvider}, {@link dev.descent.init.Fans} and the {@link
 * dev.descent.init.Initializers} registry. The schemes themselves live in the
 * {@code descent-initializers} module.
 */
package dev.descent.init;
