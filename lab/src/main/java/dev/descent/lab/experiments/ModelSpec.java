package dev.descent.lab.experiments;

import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.train.Objective;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected model and its loss, by spec: hidden widths, the hidden activation, the
 * outputs and their activation, the weight and bias initializers, the loss and the element type.
 * Immutable.
 *
 * @param hidden the hidden layer widths (may be empty: a single dense layer)
 * @param activation the hidden activation spec
 * @param outputs the number of outputs
 * @param outputActivation the output activation spec
 * @param init the weight initializer spec
 * @param biasInit the bias initializer spec
 * @param loss the loss spec
 * @param dtype the element type
 */
public record ModelSpec(int[] hidden, String activation, int outputs, String outputActivation, String init,
    String biasInit, String loss, DType dtype) {

  public ModelSpec {
    hidden = hidden.clone();
  }

  /** This model with weight initializer {@code spec}. */
  public ModelSpec withInit(String spec) {
    return new ModelSpec(hidden, activation, outputs, outputActivation, spec, biasInit, loss, dtype);
  }

  /** This model with hidden activation {@code spec}. */
  public ModelSpec withActivation(String spec) {
    return new ModelSpec(hidden, spec, outputs, outputActivation, init, biasInit, loss, dtype);
  }

  /** The objective of a new model for {@code inputs} features, its weights drawn from {@code seed}. */
  public Objective build(int inputs, long seed) {
    Sequential model = Mlp.of(hidden, activation, outputs, outputActivation, init, biasInit);
    model.build(inputs, dtype, new SplittableRandom(seed));
    return new Objective(model, Losses.resolve(loss), 0);
  }

  /** The layer widths from input to output, such as {@code 2-10-5-1}. */
  public String shape(int inputs) {
    StringBuilder b = new StringBuilder().append(inputs);
    Arrays.stream(hidden).forEach(h -> b.append('-').append(h));
    return b.append('-').append(outputs).toString();
  }

  /** A one-line description, such as {@code 2-10-5-1, relu hidden, sigmoid output, binary_cross_entropy}. */
  public String describe(int inputs) {
    return String.format("%s, %s hidden, %s output, %s, weights %s, biases %s, %s", shape(inputs), activation,
        outputActivation, loss, init, biasInit, dtype.label());
  }
}
