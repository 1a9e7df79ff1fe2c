package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code descent} launcher script, run in a copy of the project whose command-line jar exists
 * (so nothing is built) against a stand-in {@code java} that prints its arguments, announces the
 * incubator module as the JVM does and exits with status 3.
 */
class LauncherScriptTest {
  private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

  @TempDir Path project;

  @Test
  void runsTheJavaOfJavaHomeWhenItIsSet() throws Exception {
    Path jdk = standInJdk("home-jdk");
    Result r = launch(Map.of("JAVA_HOME", jdk.toString(), "PATH", "/usr/bin:/bin"), "list", "initializers");
    assertEquals(3, r.status, r.stderr);
    assertTrue(r.stdout.startsWith("home-jdk java --add-modules jdk.incubator.vector"), r.stdout);
    assertTrue(r.stdout.contains(" dev.descent.cli.Main list initializers"), r.stdout);
    assertFalse(r.stderr.contains(WARNING), r.stderr);
    assertTrue(r.stderr.contains("a line after the warning"), r.stderr);
  }

  @Test
  void runsTheJavaOnThePathWithoutJavaHome() throws Exception {
    Path jdk = standInJdk("path-jdk");
    Result r = launch(Map.of("PATH", jdk.resolve("bin") + ":/usr/bin:/bin"), "--version");
    assertEquals(3, r.status, r.stderr);
    assertTrue(r.stdout.startsWith("path-jdk java "), r.stdout);
    assertTrue(r.stdout.contains(" dev.descent.cli.Main --version"), r.stdout);
  }

  private record Result(int status, String stdout, String stderr) {}

  /** A JDK folder whose bin/java prints its name and arguments, the warning and one more line on stderr. */
  private Path standInJdk(String name) throws IOException {
    Path bin = Files.createDirectories(project.resolve(name).resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\n"
        + "echo '" + WARNING + "' >&2\n"
        + "echo 'a line after the warning' >&2\n"
        + "echo \"" + name + " java $*\"\n"
        + "exit 3\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return project.resolve(name);
  }

  private Result launch(Map<String, String> environment, String... args) throws Exception {
    Path script = project.resolve("descent");
    Files.copy(Path.of("..", "descent"), script);
    Path jar = Files.createDirectories(project.resolve("cli").resolve("target")).resolve("descent.jar");
    Files.writeString(jar, "");
    String[] command = new String[args.length + 2];
    command[0] = "/bin/sh";
    command[1] = script.toString();
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Path out = project.resolve("stdout");
    Path err = project.resolve("stderr");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
