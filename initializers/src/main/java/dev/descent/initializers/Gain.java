package dev.descent.initializers;

import dev.descent.DescentException;
import dev.descent.spec.Arguments;
import dev.descent.spec.Names;
import java.util.List;
import java.util.Locale;

/**
 * PyTorch's {@code torch.nn.init.calculate_gain(nonlinearity, param=None)}: the recommended factor
 * by which to scale a weight's standard deviation for the nonlinearity that follows it.
 *
 * <table>
 *   <caption>Gains (PyTorch documentation, torch.nn.init)</caption>
 *   <tr><th>nonlinearity</th><th>gain</th></tr>
 *   <tr><td>linear, identity, conv1d/2d/3d, conv_transpose1d/2d/3d</td><td>1</td></tr>
 *   <tr><td>sigmoid</td><td>1</td></tr>
 *   <tr><td>tanh</td><td>5/3</td></tr>
 *   <tr><td>relu</td><td>√2</td></tr>
 *   <tr><td>leaky_relu</td><td>√(2/(1 + negative_slope²)), negative_slope = param, default 0.01</td></tr>
 *   <tr><td>selu</td><td>3/4</td></tr>
 * </table>
 *
 * <p>{@code identity} is accepted as PyTorch's table lists it, though PyTorch's code spells it
 * {@code linear}. The parameter is used by {@code leaky_relu} only, as in PyTorch. Stateless.
 */
public final class Gain {
  /** PyTorch's default negative slope of {@code leaky_relu}. */
  public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

  /** Every accepted nonlinearity name, in PyTorch's order. */
  public static final List<String> NONLINEARITIES = List.of(
      "linear", "identity", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
      "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu");

  private Gain() {}

  /** calculate_gain(nonlinearity), with PyTorch's default parameter. */
  public static double calculate(String nonlinearity) {
    return calculate("calculate_gain", nonlinearity, DEFAULT_NEGATIVE_SLOPE);
  }

  /** calculate_gain(nonlinearity, param). */
  public static double calculate(String nonlinearity, double param) {
    return calculate("calculate_gain", nonlinearity, param);
  }

  /** calculate_gain for a scheme called {@code owner}, which errors name. */
  public static double calculate(String owner, String nonlinearity, double param) {
    String name = nonlinearity == null ? "" : nonlinearity.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "linear", "identity", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
          "conv_transpose3d", "sigmoid" -> 1;
      case "tanh" -> 5.0 / 3;
      case "relu" -> Math.sqrt(2.0);
      case "leaky_relu" -> Math.sqrt(2.0 / (1 + Arguments.finite(owner, "param", param) * param));
      case "selu" -> 3.0 / 4;
      default -> throw new DescentException(String.format(
          "%s: parameter 'nonlinearity' must be one of %s, got '%s'%s",
          owner, String.join(", ", NONLINEARITIES), nonlinearity, Names.didYouMean(name, NONLINEARITIES)));
    };
  }
}
