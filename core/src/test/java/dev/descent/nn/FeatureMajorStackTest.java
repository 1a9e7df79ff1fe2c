package dev.descent.nn;

import static dev.descent.nn.FusedDenseActivationTest.assertSameAsOneByOne;
import static dev.descent.nn.FusedDenseActivationTest.assertSameGradients;
import static dev.descent.nn.FusedDenseActivationTest.bits;
import static dev.descent.nn.FusedDenseActivationTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.kernel.Kernels;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link FeatureMajorStack} through {@link Sequential}: which models and batches take it, and that
 * its outputs, input gradients and parameter gradients are bit for bit those of the same layers run
 * one by one in row-major order (core's tests run on the {@code blocked} kernel, whose sums follow
 * the inner index in order on every path), whichever {@link RowLayout} places its rows.
 */
class FeatureMajorStackTest {

  private static Dense dense(int units) {
    return new Dense(units, TestInitializers.normal(0.7), TestInitializers.normal(0.4));
  }

  /** Models that take the stack: activations after some dense layers, none after others. */
  private static List<Supplier<Sequential>> narrowModels() {
    List<Supplier<Sequential>> models = new ArrayList<>();
    models.add(() -> Sequential.of(dense(10), Activations.layer("relu"), dense(5), Activations.layer("relu"), dense(1)));
    models.add(() -> Sequential.of(dense(10), Activations.layer("tanh"), dense(3), Activations.layer("sigmoid")));
    models.add(() -> Sequential.of(dense(7)));
    models.add(() -> Sequential.of(dense(32), dense(4), Activations.layer("gelu(approximate=tanh)"), dense(32)));
    return models;
  }

  @Test
  void runsNarrowModelsOnLargeEnoughBatchesAndNothingElse() {
    assertTrue(ran(narrowModels().get(0).get(), 2, FeatureMajorStack.MIN_BATCH));
    assertFalse(ran(narrowModels().get(0).get(), 2, FeatureMajorStack.MIN_BATCH - 1), "a small batch");
    assertFalse(ran(Sequential.of(dense(FeatureMajorStack.MAX_WIDTH + 1), dense(1)), 2, 100), "a wide layer");
    assertFalse(ran(Sequential.of(dense(4), dense(1)), FeatureMajorStack.MAX_WIDTH + 1, 100), "a wide input");
    assertFalse(ran(Sequential.of(dense(4), Activations.layer("softmax")), 2, 100), "softmax");
    assertFalse(ran(Sequential.of(dense(4), new Dropout(0.5), dense(1)), 2, 100), "dropout");
    assertFalse(ran(Sequential.of(Activations.layer("relu"), dense(1)), 2, 100), "an activation first");
    assertFalse(ran(Sequential.of(dense(4), Activations.layer("relu"), Activations.layer("relu")), 2, 100),
        "two activations in a row");
  }

  private static boolean ran(Sequential model, int inputs, int rows) {
    model.build(inputs, DType.FLOAT64, new SplittableRandom(1));
    model.forward(Tensor.zeros(DType.FLOAT64, rows, inputs), true);
    return model.ranFeatureMajor();
  }

  @Test
  void agreesBitForBitWithTheLayersRunOneByOne() {
    assertEquals("blocked", Kernels.selected().name(), "the bit-for-bit claim holds for in-order kernels");
    int inputs = 3;
    for (Supplier<Sequential> factory : narrowModels()) {
      for (DType dtype : DType.values()) {
        // the smallest batch taken, one of the exercise's size, and rows past the 16-element tiles
        for (int rows : new int[] {FeatureMajorStack.MIN_BATCH, 300, 1001}) {
          SplittableRandom random = new SplittableRandom(rows);
          Sequential stacked = factory.get().build(inputs, dtype, new SplittableRandom(5));
          Sequential separate = factory.get().build(inputs, dtype, new SplittableRandom(5));
          int outputs = stacked.outputSize(inputs);
          Tensor x = random(dtype, rows, inputs, random);
          Tensor upstream = random(dtype, rows, outputs, random);
          String what = stacked.spec() + " " + dtype.label() + " rows=" + rows;

          Tensor y = stacked.forward(x, true).copy();
          assertTrue(stacked.ranFeatureMajor(), what);
          Tensor gx = stacked.backward(upstream).copy();

          assertSameAsOneByOne(separate, x, upstream, stacked, y, gx, what);

          // without the input gradient, the same parameter gradients
          stacked.forward(x, true);
          stacked.backwardToParameters(upstream, stacked.layers().size());
          assertSameGradients(separate, stacked, what + " (backwardToParameters)");
        }
      }
    }
  }

