package dev.descent.kernel;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import dev.descent.spec.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link MatrixKernels} on the class path and chooses the one every tensor uses.
 *
 * <p>The choice is made once, on first use: the kernel named by the system property
 * {@value #PROPERTY} if set (an unknown or unavailable name is an error listing the known ones),
 * otherwise the available kernel with the highest {@link MatrixKernels#priority()}. Thread-safe.
 */
public final class Kernels {
  /** The system property that forces a kernel by name. */
  public static final String PROPERTY = "descent.kernel";

  private Kernels() {}

  private static final Supplier<ImmutableList<MatrixKernels>> ALL =
      Suppliers.memoize(() -> load(Kernels.class.getClassLoader()));
  private static final Supplier<MatrixKernels> SELECTED =
      Suppliers.memoize(() -> choose(ALL.get(), System.getProperty(PROPERTY)));

  /** The kernel every tensor operation uses. */
  public static MatrixKernels selected() {
    return SELECTED.get();
  }

  /** The elementwise functions of the {@linkplain #selected() selected} kernel. */
  public static ElementwiseKernels elementwise() {
    return Selected.ELEMENTWISE;
  }

  /** Every kernel found on the class path, highest priority first, available or not. */
  public static ImmutableList<MatrixKernels> all() {
    return ALL.get();
  }

  /** Every kernel {@code loader} can see, highest priority first. */
  public static ImmutableList<MatrixKernels> load(ClassLoader loader) {
    List<MatrixKernels> found = new ArrayList<>();
    for (MatrixKernels k : ServiceLoader.load(MatrixKernels.class, loader)) {
      found.add(k);
    }
    found.sort(Comparator.comparingInt(MatrixKernels::priority).reversed().thenComparing(MatrixKernels::name));
    return ImmutableList.copyOf(found);
  }

  /** Holds the selected kernel's elementwise functions in a constant the JIT can fold. */
  private static final class Selected {
    static final ElementwiseKernels ELEMENTWISE = selected().elementwise();
  }

  /** The kernel called {@code forced}, or when null the available one with the highest priority. */
  public static MatrixKernels choose(List<MatrixKernels> kernels, String forced) {
    List<String> names = kernels.stream().map(MatrixKernels::name).toList();
    if (forced != null && !forced.isBlank()) {
      for (MatrixKernels k : kernels) {
        if (k.name().equalsIgnoreCase(forced.strip())) {
          if (!k.isAvailable()) {
            throw new DescentException(
                "kernel '" + k.name() + "' (-D" + PROPERTY + ") is not available in this JVM: " + k.description());
          }
          return k;
        }
      }
      throw new DescentException(
          String.format(
              "unknown kernel '%s' (-D%s)%s; known kernels: %s",
              forced, PROPERTY, Names.didYouMean(forced, names), String.join(", ", names)));
    }
    for (MatrixKernels k : kernels) {
      if (k.isAvailable()) {
        return k;
      }
    }
    return new ReferenceKernels();
  }
}
