package dev.descent.lab.progress;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Where long work reports its progress: a progress bar on a terminal, plain periodic log lines
 * when the output is not a terminal (a CI log, a file), or nowhere. One {@code Progress} serves a
 * whole command: the tasks it starts one after another (the runs of an experiment) share one bar,
 * or one clock for the log lines, and {@link #close()} ends it. Not thread-safe.
 */
public interface Progress extends AutoCloseable {

  /** Starts reporting a task of {@code total} units called {@code unit} (such as {@code updates}). */
  ProgressTask start(String name, long total, String unit);

  /** Ends the reporting (a bar completes its line). */
  @Override
  default void close() {}

  /** Reports nothing. */
  static Progress none() {
    return (name, total, unit) -> new ProgressTask() {
      @Override
      public void advance(long units) {}

      @Override
      public void message(String extra) {}

      @Override
      public void close() {}
    };
  }

  /** One progress bar on standard error for every task, titled {@code title} (me.tongfei's progressbar on JLine). */
  static Progress bar(String title) {
    return new SharedBar(title);
  }

  /** Plain lines on {@code out}: at most one every {@code interval} over all tasks, and one at the end of a task that printed one. */
  static Progress log(PrintWriter out, Duration interval) {
    return new LogLines(out, interval, System::nanoTime);
  }

  /**
   * A bar when standard input and output are a terminal ({@link System#console()} is not null and
   * {@code TERM} is not {@code dumb}), otherwise a log line on {@code out} every ten seconds.
   */
  static Progress auto(String title, PrintWriter out) {
    return isTerminal() ? bar(title) : log(out, Duration.ofSeconds(10));
  }

  /** Parses {@code auto}, {@code bar}, {@code log} or {@code none} (the {@code --progress} flag). */
  static Progress parse(String mode, String title, PrintWriter out) {
    return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> auto(title, out);
      case "bar" -> bar(title);
      case "log" -> log(out, Duration.ofSeconds(10));
      case "none" -> none();
      default -> throw new dev.descent.DescentException("--progress must be one of auto, bar, log, none; got '" + mode + "'");
    };
  }

  /** Whether standard input and output are an interactive terminal. */
  static boolean isTerminal() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }
}
