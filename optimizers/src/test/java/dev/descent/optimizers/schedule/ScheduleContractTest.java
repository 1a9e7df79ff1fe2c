package dev.descent.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.Provider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec round trips, snapshots and validation of every registered schedule. */
class ScheduleContractTest {

  /** One valid spec per registered schedule (required parameters filled in). */
  static Stream<String> specs() {
    return Stream.of("constant", "linear", "step(step_size=3)", "multistep(milestones=[2, 5])",
        "exponential(gamma=0.9)", "polynomial", "inverse_time(decay_steps=10, decay_rate=0.5)", "cosine(t_max=10)",
        "cosine_warm_restarts(t_0=4, t_mult=2)", "cyclic(base_lr=0.001, max_lr=0.01, step_size_up=5)",
        "one_cycle(max_lr=0.1, total_steps=100)", "linear_warmup(warmup_steps=5)",
        "sequential(schedules=['linear_warmup(warmup_steps=5)', \"cosine(t_max=20)\"], milestones=[5])",
        "reduce_on_plateau(patience=2)");
  }

  @Test
  void everyRegisteredScheduleIsCovered() {
    List<String> covered = specs().map(s -> dev.descent.spec.Spec.parse(s).name()).toList();
    assertEquals(Schedules.registry().names().stream().sorted().toList(), covered.stream().sorted().toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void specRoundTripsAndRunsResume(String spec) {
    LearningRateSchedule s = Schedules.resolve(spec);
    LearningRateSchedule again = Schedules.resolve(s.spec());
    assertEquals(s.spec(), again.spec());
    ScheduleState a = s.start(0.05);
    for (int t = 0; t < 7; t++) {
      a.advance(1.0);
    }
    ScheduleState b = again.start(0.05);
    b.restore(a.snapshot());
    assertArrayEquals(a.snapshot(), b.snapshot());
    for (int t = 0; t < 9; t++) {
      a.advance(1.0 + t);
      b.advance(1.0 + t);
      assertEquals(a.rate(), b.rate(), spec + " after restore, step " + t);
    }
  }

  static Stream<Provider<LearningRateSchedule>> providers() {
    return Schedules.registry().providers().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void everyProviderDeclaresAnInterval(Provider<LearningRateSchedule> p) {
    assertTrue(p.parameters().stream().anyMatch(x -> x.name().equals("interval")));
    for (ParamSpec param : p.parameters()) {
      assertFalse(param.description().isBlank(), param.name());
    }
  }

  @Test
  void badArgumentsAreOneLineErrorsNamingTheParameter() {
    expect("step(step_size=0)", "step: parameter 'step_size' must be an integer ≥ 1, got 0");
    expect("step", "step: parameter 'step_size' is required");
    expect("step(step_size=2, gamma=-1)", "step: parameter 'gamma' must be a finite number > 0, got -1");
    expect("multistep(milestones=[5, 3])", "multistep: parameter 'milestones' must be strictly increasing steps ≥ 1, got [5, 3]");
    expect("linear(start_factor=0)", "linear: parameter 'start_factor' must be in (0, 1], got 0");
    expect("cosine(t_max=0)", "cosine: parameter 't_max' must be an integer ≥ 1, got 0");
    expect("one_cycle(max_lr=0.1, total_steps=100, pct_start=1)", "one_cycle: parameter 'pct_start' must be in (0, 1), got 1");
    expect("cyclic(base_lr=0.1, max_lr=1, mode=sawtooth)", "cyclic: parameter 'mode' must be one of triangular, triangular2, exp_range, got 'sawtooth'");
    expect("reduce_on_plateau(factor=1)", "reduce_on_plateau: parameter 'factor' must be in [0, 1), got 1");
    expect("reduce_on_plateau(monitor=test_loss, interval=update)", "use interval=epoch");
    expect("sequential(schedules=['cosine(t_max=5)'], milestones=[])", "must list at least two schedules");
    expect("sequential(schedules=['cosine(t_max=5)', 'step(step_size=2)'], milestones=[3, 4])",
        "parameter 'milestones' must have one step fewer than 'schedules' (1), got 2");
    expect("sequential(schedules=['reduce_on_plateau', 'step(step_size=2)'], milestones=[3])",
        "'reduce_on_plateau' cannot be part of a sequence");
    expect("cosine(t_max=10, interval=batch)", "parameter 'interval' must be one of epoch, update, got 'batch'");
    expect("cosin(t_max=10)", "unknown schedule 'cosin'");
  }

  private static void expect(String spec, String fragment) {
    DescentException e = assertThrows(DescentException.class, () -> Schedules.resolve(spec), spec);
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
  }
}
