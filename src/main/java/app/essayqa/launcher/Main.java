package app.essayqa.launcher;

import app.essayqa.error.EssayQaException;
import app.essayqa.error.UsageException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
      EvalCommand.class,
      TelegramCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--print-config",
      description = "Print the effective configuration and exit (same as the config command).")
  boolean printConfig;

  public static void main(String[] args) {
    // UTF-8 whatever the locale: answers quote the essay's typography (¶, dashes, curly quotes),
    // and under a POSIX locale Java 17 would print them as '?'.
    PrintWriter out = utf8(System.out);
    PrintWriter err = utf8(System.err);
    int code = run(args, out, err, CommandFactory.standard());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given writers and the real facade; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CommandFactory.standard());
  }

  /**
   * Runs one command; returns the exit code. No arguments means {@code repl}; {@code --print-config
   * [options]} means {@code config [options]}.
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    CommandLine cli = commandLine(out, err, factory);
    String[] effective = args;
    if (args.length == 0) {
      effective = new String[] {"repl"};
    } else if (args[0].equals("--print-config")) {
      effective = args.clone();
      effective[0] = "config";
    }
    int code = cli.execute(effective);
    out.flush();
    err.flush();
    return code;
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new Main(), factory);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
    cli.setParameterExceptionHandler((ex, argv) -> usage(ex.getCommandLine(), ex.getMessage()));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof UsageException) {
            return usage(commandLine, ex.getMessage());
          }
          if (ex instanceof EssayQaException) {
            e.println("error: " + ex.getMessage());
            return ExitCode.USAGE.code();
          }
          e.println("internal error: " + ex);
          if (Boolean.getBoolean("essayqa.trace")) {
            ex.printStackTrace(e);
          } else {
            e.println(
                "(ESSAYQA_JAVA_OPTS=-Dessayqa.trace=true ./essay-qa ... prints the stack trace)");
          }
          return ExitCode.INTERNAL.code();
        });
    return cli;
  }

  /** A usage mistake: the message, then where the command's options are explained. */
  private static int usage(CommandLine commandLine, String message) {
    commandLine.getErr().println("error: " + message);
    commandLine
        .getErr()
        .println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCode.USAGE.code();
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
