package app.essayqa.launcher;

import app.essayqa.error.EssayQaException;
import app.essayqa.error.Printable;
import app.essayqa.error.UsageException;
import app.essayqa.index.IndexMemoryExhausted;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
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
      CalibrateCommand.class,
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
    // and under a POSIX locale Java 17 would print them as '?'. Not System.out, which hides a
    // closed pipe (see StandardOutput).
    PrintWriter out = StandardOutput.writer(new FileOutputStream(FileDescriptor.out));
    PrintWriter err = utf8(System.err);
    int code;
    try {
      code = run(Arguments.utf8(args), out, err, CommandFactory.standard());
    } catch (UsageException e) {
      err.println("error: " + Printable.line(e.getMessage()));
      code = ExitCode.USAGE.code();
    }
    flushQuietly(out);
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given writers and the real facade; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CommandFactory.standard());
  }

  /**
   * Runs one command; returns the exit code. No arguments, or options only ({@code --set
   * retrieval.top-k=5}), mean {@code repl} with those options; {@code --print-config [options]}
   * means {@code config [options]}.
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    CommandLine cli = commandLine(out, err, factory);
    int code;
    try {
      code = cli.execute(effective(args));
    } catch (StandardOutput.Closed closed) {
      // Thrown where picocli itself prints (help, version) rather than from a command.
      code = closed(closed, err);
    } catch (OutOfMemoryError e) {
      err.println(
          "error: out of memory; start with a larger heap, e.g. ESSAYQA_JAVA_OPTS=-Xmx2g"
              + " ./essay-qa ...");
      code = ExitCode.INTERNAL.code();
    }
    flushQuietly(out);
    err.flush();
    return code;
  }

  /** The arguments picocli parses: the default command made explicit. */
  static String[] effective(String[] args) {
    if (args.length == 0) {
      return new String[] {"repl"};
    }
    if (args[0].equals("--print-config")) {
      String[] effective = args.clone();
      effective[0] = "config";
      return effective;
    }
    if (args[0].startsWith("-") && !OWN_OPTIONS.contains(args[0])) {
      // A bare ./essay-qa opens the REPL, so ./essay-qa --set k=v does too, with that setting.
      String[] effective = new String[args.length + 1];
      effective[0] = "repl";
      System.arraycopy(args, 0, effective, 1, args.length);
      return effective;
    }
    return args;
  }

  /** Options of the top-level command itself; any other leading option belongs to {@code repl}. */
  private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private static void flushQuietly(PrintWriter out) {
    try {
      out.flush();
    } catch (StandardOutput.Closed closed) {
      // Reported where it first happened.
    }
  }

  /** Standard output failed: quietly when its reader went away, as rg does, else in one line. */
  private static int closed(StandardOutput.Closed closed, PrintWriter err) {
    if (closed.brokenPipe()) {
      return ExitCode.OK.code();
    }
    err.println("error: " + closed.getMessage());
    return ExitCode.INTERNAL.code();
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new Main(), factory);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
    cli.setParameterExceptionHandler((ex, argv) -> usage(ex.getCommandLine(), describe(ex)));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof StandardOutput.Closed closed) {
            return closed(closed, e);
          }
          IndexMemoryExhausted full = memoryExhausted(ex);
          if (full != null) {
            e.println(
                "error: "
                    + Printable.line(full.getMessage())
                    + "; start with a larger heap, e.g. ESSAYQA_JAVA_OPTS=-Xmx2g ./essay-qa ..."
                    + " (nothing of it was kept; the next start indexes it again)");
            return ExitCode.INTERNAL.code();
          }
          if (ex instanceof UsageException) {
            return usage(commandLine, ex.getMessage());
          }
          if (ex instanceof EssayQaException) {
            // Messages carry file names, settings and environment values: shown, never obeyed.
            e.println("error: " + Printable.line(ex.getMessage()));
            return ExitCode.USAGE.code();
          }
          e.println("internal error: " + Printable.line(String.valueOf(ex)));
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

  /**
   * The out-of-memory report in {@code ex} or its causes (a background start wraps it); or null.
   */
  private static IndexMemoryExhausted memoryExhausted(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof IndexMemoryExhausted full) {
        return full;
      }
    }
    return null;
  }

  /** A usage mistake: one line, the message and where the command's options are explained. */
  private static int usage(CommandLine commandLine, String message) {
    commandLine
        .getErr()
        .println(
            "error: "
                + Printable.line(message)
                + " (see '"
                + commandLine.getCommandSpec().qualifiedName()
                + " --help')");
    return ExitCode.USAGE.code();
  }

  /** Picocli's message, worded for people: an unknown command gets a suggestion. */
  static String describe(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> typed = unmatched.getUnmatched();
      List<String> close = unmatched.getSuggestions();
      boolean command =
          ex.getCommandLine().getParent() == null
              && !typed.isEmpty()
              && !typed.get(0).startsWith("-");
      if (command) {
        return "unknown command '"
            + typed.get(0)
            + "'"
            + (close.isEmpty() ? "" : "; did you mean '" + String.join("' or '", close) + "'?");
      }
      if (!close.isEmpty()) {
        return ex.getMessage() + "; did you mean '" + String.join("' or '", close) + "'?";
      }
    }
    // Picocli describes an option as "option '--set' (KEY=VALUE)" and some messages put "option"
    // before that again: "Value for option option '--set' ...".
    return ex.getMessage().replace("option option '", "option '");
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
