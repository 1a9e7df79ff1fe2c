package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.kernel.Kernels;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code descent} command: {@code list}, {@code train} and {@code experiment}. User errors
 * (unknown names, bad parameters, malformed files) print one line on standard error and exit with
 * status 2; no stack trace reaches the user.
 */
@Command(
    name = "descent",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Neural-network initialization and gradient descent, from the command line.",
    subcommands = {ListCommand.class, TrainCommand.class, InitCommand.class, OptimizeCommand.class, GradcheckCommand.class,
        ExperimentCommand.class, ExportCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** The exit status of a user error. */
  public static final int USER_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof DescentException || e instanceof IllegalArgumentException) {
        line.getErr().println("descent: error: " + e.getMessage());
        return USER_ERROR;
      }
      throw e;
    });
    cli.setParameterExceptionHandler((e, args1) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("descent: error: " + e.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
      return USER_ERROR;
    });
    try {
      Kernels.selected();
    } catch (DescentException e) {
      err.println("descent: error: " + e.getMessage());
      err.flush();
      return USER_ERROR;
    }
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** The version from the jar manifest, or {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"descent " + (v == null ? "dev" : v)};
    }
  }
}
