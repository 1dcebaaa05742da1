package app.essayqa;

import app.essayqa.cli.AskCommand;
import app.essayqa.cli.BenchCommand;
import app.essayqa.cli.ConfigCommand;
import app.essayqa.cli.ReplCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Composition root: parses the command line and runs one command; {@code repl} by default. */
@Command(
    name = "essay-qa",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Answers questions about the essays in seeds/ with cited, verbatim quotes.",
    subcommands = {
      ReplCommand.class,
      AskCommand.class,
      ConfigCommand.class,
      BenchCommand.class,
      app.essayqa.eval.EvalCommand.class,
      app.essayqa.telegram.TelegramCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** A usage or configuration mistake. */
  public static final int EXIT_USAGE = 2;

  /** Something that is not the user's fault went wrong. */
  public static final int EXIT_INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command with the given writers; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(out, err);
    String[] effective = args.length == 0 ? new String[] {"repl"} : args;
    return cli.execute(effective);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof EssayQaException) {
            e.println("error: " + ex.getMessage());
            return EXIT_USAGE;
          }
          e.println("internal error: " + ex);
          if (Boolean.getBoolean("essayqa.trace")) {
            ex.printStackTrace(e);
          } else {
            e.println("(run with -Dessayqa.trace=true for the stack trace)");
          }
          return EXIT_INTERNAL;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"essay-qa " + (v == null ? "(development build)" : v)};
    }
  }
}
