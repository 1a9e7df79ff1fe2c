package dev.descent.nn;

import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import dev.descent.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds layers from the specs {@link Layer#spec()} writes: {@code dense(units=N,
 * weight_init='…', bias_init='…')}, {@code dropout(p=…)}, and any activation by its spec (such as
 * {@code relu} or {@code leaky_relu(negative_slope=0.2)}). Model files record a model's
 * architecture as the list of its layers' specs. Stateless.
 */
public final class LayerSpecs {
  private static final ImmutableList<ParamSpec> DENSE = ImmutableList.of(
      new ParamSpec("units", ParamType.INT, null, "output features"),
      new ParamSpec("weight_init", ParamType.STRING, Dense.DEFAULT_WEIGHT_INIT, "weight initializer spec"),
      new ParamSpec("bias_init", ParamType.STRING, Dense.DEFAULT_BIAS_INIT, "bias initializer spec"));
  private static final ImmutableList<ParamSpec> DROPOUT = ImmutableList.of(
      ParamSpec.requiredNumber("p", "drop probability in [0, 1)"));

  private LayerSpecs() {}

  /** The layer {@code spec} describes. */
  public static Layer parse(String spec) {
    Spec parsed = Spec.parse(spec);
    return switch (parsed.name()) {
      case "dense" -> {
        Arguments a = parsed.bind(DENSE);
        yield Dense.of(a.getInt("units"), a.getString("weight_init"), a.getString("bias_init"));
      }
      case "dropout" -> new Dropout(parsed.bind(DROPOUT).getDouble("p"));
      default -> {
        if (!Activations.registry().names().contains(parsed.name())) {
          List<String> known = new ArrayList<>(List.of("dense", "dropout"));
          known.addAll(Activations.registry().names());
          throw new DescentException(String.format(
              "unknown layer '%s'; known layers: %s", parsed.name(), String.join(", ", known)));
        }
        yield Activations.layer(spec);
      }
    };
  }

  /** A model of the layers {@code specs} describe, in order (not built). */
  public static Sequential sequential(List<String> specs) {
    List<Layer> layers = new ArrayList<>();
    for (String spec : specs) {
      layers.add(parse(spec));
    }
    return new Sequential(layers);
  }

  /** The specs of {@code model}'s layers, in order. */
  public static ImmutableList<String> specs(Sequential model) {
    ImmutableList.Builder<String> specs = ImmutableList.builder();
    for (Layer layer : model.layers()) {
      specs.add(layer.spec());
    }
    return specs.build();
  }
}
