package dev.descent.nn;

import dev.descent.DescentException;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds fully connected networks (multilayer perceptrons): hidden {@link Dense} layers each
 * followed by the same activation, then an output {@link Dense} layer followed by the output
 * activation ({@code linear}: none). For a 2-10-5-1 network with relu hidden units and a sigmoid
 * output: {@code Mlp.of(new int[] {10, 5}, "relu", 1, "sigmoid", init, zeros)}.
 */
public final class Mlp {
  private Mlp() {}

  /** The unbuilt network; initializers and activations are resolved from specs. */
  public static Sequential of(int[] hidden, String activation, int outputs, String outputActivation,
      String weightInit, String biasInit) {
    return of(hidden, activation, outputs, outputActivation,
        Initializers.resolve(weightInit), Initializers.resolve(biasInit));
  }

  /** The unbuilt network with the given initializers. */
  public static Sequential of(int[] hidden, String activation, int outputs, String outputActivation,
      Initializer weightInit, Initializer biasInit) {
    List<Layer> layers = new ArrayList<>();
    for (int units : hidden) {
      if (units < 1) {
        throw new DescentException("hidden layer sizes must be ≥ 1, got " + units);
      }
      layers.add(new Dense(units, weightInit, biasInit));
      layers.add(Activations.layer(activation));
    }
    layers.add(new Dense(outputs, weightInit, biasInit));
    Activation out = Activations.resolve(outputActivation);
    if (!(out instanceof BuiltinActivations.Identity)) {
      layers.add(new ActivationLayer(out));
    }
    return new Sequential(layers);
  }
}
