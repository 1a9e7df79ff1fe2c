package dev.descent.nn;

import dev.descent.tensor.DType;
import java.util.random.RandomGenerator;

/**
 * What a layer needs to build itself.
 *
 * @param prefix the prefix of its parameter names, such as {@code "0."}
 * @param inputSize the number of input features
 * @param dtype the element type of its parameters and buffers
 * @param random the generator its initializers draw from
 * @param nextActivation the activation that follows it ({@code linear} when none does), which
 *     adaptive initializers such as {@code auto} use
 */
public record LayerContext(String prefix, int inputSize, DType dtype, RandomGenerator random, String nextActivation) {}
