package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.init.Fans;
import dev.descent.init.Initializers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sparse} zeroes exactly ⌈sparsity·out⌉ of each input unit's weights, as PyTorch's {@code
 * sparse_} zeroes ⌈sparsity·rows⌉ of each column of its {@code [out, in]} weight.
 */
class SparseTest {

  @ParameterizedTest(name = "sparsity={0} {1}x{2}")
  @CsvSource({"0.1, 100, 40, 4", "0.5, 60, 30, 15", "0.3, 30, 7, 3", "0, 10, 10, 0", "0.99, 5, 100, 99"})
  void zeroesExactlyTheDocumentedCountPerInputUnit(double sparsity, int in, int out, int zerosPerUnit) {
    assertEquals(zerosPerUnit, (int) Math.ceil(sparsity * out), "PyTorch: num_zeros = ceil(sparsity * rows)");
    Tensor w = Tensor.zeros(DType.FLOAT32, in, out);
    Initializers.resolve("sparse(sparsity=" + sparsity + ")").fill(w, Fans.dense(in, out), new SplittableRandom(3));
    for (int i = 0; i < in; i++) {
      int zeros = 0;
      for (int j = 0; j < out; j++) {
        zeros += w.get(i, j) == 0 ? 1 : 0;
      }
      assertEquals(zerosPerUnit, zeros, "zeros of input unit " + i);
    }
  }
}
