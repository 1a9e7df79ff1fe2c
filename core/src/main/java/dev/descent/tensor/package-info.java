/**
 * Dense row-major tensors over flat primitive arrays: {@link dev.descent.tensor.Tensor},
 * {@link dev.descent.tensor.FloatTensor} (FLOAT32), {@link dev.descent.tensor.DoubleTensor}
 * (FLOAT64), {@link dev.descent.tensor.Shape} and {@link dev.descent.tensor.DType}.
 */
package dev.descent.tensor;
