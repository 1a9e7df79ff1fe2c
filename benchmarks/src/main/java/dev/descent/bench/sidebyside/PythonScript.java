package dev.descent.bench.sidebyside;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one of the Python scripts of {@code benchmarks/python} and reads its results: every line of
 * standard output that starts with <code>{</code> is one JSON object. The scripts exit with status
 * {@value #MISSING_MODULE} and one line on standard error saying what to install when NumPy or
 * PyTorch is missing. Python runs with {@code OMP_WAIT_POLICY=PASSIVE}, so its idle OpenMP threads
 * sleep instead of spinning on the cores Descent also uses.
 */
public final class PythonScript {
  /** The exit status of a script whose imports failed. */
  public static final int MISSING_MODULE = 3;

  private PythonScript() {}

  /**
   * What a script produced.
   *
   * @param results the JSON objects it printed, in order
   * @param failure why it did not run, or the empty string
   */
  public record Outcome(List<JsonObject> results, String failure) {
    /** Whether the script ran to the end. */
    public boolean ok() {
      return failure.isEmpty();
    }

    /** The first result whose {@code key} equals {@code value}, or null. */
    public JsonObject find(String key, Object value) {
      for (JsonObject o : results) {
        if (o.has(key) && o.get(key).getAsString().equals(String.valueOf(value))) {
          return o;
        }
      }
      return null;
    }
  }

  /** Runs {@code script} with {@code args} under {@code python}; standard error is kept for the reason of a failure. */
  public static Outcome run(Path python, Path script, List<String> args) {
    if (!Files.isExecutable(python)) {
      return new Outcome(List.of(), "no Python at " + python + " (Debian: apt-get install python3 python3-numpy python3-torch libopenblas0)");
    }
    if (!Files.isRegularFile(script)) {
      return new Outcome(List.of(), "no script " + script + " (give the scripts' folder with --scripts)");
    }
    List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.put("OMP_WAIT_POLICY", "PASSIVE");
    try {
      Path err = Files.createTempFile("descent-side-by-side", ".err");
      try {
        pb.redirectError(err.toFile());
        Process p = pb.start();
        List<JsonObject> results = new ArrayList<>();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        for (String line : out.split("\n")) {
          if (line.startsWith("{")) {
            results.add(JsonParser.parseString(line).getAsJsonObject());
          }
        }
        if (status == 0) {
          return new Outcome(results, "");
        }
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        return new Outcome(results, status == MISSING_MODULE ? last
            : script.getFileName() + " failed with status " + status + (last.isEmpty() ? "" : ": " + last));
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return new Outcome(List.of(), "cannot run " + python + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(List.of(), "interrupted");
    }
  }
}
