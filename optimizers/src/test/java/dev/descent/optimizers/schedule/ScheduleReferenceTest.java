package dev.descent.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Every schedule PyTorch has gives PyTorch's {@code lr_scheduler} rates step by step (written by
 * {@code schedule_reference.py}), and inverse-time decay gives Keras's formula.
 */
class ScheduleReferenceTest {
  record Case(String spec, double base, double[] rates) {
    @Override
    public String toString() {
      return spec;
    }
  }

  static double[] metrics;

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ScheduleReferenceTest.class.getResourceAsStream("/reference/torch_schedules.txt"), StandardCharsets.UTF_8))) {
      String spec = null;
      double base = 0;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("metrics ")) {
          metrics = numbers(line);
        } else if (line.startsWith("case ")) {
          spec = line.substring(5);
        } else if (line.startsWith("base ")) {
          base = Double.parseDouble(line.substring(5));
        } else if (line.startsWith("rates ")) {
          cases.add(new Case(spec, base, numbers(line)));
        }
      }
    }
    return cases;
  }

  private static double[] numbers(String line) {
    String[] w = line.strip().split("\\s+");
    return Arrays.stream(w, 1, w.length).mapToDouble(Double::parseDouble).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorchStepByStep(Case c) {
    LearningRateSchedule schedule = Schedules.resolve(c.spec());
    ScheduleState run = schedule.start(c.base());
    for (int t = 0; t < c.rates().length; t++) {
      if (t > 0) {
        run.advance(schedule.monitored() ? metrics[t - 1] : Double.NaN);
      }
      double expected = c.rates()[t];
      assertTrue(Math.abs(run.rate() - expected) <= 1e-12 * Math.abs(expected) + 1e-15,
          c.spec() + " at step " + t + ": expected " + expected + ", got " + run.rate());
    }
  }

  @Test
  void inverseTimeDecayFollowsKeras() {
    // Keras: initial_learning_rate / (1 + decay_rate * step / decay_steps), floor() when staircase.
    ClosedFormSchedule smooth = (ClosedFormSchedule) Schedules.resolve("inverse_time(decay_steps=1, decay_rate=0.5)");
    assertEquals(0.1, smooth.rate(0, 0.1), 1e-17);
    assertEquals(0.1 / 1.5, smooth.rate(1, 0.1), 1e-17);
    assertEquals(0.05, smooth.rate(2, 0.1), 1e-17);
    ClosedFormSchedule stairs =
        (ClosedFormSchedule) Schedules.resolve("inverse_time(decay_steps=3, decay_rate=1, staircase=true)");
    double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 1 / 3.0};
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t], stairs.rate(t, 1), 1e-16, "step " + t);
    }
  }
}
