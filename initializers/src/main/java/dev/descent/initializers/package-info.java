/**
 * Every initialization scheme of Keras and PyTorch, and two of Descent's own, each an {@link
 * dev.descent.init.InitializerProvider} found by name.
 *
 * <p>This package holds what the frameworks share: {@link dev.descent.initializers.VarianceScaling}
 * (the machinery behind Glorot/Xavier, He/Kaiming and LeCun), {@link
 * dev.descent.initializers.Gain} (PyTorch's {@code calculate_gain}), {@link
 * dev.descent.initializers.FanMode}, {@link dev.descent.initializers.Constant}, {@link
 * dev.descent.initializers.Orthogonal} and {@link dev.descent.initializers.Identity}, and the
 * {@link dev.descent.initializers.PredictableInitializer} interface through which every scheme
 * states the distribution of its values. Keras's schemes are in {@code keras}, PyTorch's in
 * {@code torch}, the adaptive ones in {@code adaptive}.
 *
 * <p><b>Fans and layout.</b> A dense weight is stored {@code [in, out]} (Keras's kernel layout):
 * fan_in is the number of rows, fan_out the number of columns. PyTorch stores {@code
 * nn.Linear.weight} as {@code [out, in]} and takes fan_in from its columns, the same number, so a
 * PyTorch scheme here gives the same distribution for the same layer. Tensors of rank above 2 follow
 * Keras's {@code [..., in, out]} convention with both fans multiplied by the receptive field.
 * Bias initializers receive the layer's weight fans.
 */
package dev.descent.initializers;
