package dev.descent.spec;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.descent.DescentException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * An immutable name-to-provider table for one kind of plugin, built once from a class loader with
 * {@link ServiceLoader}.
 *
 * <p>Two providers claiming one name (or alias) is an error naming both classes and the jars they
 * came from. {@link #resolve} parses a spec, finds its provider (an unknown name lists the known
 * ones and the closest), binds the arguments and builds the instance. Thread-safe.
 *
 * @param <T> what the providers build
 */
public final class Registry<T> {
  private final String kind;
  private final ImmutableList<Provider<T>> providers;
  private final ImmutableMap<String, Provider<T>> byName;

  private Registry(String kind, List<Provider<T>> providers) {
    this.kind = kind;
    List<Provider<T>> sorted = new ArrayList<>(providers);
    sorted.sort(java.util.Comparator.comparing(Provider::name));
    this.providers = ImmutableList.copyOf(sorted);
    Map<String, Provider<T>> names = new LinkedHashMap<>();
    for (Provider<T> p : sorted) {
      List<String> all = new ArrayList<>();
      all.add(p.name());
      all.addAll(p.aliases());
      for (String n : all) {
        if (n == null || n.isBlank() || !n.equals(n.toLowerCase(java.util.Locale.ROOT))) {
          throw new DescentException(String.format(
              "%s names must be non-empty lower case: %s (from %s) is called '%s'", kind,
              p.getClass().getName(), source(p), n));
        }
        Provider<T> previous = names.put(n, p);
        if (previous != null && previous != p) {
          throw new DescentException(
              String.format(
                  "two %s are named '%s': %s (from %s) and %s (from %s)",
                  kind,
                  n,
                  previous.getClass().getName(),
                  source(previous),
                  p.getClass().getName(),
                  source(p)));
        }
      }
    }
    this.byName = ImmutableMap.copyOf(names);
  }

  /**
   * Loads every {@code service} provider visible to {@code loader}.
   *
   * @param kind the plural noun used in messages, such as {@code "initializers"}
   */
  public static <T, P extends Provider<T>> Registry<T> load(String kind, Class<P> service, ClassLoader loader) {
    List<Provider<T>> found = new ArrayList<>();
    try {
      for (P p : ServiceLoader.load(service, loader)) {
        found.add(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new DescentException("cannot load " + kind + ": " + e.getMessage(), e);
    }
    return new Registry<>(kind, found);
  }

  /** A registry of exactly the given providers, for tests and embedding. */
  @SafeVarargs
  public static <T> Registry<T> of(String kind, Provider<T>... providers) {
    return new Registry<>(kind, List.of(providers));
  }

  /** The plural noun for this kind of plugin. */
  public String kind() {
    return kind;
  }

  /** Every provider, sorted by name. */
  public ImmutableList<Provider<T>> providers() {
    return providers;
  }

  /** Every canonical name, sorted. */
  public List<String> names() {
    return providers.stream().map(Provider::name).toList();
  }

  /** Whether {@code name} (canonical or alias, any case) is registered. */
  public boolean contains(String name) {
    return byName.containsKey(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The provider called {@code name}; an unknown name lists the known ones and the closest. */
  public Provider<T> provider(String name) {
    Provider<T> p = byName.get(name.toLowerCase(java.util.Locale.ROOT));
    if (p == null) {
      throw new DescentException(
          String.format(
              "unknown %s '%s'%s; known %s: %s",
              singular(),
              name,
              Names.didYouMean(name.toLowerCase(java.util.Locale.ROOT), byName.keySet()),
              kind,
              String.join(", ", new TreeSet<>(byName.keySet()))));
    }
    return p;
  }

  /** Parses {@code spec}, validates its arguments and builds the instance. */
  public T resolve(String spec) {
    return resolve(Spec.parse(spec));
  }

  /** Validates {@code spec}'s arguments against its provider and builds the instance. */
  public T resolve(Spec spec) {
    Provider<T> p = provider(spec.name());
    return p.create(spec.bind(p.parameters()));
  }

  /**
   * Where a provider's class was loaded from: the jar's file name, or for a class directory its
   * last three path segments (such as {@code initializers/target/classes}), or {@code "unknown"}.
   */
  public static String source(Object provider) {
    CodeSource cs = provider.getClass().getProtectionDomain().getCodeSource();
    URL url = cs == null ? null : cs.getLocation();
    if (url == null) {
      return "unknown";
    }
    String path = url.getPath();
    boolean directory = path.endsWith("/");
    String[] parts = (directory ? path.substring(0, path.length() - 1) : path).split("/");
    int keep = directory ? Math.min(3, parts.length) : 1;
    return String.join("/", java.util.Arrays.copyOfRange(parts, parts.length - keep, parts.length));
  }

  private String singular() {
    return kind.endsWith("sses") ? kind.substring(0, kind.length() - 2)
        : kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
  }
}
