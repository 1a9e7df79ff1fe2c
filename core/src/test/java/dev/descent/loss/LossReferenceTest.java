package dev.descent.loss;

import static dev.descent.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.nn.Activations;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loss values and gradients against {@code torch.nn.functional} in float64 (fixture {@code
 * reference/losses.txt}, written by {@code src/test/python/make_reference.py}).
 */
class LossReferenceTest {

  static Stream<String[]> cases() {
    return Fixtures.read("losses.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valueAndGradientMatchPyTorch(String name, String spec, String rows, String cols, String outputs,
      String targetRows, String targetCols, String targets, String value, String gradient) {
    Tensor o = Tensor.of(DType.FLOAT64, Integer.parseInt(rows), Integer.parseInt(cols), Fixtures.doubles(outputs));
    Tensor t = Tensor.of(DType.FLOAT64, Integer.parseInt(targetRows), Integer.parseInt(targetCols),
        Fixtures.doubles(targets));
    Loss loss = Losses.resolve(spec);
    if (name.startsWith("bce_logits")) {
      // from logits is the form fused after a sigmoid output
      loss = loss.fusedWith(Activations.resolve("sigmoid"));
    }
    double expected = Double.parseDouble(value);
    assertClose(expected, loss.value(o, t), 1e-14, 0, name + " value");
    Tensor g = o.zerosLike();
    loss.gradient(o, t, g);
    double[] expectedGrad = Fixtures.doubles(gradient);
    // PyTorch clamps p(1 − p) at float(1e-12) = 9.9999996e-13, Descent at the double 1e-12
    double rel = name.equals("bce_probabilities_clamped_log") ? 1e-7 : 1e-13;
    for (int i = 0; i < expectedGrad.length; i++) {
      assertClose(expectedGrad[i], g.get(i), rel, 1e-300, name + " gradient[" + i + "]");
    }
    // the one-pass form gives the same value and gradient, bit for bit
    Tensor fusedGrad = o.zerosLike();
    assertEquals(loss.value(o, t), loss.valueAndGradient(o, t, fusedGrad), 0, name + " one-pass value");
    assertArrayEquals(g.toDoubleArray(), fusedGrad.toDoubleArray(), name + " one-pass gradient");
    Tensor o32 = o.copy(DType.FLOAT32);
    Tensor t32 = t.copy(DType.FLOAT32);
    Tensor g32 = o32.zerosLike();
    loss.gradient(o32, t32, g32);
    Tensor fused32 = o32.zerosLike();
    assertEquals(loss.value(o32, t32), loss.valueAndGradient(o32, t32, fused32), 0, name + " float32 one-pass value");
    assertArrayEquals(g32.toDoubleArray(), fused32.toDoubleArray(), name + " float32 one-pass gradient");
  }

  @Test
  void fusedLossesWriteTheOutputActivationBitForBitWithTheirOnePassValue() {
    // logits of both signs, zeros of both signs, saturated ones and a NaN, then 2,988 random ones
    // (two exp implementations that differ in one ulp on some arguments agree on most)
    double[] special = {0.3, -1.7, 0, -0.0, 40, -40, 800, -800, 1e-17, Double.NaN, 2.5, -0.25};
    double[] specialTargets = {1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0.25, 1};
    java.util.Random random = new java.util.Random(43);
    double[] z = new double[3_000];
    double[] t = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = i < special.length ? special[i] : random.nextGaussian() * 8;
      t[i] = i < special.length ? specialTargets[i] : random.nextInt(2);
    }
    for (String fused : List.of("bce", "cross_entropy")) {
      Loss loss = Losses.resolve(fused).fusedWith(Activations.resolve(fused.equals("bce") ? "sigmoid" : "softmax"));
      dev.descent.nn.Activation activation = Activations.resolve(fused.equals("bce") ? "sigmoid" : "softmax");
      for (DType dtype : DType.values()) {
        Tensor logits = Tensor.of(DType.FLOAT64, 1_000, 3, z).copy(dtype);
        Tensor target = fused.equals("bce") ? Tensor.of(DType.FLOAT64, 1_000, 3, t).copy(dtype)
            : classes(1_000, random).copy(dtype);
        Tensor expectedOutputs = logits.zerosLike();
        activation.forward(logits, expectedOutputs);
        Tensor expectedGrad = logits.zerosLike();
        double expected = loss.valueAndGradient(logits, target, expectedGrad);
        Tensor outputs = logits.zerosLike();
        Tensor grad = logits.zerosLike();
        double value = loss.valueGradientAndOutputs(logits, target, grad, activation, outputs);
        String what = fused + " " + dtype.label();
        // bit for bit, every NaN counted as the same NaN (assertEquals compares doubleToLongBits)
        assertEquals(expected, value, what + " value");
        assertArrayEquals(expectedGrad.toDoubleArray(), grad.toDoubleArray(), what + " gradient");
        assertArrayEquals(expectedOutputs.toDoubleArray(), outputs.toDoubleArray(), what + " outputs");
      }
    }
  }

  /** {@code rows} class indices in {0, 1, 2}, as a [rows, 1] float64 tensor. */
  private static Tensor classes(int rows, java.util.Random random) {
    Tensor classes = Tensor.zeros(DType.FLOAT64, rows, 1);
    for (int i = 0; i < rows; i++) {
      classes.set(i, 0, random.nextInt(3));
    }
    return classes;
  }

