package app.essayqa.cli;

import java.io.InputStream;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Hands the commands what they read from the outside world: the facade opener and standard input.
 * {@code Main} uses the real ones; tests pass a fake source and a byte stream.
 */
public final class CommandFactory implements CommandLine.IFactory {
  private final AnswerSource.Opener opener;
  private final InputStream stdin;

  public CommandFactory(AnswerSource.Opener opener, InputStream stdin) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  /** The program's own wiring: the real facade and {@code System.in}. */
  public static CommandFactory standard() {
    return new CommandFactory(AnswerSource.facade(), System.in);
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    Object command;
    if (cls == AskCommand.class) {
      command = new AskCommand(opener, stdin);
    } else if (cls == ReplCommand.class) {
      command = new ReplCommand(opener, stdin, stdin == System.in);
    } else if (cls == BenchCommand.class) {
      command = new BenchCommand(opener);
    } else {
      return CommandLine.defaultFactory().create(cls);
    }
    return cls.cast(command);
  }
}
