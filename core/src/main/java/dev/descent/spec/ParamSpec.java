package dev.descent.spec;

import com.google.common.base.Preconditions;

/**
 * The declaration of one provider parameter: its name, type, default and meaning. Listings
 * ({@code descent list}) and the README catalogue are generated from these declarations, so a
 * default is written exactly once.
 *
 * @param name the parameter's name as written in specs, lower case
 * @param type its type
 * @param defaultValue the value when the spec omits it, or {@code null} when it is required
 * @param description what it means, with its allowed range
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String description) {

  public ParamSpec {
    Preconditions.checkArgument(name != null && !name.isBlank(), "a parameter needs a name");
    Preconditions.checkNotNull(type, "parameter %s needs a type", name);
    Preconditions.checkNotNull(description, "parameter %s needs a description", name);
  }

  /** A number parameter with a default. */
  public static ParamSpec number(String name, double defaultValue, String description) {
    return new ParamSpec(name, ParamType.DOUBLE, defaultValue, description);
  }

  /** A number parameter that must be given. */
  public static ParamSpec requiredNumber(String name, String description) {
    return new ParamSpec(name, ParamType.DOUBLE, null, description);
  }

  /** An integer parameter with a default. */
  public static ParamSpec integer(String name, int defaultValue, String description) {
    return new ParamSpec(name, ParamType.INT, defaultValue, description);
  }

  /** A boolean parameter with a default. */
  public static ParamSpec flag(String name, boolean defaultValue, String description) {
    return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, description);
  }

  /** A parameter that takes one word of {@code choices}, with a default. */
  public static ParamSpec choice(String name, String defaultValue, String description, String... choices) {
    return new ParamSpec(name, ParamType.choice(choices), defaultValue, description);
  }

  /** Whether a spec must give this parameter. */
  public boolean required() {
    return defaultValue == null;
  }

  /** The default as a spec would write it, or {@code required}. */
  public String formattedDefault() {
    return type.format(defaultValue);
  }
}