  @Test
  void onePassFormChecksTargetsLikeValue() {
    Tensor o = Tensor.zeros(DType.FLOAT64, 3, 2);
    for (String spec : List.of("mse", "bce", "cross_entropy")) {
      DescentException e = assertThrows(DescentException.class,
          () -> Losses.resolve(spec).valueAndGradient(o, Tensor.zeros(DType.FLOAT64, 2, 2), o.zerosLike()));
      assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[3, 2]"), e.getMessage());
    }
  }

  @Test
  void lossesAreFiniteForSaturatedLogits() {
    Loss bce = new BinaryCrossEntropy(true);
    Tensor z = Tensor.of(DType.FLOAT64, 2, 1, 1e4, -1e4);
    Tensor t = Tensor.of(DType.FLOAT64, 2, 1, 0, 1);
    assertEquals(1e4, bce.value(z, t), 1e-9);
    Loss ce = new CrossEntropy();
    Tensor logits = Tensor.of(DType.FLOAT64, 1, 3, 1e5, -1e5, 0);
    assertEquals(2e5, ce.value(logits, Tensor.of(DType.FLOAT64, 1, 1, 1)), 1e-6);
  }

  @Test
  void float32OutputsGiveTheFloat64LossToSinglePrecision() {
    for (String spec : List.of("mse", "bce", "cross_entropy")) {
      Loss loss = Losses.resolve(spec);
      double[] out = spec.equals("cross_entropy") ? new double[] {0.3, -1, 2, 0.5, 0.1, -0.4} : new double[] {0.3, 0.8, 0.1, 0.6, 0.45, 0.9};
      double[] tgt = spec.equals("cross_entropy") ? new double[] {0, 0, 1, 1, 0, 0} : new double[] {0, 1, 0, 1, 1, 1};
      Tensor o64 = Tensor.of(DType.FLOAT32, 2, 3, out).copy(DType.FLOAT64);
      double v64 = loss.value(o64, Tensor.of(DType.FLOAT64, 2, 3, tgt));
      double v32 = loss.value(Tensor.of(DType.FLOAT32, 2, 3, out), Tensor.of(DType.FLOAT32, 2, 3, tgt));
      assertEquals(v64, v32, 1e-12, spec);
    }
  }

  @Test
  void fusionRules() {
    Loss bce = Losses.resolve("binary_cross_entropy");
    assertEquals(new BinaryCrossEntropy(true), bce.fusedWith(Activations.resolve("sigmoid")));
    assertNull(bce.fusedWith(Activations.resolve("softmax")));
    assertNull(new BinaryCrossEntropy(true).fusedWith(Activations.resolve("sigmoid")), "fusing twice");
    Loss ce = Losses.resolve("cross_entropy");
    assertSame(ce, ce.fusedWith(Activations.resolve("softmax")));
    assertNull(ce.fusedWith(Activations.resolve("sigmoid")));
    assertNull(Losses.resolve("mse").fusedWith(Activations.resolve("sigmoid")));
  }

  @Test
  void aliasesResolve() {
    assertInstanceOf(MeanSquaredError.class, Losses.resolve("mean_squared_error"));
    assertEquals(new BinaryCrossEntropy(false), Losses.resolve("binary_crossentropy"));
    assertEquals(new BinaryCrossEntropy(false), Losses.resolve("BCE"));
    assertInstanceOf(CrossEntropy.class, Losses.resolve("categorical_crossentropy"));
    assertInstanceOf(CrossEntropy.class, Losses.resolve("sparse_categorical_crossentropy"));
  }

  @Test
  void mismatchedTargetsNameBothShapes() {
    Tensor o = Tensor.zeros(DType.FLOAT64, 3, 2);
    DescentException e = assertThrows(DescentException.class,
        () -> new MeanSquaredError().value(o, Tensor.zeros(DType.FLOAT64, 3, 1)));
    assertTrue(e.getMessage().startsWith("mse: "), e.getMessage());
    assertTrue(e.getMessage().contains("[3, 1]") && e.getMessage().contains("[3, 2]"), e.getMessage());

    DescentException ce = assertThrows(DescentException.class,
        () -> new CrossEntropy().value(Tensor.zeros(DType.FLOAT64, 3, 4), Tensor.zeros(DType.FLOAT64, 3, 2)));
    assertTrue(ce.getMessage().contains("[3, 2]") && ce.getMessage().contains("[3, 4]"), ce.getMessage());
    assertTrue(ce.getMessage().contains("one-hot"), ce.getMessage());
  }

  @Test
  void crossEntropyRejectsLabelsThatAreNotClassIndices() {
    Tensor o = Tensor.zeros(DType.FLOAT64, 3, 4);
    for (double bad : new double[] {4, -1, 1.5, Double.NaN}) {
      Tensor t = Tensor.of(DType.FLOAT64, 3, 1, 0, bad, 2);
      DescentException e = assertThrows(DescentException.class, () -> new CrossEntropy().value(o, t));
      assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("[0, 4)"), e.getMessage());
    }
  }
}