  @Test
  void runsTheFirstLayersAloneWhenAskedFor() {
    // as the objective does when the loss is computed from the logits below a final sigmoid
    Sequential stacked = narrowModels().get(1).get().build(3, DType.FLOAT64, new SplittableRandom(8));
    Sequential separate = narrowModels().get(1).get().build(3, DType.FLOAT64, new SplittableRandom(8));
    SplittableRandom random = new SplittableRandom(2);
    Tensor x = random(DType.FLOAT64, 64, 3, random);
    Tensor upstream = random(DType.FLOAT64, 64, 3, random);
    int count = stacked.layers().size() - 1;
    Tensor logits = stacked.forward(x, true, count).copy();
    assertTrue(stacked.ranFeatureMajor());
    stacked.backwardToParameters(upstream, count);
    Tensor expected = x;
    for (int i = 0; i < count; i++) {
      expected = separate.layers().get(i).forward(expected, true);
    }
    Tensor g = upstream;
    for (int i = count - 1; i >= 0; i--) {
      g = separate.layers().get(i).backward(g);
    }
    assertArrayEquals(bits(expected), bits(logits), "logits");
    assertSameGradients(separate, stacked, "first " + count + " layers");
  }

  @Test
  void agreesBitForBitWithTheLayersRunOneByOneInEveryRowLayout() {
    // rows on 64-byte lines after a 16- or a 24-byte array header, and one after the other
    RowLayout[] layouts = {new RowLayout(64, 16), new RowLayout(128, 24), RowLayout.CONTIGUOUS};
    int inputs = 3;
    for (RowLayout layout : layouts) {
      for (Supplier<Sequential> factory : narrowModels()) {
        for (DType dtype : DType.values()) {
          for (int rows : new int[] {FeatureMajorStack.MIN_BATCH, 300}) {
            SplittableRandom random = new SplittableRandom(rows);
            Sequential stacked = factory.get().build(inputs, dtype, new SplittableRandom(5));
            Sequential separate = factory.get().build(inputs, dtype, new SplittableRandom(5));
            FeatureMajorStack stack = FeatureMajorStack.of(stacked.layers(), stacked.layers().size(), inputs, layout);
            Tensor x = random(dtype, rows, inputs, random);
            Tensor upstream = random(dtype, rows, stacked.outputSize(inputs), random);
            String what = layout + " " + stacked.spec() + " " + dtype.label() + " rows=" + rows;

            Tensor y = stack.forward(x).copy();
            Tensor gx = stack.backward(upstream, true).copy();
            assertSameAsOneByOne(separate, x, upstream, stacked, y, gx, what);
          }
        }
      }
    }
  }

  @Test
  void dataOfAnotherDTypeIsRefusedBeforeTheStackWithBothNamed() {
    Sequential model = narrowModels().get(0).get().build(2, DType.FLOAT32, new SplittableRandom(1));
    dev.descent.DescentException e = org.junit.jupiter.api.Assertions.assertThrows(dev.descent.DescentException.class,
        () -> model.forward(Tensor.zeros(DType.FLOAT64, FeatureMajorStack.MIN_BATCH, 2), true));
    assertTrue(e.getMessage().contains("float64") && e.getMessage().contains("float32"), e.getMessage());
  }
}
