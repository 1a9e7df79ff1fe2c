package dev.descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Binary cross-entropy from logits ({@link LogitPass}) against its definition evaluated with fdlibm
 * ({@link StrictMath}), saturated and tiny logits included.
 */
class LogitPassTest {

  @Test
  void binaryCrossEntropyFromLogitsAgreesWithItsDefinition() {
    Random random = new Random(35);
    int n = 301;
    Tensor z = Tensor.zeros(DType.FLOAT64, n, 1);
    Tensor t = Tensor.zeros(DType.FLOAT64, n, 1);
    Tensor grad = Tensor.zeros(DType.FLOAT64, n, 1);
    for (int i = 0; i < n; i++) {
      z.set(i, 0, i < 4 ? new double[] {0, -40, 40, 1e-9}[i] : random.nextGaussian() * 6);
      t.set(i, 0, random.nextInt(2));
    }
    double loss = new BinaryCrossEntropy(true).valueAndGradient(z, t, grad);
    double expected = 0;
    for (int i = 0; i < n; i++) {
      double zi = z.get(i);
      double ti = t.get(i);
      expected += Math.max(zi, 0) - zi * ti + StrictMath.log1p(StrictMath.exp(-Math.abs(zi)));
      double sigmoid = 1 / (1 + StrictMath.exp(-zi));
      assertEquals((sigmoid - ti) / n, grad.get(i), 1e-15 / n, "gradient " + i + " at z = " + zi);
    }
    assertEquals(expected / n, loss, 1e-14 * Math.abs(expected / n));
  }
}
