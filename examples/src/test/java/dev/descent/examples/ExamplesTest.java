package dev.descent.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Every example runs, and says what it should. */
@ResourceLock(Resources.SYSTEM_OUT)
class ExamplesTest {

  private interface Main {
    void run(String[] args) throws Exception;
  }

  private static String output(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      main.run(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    original.print(out);
    return out;
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "expected /" + regex + "/ in:\n" + text);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void trainCirclesFitsTheCircles() throws Exception {
    String out = output(TrainCircles::main);
    assertTrue(number(out, "test accuracy ([0-9.]+)") >= 0.9, out);
  }

  @Test
  void resumeTrainingEndsWithIdenticalWeights() throws Exception {
    String out = output(ResumeTraining::main);
    assertTrue(out.contains("checkpoint after update 140; resumed to 200 updates"), out);
    assertTrue(out.contains("identical weights: true"), out);
  }

  @Test
  void compareInitializersShowsZerosAtChanceAndHeFitting() throws Exception {
    String out = output(CompareInitializers::main);
    assertTrue(number(out, "zeros .* mean ([0-9.]+)") <= 0.55, out);
    assertTrue(number(out, "he_normal .* mean ([0-9.]+)") >= 0.9, out);
  }

  @Test
  void customInitializerHasHeVarianceAndTrains() throws Exception {
    String out = output(CustomInitializer::main);
    double variance = number(out, "variance ([0-9.]+)");
    assertTrue(Math.abs(variance - 1.0) < 0.5, "32 draws of variance 2/fan_in = 1: " + variance);
    assertTrue(number(out, "train accuracy ([0-9.]+)") >= 0.95, out);
  }

  @Test
  void gradientCheckPasses() throws Exception {
    String out = output(GradientCheckExample::main);
    assertTrue(out.contains("PASS"), out);
    assertTrue(GradientCheckExample.check());
  }
}
