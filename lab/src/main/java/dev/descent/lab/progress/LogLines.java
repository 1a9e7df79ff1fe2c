package dev.descent.lab.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines for logs: over all tasks at most one line per interval, and a final line
 * for each task that printed one while it ran (short tasks stay silent). A line holds the task,
 * percentage, count, extra message, throughput and estimated time left (the remaining units at the
 * task's average rate so far). Not thread-safe.
 */
final class LogLines implements Progress {
  private final PrintWriter out;
  private final long intervalNanos;
  private final LongSupplier clock;
  private long lastLine;

  LogLines(PrintWriter out, Duration interval, LongSupplier clock) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.lastLine = clock.getAsLong();
  }

  @Override
  public ProgressTask start(String name, long total, String unit) {
    return new Task(name, total, unit);
  }

  private final class Task implements ProgressTask {
    private final String name;
    private final long total;
    private final String unit;
    private final long start = clock.getAsLong();
    private long done;
    private boolean printed;
    private String extra = "";

    Task(String name, long total, String unit) {
      this.name = name;
      this.total = total;
      this.unit = unit;
    }

    @Override
    public void advance(long units) {
      done += units;
      long now = clock.getAsLong();
      if (now - lastLine >= intervalNanos) {
        lastLine = now;
        printed = true;
        out.println(line(now, false));
        out.flush();
      }
    }

    @Override
    public void message(String extra) {
      this.extra = extra;
    }

    @Override
    public void close() {
      if (printed) {
        out.println(line(clock.getAsLong(), true));
        out.flush();
      }
    }

    private String line(long now, boolean finished) {
      double seconds = (now - start) / 1e9;
      double rate = seconds > 0 ? done / seconds : 0;
      StringBuilder b = new StringBuilder();
      b.append('[').append(name).append("] ");
      if (total > 0) {
        b.append(String.format(Locale.ROOT, "%3.0f%% ", 100.0 * done / total));
      }
      b.append(done);
      if (total > 0) {
        b.append('/').append(total);
      }
      b.append(' ').append(unit);
      if (!extra.isEmpty()) {
        b.append(", ").append(extra);
      }
      b.append(String.format(Locale.ROOT, ", %.0f %s/s", rate, unit));
      if (finished) {
        b.append(String.format(Locale.ROOT, ", done in %.1f s", seconds));
      } else if (total > 0 && rate > 0) {
        b.append(String.format(Locale.ROOT, ", %.0f s left", (total - done) / rate));
      }
      return b.toString();
    }
  }
}
