package dev.descent.kernel.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the native BLAS prints nothing, whether it works or not, on a JVM started as the {@code
 * descent} launcher starts it. Each check runs in a fresh JVM,
 * because the library is loaded once per JVM: once with this JVM's netlib settings, and once
 * pointed at a library that does not exist, which is what a machine without BLAS looks like to
 * netlib. netlib itself would log a warning in both (its vectorised Java BLAS needs an incubator
 * module that Java 17 does not add by default).
 */
class QuietLoadTest {
  /**
   * The flag the {@code descent} launcher passes so that Java 22 and later do not warn about
   * netlib's {@code System.load} from the class path; accepted silently since Java 17.
   */
  private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

  @TempDir Path dir;

  @Test
  void aMissingLibraryIsReportedAsUnavailableWithoutOutput() throws Exception {
    Run run = probe("-D" + NativeBlas.LIBRARY_PROPERTY + "=libdescent-no-such-blas.so.0");
    assertEquals("", run.stderr(), "standard error");
    assertEquals("available=false", run.stdout().strip());
  }

  @Test
  void theUsualLoadPrintsNothingButTheAnswer() throws Exception {
    List<String> settings = new ArrayList<>();
    for (String property : List.of(NativeBlas.LIBRARY_PROPERTY, NativeBlas.PATH_PROPERTY)) {
      if (System.getProperty(property) != null) {
        settings.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    Run run = probe(settings.toArray(String[]::new));
    assertEquals("", run.stderr(), "standard error");
    assertEquals("available=" + new BlasKernels().isAvailable(), run.stdout().strip());
  }

  private record Run(String stdout, String stderr) {}

  private Run probe(String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(NATIVE_ACCESS);
    command.addAll(List.of(options));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ProbeMain.class.getName());
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish in 60 s: " + command);
    }
    assertEquals(0, process.exitValue(), () -> "exit status; stderr: " + read(err));
    return new Run(read(out), read(err));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
