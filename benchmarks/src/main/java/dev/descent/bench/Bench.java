package dev.descent.bench;

import com.google.common.annotations.VisibleForTesting;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import dev.descent.kernel.ReferenceKernels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of {@code benchmarks.jar}: JMH's own command line ({@code org.openjdk.jmh.Main},
 * every option as documented by {@code -h}), with one addition. Unless the command line sets the
 * {@code kernel} parameter itself ({@code -p kernel=...}), it is set to every kernel that is
 * available in a JVM started with the forks' flags ({@link ForkFlags}), except the slow
 * {@code reference} kernel, which is for correctness: so {@code vector} and {@code blas} are
 * benchmarked where they run and skipped, with a note saying why, where they do not, instead of
 * failing benchmark by benchmark.
 */
public final class Bench {
  private Bench() {}

  /** One kernel as the probe reports it. */
  @VisibleForTesting
  record KernelStatus(String name, boolean available, String description) {
    static KernelStatus parse(String line) {
      String[] fields = line.split("\t", 3);
      return new KernelStatus(fields[0], Boolean.parseBoolean(fields[1]), fields.length > 2 ? fields[2] : "");
    }
  }

  /** Runs JMH with {@code args}, adding the available kernels as the {@code kernel} parameter unless set. */
  public static void main(String[] args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(args));
    if (!setsKernel(args) && !onlyLists(args)) {
      List<KernelStatus> kernels = probe();
      List<String> chosen = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (KernelStatus k : kernels) {
        if (k.name().equals(ReferenceKernels.NAME)) {
          notes.add(k.name() + " (the correctness reference; ask for it with -p kernel=reference, small sizes only)");
        } else if (k.available()) {
          chosen.add(k.name());
        } else {
          notes.add(k.name() + " (not available: " + k.description() + ")");
        }
      }
      System.out.println("# Kernels benchmarked: " + String.join(", ", chosen) + " (set them with -p kernel=NAME,...)");
      for (String note : notes) {
        System.out.println("# Skipped: " + note);
      }
      argv.addAll(kernelParameter(chosen));
    }
    org.openjdk.jmh.Main.main(argv.toArray(String[]::new));
  }

  /** Whether {@code args} set the {@code kernel} parameter ({@code -p kernel=...} or {@code -pkernel=...}). */
  @VisibleForTesting
  static boolean setsKernel(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = args[i].equals("-p") && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith("-p") && !args[i].startsWith("-pr") ? args[i].substring(2) : null;
      if (value != null && value.strip().startsWith("kernel=")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code args} ask JMH for help or a listing only, which runs nothing. */
  @VisibleForTesting
  static boolean onlyLists(String[] args) {
    for (String a : args) {
      if (List.of("-h", "-l", "-lp", "-lrf", "-lprof").contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** The JMH options that set the {@code kernel} parameter to {@code names}. */
  @VisibleForTesting
  static List<String> kernelParameter(List<String> names) {
    return List.of("-p", "kernel=" + String.join(",", names));
  }

  /**
   * The kernels as a JVM with the forks' flags sees them, from {@link KernelProbe}; if that JVM
   * cannot be started, as this JVM sees them.
   */
  private static List<KernelStatus> probe() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, ForkFlags.VECTOR_MODULE, ForkFlags.NATIVE_ACCESS, "-cp", System.getProperty("java.class.path"),
        KernelProbe.class.getName());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    List<KernelStatus> kernels = new ArrayList<>();
    try {
      Process p = pb.start();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.contains("\t")) {
            kernels.add(KernelStatus.parse(line));
          }
        }
      }
      if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && !kernels.isEmpty()) {
        return kernels;
      }
    } catch (IOException e) {
      // fall through to this JVM's view
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.println("# Could not start a JVM to probe the kernels; using this JVM's view of them");
    kernels.clear();
    for (MatrixKernels k : Kernels.all()) {
      kernels.add(new KernelStatus(k.name(), k.isAvailable(), k.description()));
    }
    return kernels;
  }
}
