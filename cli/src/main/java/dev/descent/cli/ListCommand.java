package dev.descent.cli;

import dev.descent.init.Initializers;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import dev.descent.loss.Losses;
import dev.descent.nn.Activations;
import dev.descent.optim.Optimizers;
import dev.descent.optimizers.clip.Clippers;
import dev.descent.optimizers.schedule.Schedules;
import dev.descent.optimizers.surface.Surfaces;
import dev.descent.spec.Names;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.Provider;
import dev.descent.spec.Registry;
import dev.descent.train.GradientDescents;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code descent list [KIND...]}: every discovered plugin with its aliases, parameters (type and
 * default), description and the jar it came from; for kernels, priority, availability and which
 * one is selected.
 */
@Command(name = "list", description = "List the plugins found on the class path: initializers, optimizers, "
    + "kernels, activations, losses, variants, schedules, clippers, surfaces (default: all).")
final class ListCommand implements Runnable {
  private static final Map<String, Supplier<Registry<?>>> REGISTRIES = new LinkedHashMap<>();

  static {
    REGISTRIES.put("initializers", Initializers::registry);
    REGISTRIES.put("optimizers", Optimizers::registry);
    REGISTRIES.put("activations", Activations::registry);
    REGISTRIES.put("losses", Losses::registry);
    REGISTRIES.put("variants", GradientDescents::registry);
    REGISTRIES.put("schedules", Schedules::registry);
    REGISTRIES.put("clippers", Clippers::registry);
    REGISTRIES.put("surfaces", Surfaces::registry);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "KIND", description = "initializers, optimizers, kernels, activations, losses, variants, schedules, clippers, surfaces")
  List<String> kinds = List.of();

  @CommandLine.Option(names = "--markdown", description = "Print a Markdown table per kind (the README catalogue).")
  boolean markdown;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> all = new java.util.ArrayList<>(REGISTRIES.keySet());
    all.add(all.indexOf("optimizers") + 1, "kernels");
    List<String> wanted = kinds.isEmpty() ? all : kinds;
    for (String kind : wanted) {
      String k = kind.toLowerCase(java.util.Locale.ROOT);
      if (k.equals("kernels")) {
        printKernels(out);
      } else if (REGISTRIES.containsKey(k)) {
        if (markdown) {
          out.print(markdownTable(REGISTRIES.get(k).get().providers()));
        } else {
          printRegistry(out, REGISTRIES.get(k).get());
        }
      } else {
        throw new dev.descent.DescentException(String.format("unknown kind '%s'%s; known kinds: %s",
            kind, Names.didYouMean(k, all), String.join(", ", all)));
      }
    }
  }

  private static void printRegistry(PrintWriter out, Registry<?> registry) {
    out.printf("%s (%d)%n", registry.kind(), registry.providers().size());
    for (Provider<?> p : registry.providers()) {
      out.printf("  %s%s  [%s]%n", p.name(),
          p.aliases().isEmpty() ? "" : " (also " + String.join(", ", p.aliases()) + ")", Registry.source(p));
      out.printf("      %s%n", p.description());
      for (ParamSpec param : p.parameters()) {
        out.printf("      %-26s %-8s default %-10s %s%n", param.name(), param.type().typeName(),
            param.formattedDefault(), param.description());
      }
    }
    out.println();
  }

  /** One row per provider: name, aliases, parameters with defaults, and its description. */
  static String markdownTable(List<? extends Provider<?>> providers) {
    StringBuilder b = new StringBuilder("| name | parameters (defaults) | formula and source |\n| --- | --- | --- |\n");
    for (Provider<?> p : providers) {
      StringBuilder params = new StringBuilder();
      for (ParamSpec param : p.parameters()) {
        params.append(params.length() == 0 ? "" : ", ").append(param.name()).append('=').append(param.formattedDefault());
      }
      String name = "`" + p.name() + "`" + (p.aliases().isEmpty() ? "" : " (" + String.join(", ", p.aliases()) + ")");
      b.append("| ").append(name).append(" | ").append(params.length() == 0 ? "-" : params.toString().replace("|", "\\|"))
          .append(" | ").append(p.description().replace("|", "\\|")).append(" |\n");
    }
    return b.toString();
  }

  private static void printKernels(PrintWriter out) {
    MatrixKernels selected = Kernels.selected();
    out.printf("kernels (%d; choose with -D%s=NAME)%n", Kernels.all().size(), Kernels.PROPERTY);
    for (MatrixKernels k : Kernels.all()) {
      out.printf("  %s%s  priority %d%s  [%s]%n", k.name(), k.name().equals(selected.name()) ? " (selected)" : "",
          k.priority(), k.isAvailable() ? "" : ", unavailable", Registry.source(k));
      out.printf("      %s%n", k.description());
    }
    out.println();
  }
}
