package org.example.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.init.Fans;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testkit.InitializerContract;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The testkit's contract, run on the third-party scheme, plus its own property. */
class FixedNormContractTest extends InitializerContract {

  @Override
  protected String spec() {
    return "fixed_norm(norm=2)";
  }

  @Override
  protected Map<String, String> invalidSpecs() {
    return Map.of("fixed_norm(norm=0)", "norm", "fixed_norm(norm=-1)", "norm");
  }

  @Test
  void everyColumnHasTheRequestedNorm() {
    Tensor w = Tensor.zeros(DType.FLOAT64, 30, 7);
    new FixedNormInitializer(2).fill(w, Fans.dense(30, 7), new SplittableRandom(4));
    for (int c = 0; c < 7; c++) {
      double squares = 0;
      for (int r = 0; r < 30; r++) {
        squares += w.get(r, c) * w.get(r, c);
      }
      assertEquals(2, Math.sqrt(squares), 1e-12);
    }
  }
}
