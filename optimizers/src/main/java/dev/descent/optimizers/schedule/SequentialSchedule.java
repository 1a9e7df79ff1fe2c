package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedules one after another, PyTorch's {@code SequentialLR}: schedule i runs from milestone i − 1
 * (0 for the first) and restarts its own count there, ηₜ = scheduleᵢ(t − milestoneᵢ₋₁, η₀). For
 * example {@code sequential(schedules=["linear_warmup(warmup_steps=5)", "cosine(t_max=95)"],
 * milestones=[5])}. The parts must have closed forms (not reduce_on_plateau, not another
 * sequential); their own {@code interval} is ignored in favour of this one's.
 *
 * @param schedules the parts, at least two
 * @param milestones the steps where each part after the first starts, strictly increasing, one
 *     fewer than the parts
 * @param interval when it advances
 */
public record SequentialSchedule(ImmutableList<ClosedFormSchedule> schedules, int[] milestones, Interval interval)
    implements ClosedFormSchedule {
  static final String NAME = "sequential";

  public SequentialSchedule {
    milestones = milestones.clone();
    if (schedules.size() < 2) {
      throw new DescentException(NAME + ": parameter 'schedules' must list at least two schedules, got "
          + schedules.size());
    }
    MultiStepSchedule.checkMilestones(NAME, milestones);
    if (milestones.length != schedules.size() - 1) {
      throw new DescentException(String.format(
          "%s: parameter 'milestones' must have one step fewer than 'schedules' (%d), got %d",
          NAME, schedules.size() - 1, milestones.length));
    }
  }

  /** Builds the parts from their specs (as written inside {@code schedules=[...]}). */
  static ImmutableList<ClosedFormSchedule> parts(List<String> specs) {
    ImmutableList.Builder<ClosedFormSchedule> parts = ImmutableList.builder();
    for (String spec : specs) {
      LearningRateSchedule s = Schedules.resolve(spec);
      if (!(s instanceof ClosedFormSchedule c) || s instanceof SequentialSchedule) {
        throw new DescentException(NAME + ": '" + spec
            + "' cannot be part of a sequence; parts must be closed-form schedules such as cosine or step");
      }
      parts.add(c);
    }
    return parts.build();
  }

  /** Splits {@code ["a(x=1)", 'b']} into its quoted items. */
  static List<String> quotedItems(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    List<String> items = new ArrayList<>();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '"' || c == '\'') {
        int close = t.indexOf(c, i + 1);
        if (close < 0) {
          break;
        }
        items.add(t.substring(i + 1, close));
        i = close + 1;
      } else if (c == ',' || Character.isWhitespace(c)) {
        i++;
      } else {
        throw new DescentException(NAME + ": parameter 'schedules' must be a list of quoted specs such as "
            + "[\"linear_warmup(warmup_steps=5)\", \"cosine(t_max=95)\"], got " + text);
      }
    }
    return items;
  }

  @Override
  public int[] milestones() {
    return milestones.clone();
  }

  @Override
  public double rate(long step, double base) {
    int part = MultiStepSchedule.passed(milestones, step);
    long start = part == 0 ? 0 : milestones[part - 1];
    return schedules.get(part).rate(step - start, base);
  }

  @Override
  public String spec() {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < schedules.size(); i++) {
      list.append(i == 0 ? "\"" : ", \"").append(schedules.get(i).spec()).append('"');
    }
    return SpecText.of(NAME).add("schedules", list.append(']').toString()).add("milestones", milestones)
        .add("interval", interval.label()).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SequentialSchedule s && s.schedules.equals(schedules)
        && java.util.Arrays.equals(s.milestones, milestones) && s.interval == interval;
  }

  @Override
  public int hashCode() {
    return schedules.hashCode() * 31 + java.util.Arrays.hashCode(milestones);
  }

  @Override
  public String toString() {
    return spec();
  }

  /** The provider of {@code sequential}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("sequential_lr"), "schedules one after another, each restarting at its milestone (PyTorch SequentialLR)",
          List.of(new ParamSpec("schedules", ParamType.STRING, null, "quoted specs, such as [\"linear_warmup(warmup_steps=5)\", \"cosine(t_max=95)\"]"),
              new ParamSpec("milestones", ParamType.INT_LIST, null, "steps where each schedule after the first starts")),
          Interval.EPOCH,
          a -> new SequentialSchedule(parts(quotedItems(a.getString("schedules"))), a.getInts("milestones"), interval(a)));
    }
  }
}
