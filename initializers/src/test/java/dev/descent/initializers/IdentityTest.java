package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.init.Initializers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code identity} (Keras) and {@code eye} (PyTorch) are exact: gain on the diagonal, 0 elsewhere. */
class IdentityTest {

  @ParameterizedTest(name = "{0} {1}x{2}")
  @CsvSource({
    "identity, 4, 4, 1", "identity(gain=2.5), 3, 5, 2.5", "identity(gain=-1), 6, 2, -1", "eye, 5, 3, 1", "eye, 2, 7, 1",
    "identity(gain=0.1), 1, 1, 0.1"
  })
  void isExactlyGainTimesTheIdentity(String spec, int rows, int cols, double gain) {
    for (DType dtype : DType.values()) {
      Tensor w = Tensor.zeros(dtype, rows, cols);
      w.fill(Double.NaN);
      Initializers.resolve(spec).fill(w, Fans.dense(rows, cols), new SplittableRandom(1));
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double expected = i == j ? (dtype == DType.FLOAT32 ? (float) gain : gain) : 0;
          assertEquals(expected, w.get(i, j), 0, spec + " [" + i + "][" + j + "]");
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"identity, 3 4 5", "eye, 7", "identity, 6"})
  void needsA2dTensor(String spec, String dims) {
    Shape shape = Shape.of(java.util.Arrays.stream(dims.split(" ")).mapToInt(Integer::parseInt).toArray());
    Tensor t = Tensor.zeros(DType.FLOAT32, shape);
    DescentException e = assertThrows(DescentException.class,
        () -> Initializers.resolve(spec).fill(t, Fans.of(shape), new SplittableRandom(1)));
    assertEquals(spec + ": needs a 2-D weight matrix, got shape " + shape + " of rank " + shape.rank(), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"identity(gain=2), 3, 5", "eye, 4, 4"})
  void predictsItsAtoms(String spec, int rows, int cols) {
    var d = PredictableInitializer.of(Initializers.resolve(spec), Shape.matrix(rows, cols), Fans.dense(rows, cols))
        .orElseThrow();
    double diagonal = Math.min(rows, cols) / (double) (rows * cols);
    assertEquals(diagonal, d.atoms().get(0).probability(), 1e-15);
    assertTrue(d.atoms().size() <= 2);
  }
}
