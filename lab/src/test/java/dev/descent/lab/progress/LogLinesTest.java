package dev.descent.lab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Log-line progress with a clock the test moves. */
class LogLinesTest {
  private long now;

  @Test
  void printsAtMostOneLinePerIntervalWithRateAndTimeLeft() {
    StringWriter text = new StringWriter();
    Progress progress = new LogLines(new PrintWriter(text), Duration.ofSeconds(10), () -> now);
    ProgressTask task = progress.start("run", 100, "updates");
    task.message("epoch 1/4, loss 0.5000");
    now += 5_000_000_000L;
    task.advance(10);
    assertEquals("", text.toString(), "nothing before the interval");
    now += 5_000_000_000L;
    task.advance(20);
    task.close();
    assertEquals(String.join(System.lineSeparator(),
        "[run]  30% 30/100 updates, epoch 1/4, loss 0.5000, 3 updates/s, 23 s left",
        "[run]  30% 30/100 updates, epoch 1/4, loss 0.5000, 3 updates/s, done in 10.0 s", ""), text.toString());
  }

  @Test
  void aShortTaskStaysSilent() {
    StringWriter text = new StringWriter();
    Progress progress = new LogLines(new PrintWriter(text), Duration.ofSeconds(10), () -> now);
    ProgressTask task = progress.start("short", 10, "updates");
    task.advance(10);
    task.close();
    assertEquals("", text.toString());
  }
}
