package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code orthogonal} gives WᵀW = gain²·I (rows ≥ cols) or WWᵀ = gain²·I (rows &lt; cols) to rounding;
 * {@code lsuv}'s start is the gain-1 case.
 */
class OrthogonalTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "orthogonal, 64 32, FLOAT64", "orthogonal, 32 64, FLOAT64", "orthogonal(gain=2), 50 50, FLOAT64",
    "orthogonal(gain=1.5), 3 3 4 8, FLOAT64", "orthogonal(gain=0.5), 1 7, FLOAT64", "orthogonal, 1 1, FLOAT64",
    "orthogonal(gain=3), 300 200, FLOAT32", "orthogonal, 20 120, FLOAT32", "lsuv, 40 30, FLOAT64"
  })
  void gramMatrixIsGainSquaredTimesIdentity(String spec, String dims, DType dtype) {
    Shape shape = Shape.of(java.util.Arrays.stream(dims.split(" ")).mapToInt(Integer::parseInt).toArray());
    Initializer init = Initializers.resolve(spec);
    double gain = spec.contains("gain=") ? Double.parseDouble(spec.replaceAll(".*gain=([0-9.]+).*", "$1")) : 1;
    Tensor w = Tensor.zeros(dtype, shape);
    init.fill(w, Fans.of(shape), new SplittableRandom(5));
    int rows = shape.rows();
    int cols = shape.cols();
    boolean tall = rows >= cols;
    int k = tall ? cols : rows;
    int inner = tall ? rows : cols;
    double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 2e-6 * Math.sqrt(inner);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double dot = 0;
        for (int i = 0; i < inner; i++) {
          dot += tall ? w.get(i, a) * w.get(i, b) : w.get(a, i) * w.get(b, i);
        }
        double expected = a == b ? gain * gain : 0;
        assertEquals(expected, dot, tolerance * gain * gain, spec + ": Gram[" + a + "][" + b + "]");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"orthogonal", "lsuv"})
  void rejectsVectorsWithOneLine(String spec) {
    Tensor bias = Tensor.zeros(DType.FLOAT32, Shape.of(10));
    DescentException e = assertThrows(DescentException.class,
        () -> Initializers.resolve(spec).fill(bias, Fans.of(bias.shape()), new SplittableRandom(1)));
    assertTrue(e.getMessage().startsWith(spec + ": needs a tensor of rank ≥ 2"), e.getMessage());
    assertTrue(e.getMessage().contains("[10]"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
