package dev.descent.optimizers.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizers;
import dev.descent.optimizers.testing.TinyTraining;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Clipping reproduces PyTorch's clip_grad_norm_ and clip_grad_value_, and runs before the update. */
class ClippingTest {
  record Case(String spec, double returned, List<double[]> clipped) {
    @Override
    public String toString() {
      return spec;
    }
  }

  static final List<double[]> GRADS = new ArrayList<>();
  static final List<Case> CASES = load();

  static List<Case> cases() {
    return CASES;
  }

  private static List<Case> load() {
    List<Case> cases = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ClippingTest.class.getResourceAsStream("/reference/torch_clipping.txt"), StandardCharsets.UTF_8))) {
      String spec = null;
      double returned = 0;
      List<double[]> clipped = null;
      for (String line; (line = r.readLine()) != null; ) {
        String[] w = line.split(" ");
        switch (w[0]) {
          case "grad" -> GRADS.add(numbers(w));
          case "case" -> {
            if (spec != null) {
              cases.add(new Case(spec, returned, clipped));
            }
            spec = line.substring(5);
            clipped = new ArrayList<>();
          }
          case "returned" -> returned = w[1].equals("none") ? Double.NaN : Double.parseDouble(w[1]);
          case "clipped" -> clipped.add(numbers(w));
          default -> { }
        }
      }
      cases.add(new Case(spec, returned, clipped));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return cases;
  }

  private static double[] numbers(String[] w) {
    return Arrays.stream(w, 1, w.length).mapToDouble(Double::parseDouble).toArray();
  }

  static List<Parameter> parameters(DType dtype) {
    List<Parameter> ps = new ArrayList<>();
    for (int k = 0; k < GRADS.size(); k++) {
      double[] g = GRADS.get(k);
      Parameter p = Parameter.of("p" + k, Tensor.zeros(dtype, 1, g.length), true);
      for (int i = 0; i < g.length; i++) {
        p.grad().set(i, g[i]);
      }
      ps.add(p);
    }
    return ps;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(Case c) {
    List<Parameter> ps = parameters(DType.FLOAT64);
    GradientClipper clipper = Clippers.resolve(c.spec());
    double returned = clipper.clip(ps);
    if (!Double.isNaN(c.returned())) {
      assertEquals(c.returned(), returned, 1e-13 * c.returned(), "returned norm");
    }
    for (int k = 0; k < ps.size(); k++) {
      double[] expected = c.clipped().get(k);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], ps.get(k).grad().get(i), 1e-13 * Math.abs(expected[i]) + 1e-300, c.spec() + " p" + k);
      }
    }
    assertEquals(clipper.spec(), Clippers.resolve(clipper.spec()).spec(), "spec round trip");
  }

  @Test
  void largeTensorsClipLikeSmallOnesAndFloat32Follows() {
    int n = 700_001; // split over the workers and into many chunks
    Tensor big = Tensor.zeros(DType.FLOAT64, 1, n);
    Tensor single = Tensor.zeros(DType.FLOAT32, 1, n);
    double naive = 0;
    for (int i = 0; i < n; i++) {
      double v = Math.sin(i * 0.37) * (i % 7 == 0 ? 3 : 1);
      big.set(i, v);
      single.set(i, v);
      naive += v * v;
    }
    List<Parameter> ps = List.of(new Parameter("w", big.zerosLike(), big, true));
    GradientClipper clipper = Clippers.resolve("norm(max_norm=1)");
    double norm = clipper.clip(ps);
    assertEquals(Math.sqrt(naive), norm, 1e-12 * norm);
    assertEquals(1.0, Math.sqrt(big.sumOfSquares()), 1e-6);
    double norm32 = Clippers.resolve("norm(max_norm=1)").clip(List.of(new Parameter("w", single.zerosLike(), single, true)));
    assertEquals(norm, norm32, 1e-6 * norm);
  }

  @Test
  void nonFiniteNormIsAnErrorOnlyWhenAsked() {
    List<Parameter> ps = parameters(DType.FLOAT64);
    ps.get(0).grad().set(0, Double.NaN);
    DescentException e = assertThrows(DescentException.class,
        () -> Clippers.resolve("norm(max_norm=1, error_if_nonfinite=true)").clip(ps));
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    assertTrue(Double.isNaN(Clippers.resolve("norm(max_norm=1)").clip(ps)));
  }

  @Test
  void badArgumentsAreOneLineErrors() {
    expect("norm", "norm: parameter 'max_norm' is required");
    expect("norm(max_norm=-1)", "norm: parameter 'max_norm' must be a finite number ≥ 0, got -1");
    expect("norm(max_norm=1, norm_type=0)", "norm: parameter 'norm_type' must be a number > 0 or inf, got 0");
    expect("value(clip_value=-0.5)", "value: parameter 'clip_value' must be a finite number ≥ 0, got -0.5");
    expect("nrom(max_norm=1)", "unknown clipper 'nrom'");
  }

  private static void expect(String spec, String fragment) {
    DescentException e = assertThrows(DescentException.class, () -> Clippers.resolve(spec));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
  }

  @Test
  void theCallbackClipsBeforeTheOptimizerSteps() {
    List<Double> norms = new ArrayList<>();
    TrainingCallback probe = new TrainingCallback() {
      @Override
      public void beforeStep(TrainingProgress progress) {
        double s = 0;
        for (Parameter p : progress.model().parameters()) {
          s += p.grad().sumOfSquares();
        }
        norms.add(Math.sqrt(s));
      }
    };
    ClipCallback clip = new ClipCallback(Clippers.resolve("norm(max_norm=0.01)"));
    TinyTraining.fit(TinyTraining.model(), Optimizers.resolve("sgd(lr=0.1)"), 2, 4, TinyTraining.data(8), null,
        clip, probe);
    assertEquals(4, norms.size());
    for (double n : norms) {
      assertTrue(n <= 0.01 + 1e-9, "norm after clipping " + n);
    }
    assertTrue(clip.lastNorm() > 0.01, "the raw norm is reported");
  }
}
