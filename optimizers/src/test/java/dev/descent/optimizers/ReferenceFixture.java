package dev.descent.optimizers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference trajectories written by {@code src/test/python/torch_reference.py}: a shared
 * quadratic problem ½(θ − c)ᵀA(θ − c) over two parameters, and per case the spec, the sign of the
 * objective, the parameters at recorded steps and the final optimizer state.
 */
final class ReferenceFixture {
  final Map<String, Integer> sizes = new LinkedHashMap<>();
  double[] theta0;
  double[] center;
  double[] diag;
  double coupling;
  double noise;
  final List<Case> cases = new ArrayList<>();

  /** One optimizer run. */
  static final class Case {
    String id;
    String spec;
    double objective;
    int steps;
    final Map<Integer, double[]> at = new LinkedHashMap<>();
    final Map<String, double[]> state = new LinkedHashMap<>();

    @Override
    public String toString() {
      return id;
    }
  }

  static ReferenceFixture load(String resource) {
    ReferenceFixture f = new ReferenceFixture();
    try (InputStream in = ReferenceFixture.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Case current = null;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] w = line.strip().split("\\s+");
        switch (w[0]) {
          case "sizes" -> {
            for (int i = 1; i < w.length; i++) {
              String[] kv = w[i].split(":");
              f.sizes.put(kv[0], Integer.parseInt(kv[1]));
            }
          }
          case "theta0" -> f.theta0 = numbers(w, 1);
          case "center" -> f.center = numbers(w, 1);
          case "diag" -> f.diag = numbers(w, 1);
          case "coupling" -> f.coupling = Double.parseDouble(w[1]);
          case "noise" -> f.noise = Double.parseDouble(w[1]);
          case "case" -> {
            current = new Case();
            current.id = w[1];
          }
          case "spec" -> current.spec = line.strip().substring(5);
          case "objective" -> current.objective = Double.parseDouble(w[1]);
          case "steps" -> current.steps = Integer.parseInt(w[1]);
          case "at" -> current.at.put(Integer.parseInt(w[1]), numbers(w, 2));
          case "state" -> current.state.put(w[1], numbers(w, 2));
          case "end" -> f.cases.add(current);
          default -> throw new IllegalStateException("unexpected fixture line: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f;
  }

  /** sign · (A(θ − c) + n_step), summed in the generator's order; n is exactly representable. */
  void gradient(double[] theta, double sign, int step, double[] out) {
    int n = theta.length;
    for (int i = 0; i < n; i++) {
      double s = diag[i] * (theta[i] - center[i]);
      if (i > 0) {
        s = s + coupling * (theta[i - 1] - center[i - 1]);
      }
      if (i < n - 1) {
        s = s + coupling * (theta[i + 1] - center[i + 1]);
      }
      s = s + noise * (((7 * step + 13 * i) % 16) - 7.5) / 8;
      out[i] = sign * s;
    }
  }

  private static double[] numbers(String[] words, int from) {
    return Arrays.stream(words, from, words.length).mapToDouble(Double::parseDouble).toArray();
  }
}
