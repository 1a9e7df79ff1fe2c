package dev.descent.lab.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar on standard error for a sequence of tasks, drawn by me.tongfei's progressbar:
 * the title, percentage, count, throughput (units per second), elapsed and remaining time, and the
 * current task (shortened to fit a terminal line) with its extra message. Each task adds its units to the bar's total when it starts.
 * Not thread-safe.
 */
final class SharedBar implements Progress {
  private final String title;
  private ProgressBar bar;
  private long max;

  SharedBar(String title) {
    this.title = title;
  }

  @Override
  public ProgressTask start(String name, long total, String unit) {
    if (bar == null) {
      bar = new ProgressBarBuilder()
          .setTaskName(title)
          .setInitialMax(total)
          .setUnit(" " + unit, 1)
          .showSpeed()
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
          .setUpdateIntervalMillis(250)
          .setConsumer(new ConsoleProgressBarConsumer(System.err))
          .build();
      max = total;
    } else {
      max += total;
      bar.maxHint(max);
    }
    ProgressBar current = bar;
    return new ProgressTask() {
      @Override
      public void advance(long units) {
        current.stepBy(units);
      }

      @Override
      public void message(String extra) {
        String label = name.length() > 24 ? name.substring(0, 23) + "…" : name;
        current.setExtraMessage(" " + label + " · " + extra.replace("epoch ", "ep ").replace(", loss ", " · loss "));
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
