package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.launcher.CommandFactory;
import app.essayqa.launcher.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process with captured output, as {@code Main.main} would. */
final class Cli {
  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result runWithInput(Answerer.Opener opener, String stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(args, new PrintWriter(out), new PrintWriter(err), new CommandFactory(opener, in));
    return new Result(code, out.toString(), err.toString());
  }

  static Result run(Answerer.Opener opener, String... args) {
    return runWithInput(opener, "", args);
  }

  /** An opener for commands that must not open the facade at all. */
  static Answerer.Opener never() {
    return config -> {
      throw new AssertionError("the facade should not have been opened");
    };
  }
}
