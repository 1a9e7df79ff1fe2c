package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import dev.descent.nn.Parameter;
import dev.descent.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpWorkloadTest {

  @Test
  void isThe784_256_128_10Network() {
    MlpWorkload w = MlpWorkload.create(32, 1);
    // weights and biases of 784→256, 256→128, 128→10
    assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, w.objective().model().parameterCount());
    assertEquals(10, w.objective().model().outputSize(784));
  }

  @Test
  void aStepStartsNearTheUniformPredictionsLossAndMovesEveryParameter() {
    MlpWorkload w = MlpWorkload.create(64, 1);
    List<Parameter> parameters = w.objective().model().parameters();
    List<Tensor> before = parameters.stream().map(p -> p.value().copy()).toList();
    // small initial logits give a cross-entropy close to ln 10 on 10 classes
    assertEquals(Math.log(10), w.step(), 0.15);
    for (int i = 0; i < parameters.size(); i++) {
      Tensor now = parameters.get(i).value();
      double moved = 0;
      for (int j = 0; j < now.size(); j++) {
        moved = Math.max(moved, Math.abs(now.get(j) - before.get(i).get(j)));
      }
      // Adam's first step moves every entry with a nonzero gradient by about lr = 1e-3
      assertEquals(1e-3, moved, 1e-4, parameters.get(i).name());
    }
  }

  @Test
  void batchMustDivideTheExamples() {
    DescentException e = assertThrows(DescentException.class, () -> MlpWorkload.create(100, 1));
    assertEquals("mlp workload: parameter 'batch' must divide 8192 (1, 2, 4, ..., 8192), got 100", e.getMessage());
  }
}
