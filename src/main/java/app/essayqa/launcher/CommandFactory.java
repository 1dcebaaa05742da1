package app.essayqa.launcher;

import app.essayqa.Answerer;
import app.essayqa.EssayQa;
import app.essayqa.cli.ReplSession;
import app.essayqa.index.ConsoleIndexProgress;
import app.essayqa.telegram.BotService;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Hands the commands what they read from the outside world: the answerer opener, standard input and
 * the environment. {@link Main} uses the real ones; tests pass a fake answerer and a byte stream.
 */
public final class CommandFactory implements CommandLine.IFactory {
  private final Answerer.Opener opener;
  private final InputStream stdin;
  private final Map<String, String> env;

  public CommandFactory(Answerer.Opener opener, InputStream stdin) {
    this(opener, stdin, System.getenv());
  }

  public CommandFactory(Answerer.Opener opener, InputStream stdin, Map<String, String> env) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.env = Map.copyOf(env);
  }

  /** The program's own wiring: the real facade, {@code System.in} and the real environment. */
  public static CommandFactory standard() {
    // Indexing shows its progress on stderr: a bar on a terminal, a line per file elsewhere.
    return new CommandFactory(
        config ->
            EssayQa.open(
                config,
                new ConsoleIndexProgress(
                    System.err, ConsoleIndexProgress.stderrIsTerminal(), System::nanoTime)),
        System.in);
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    Object command;
    if (cls == AskCommand.class) {
      command = new AskCommand(opener, stdin);
    } else if (cls == ReplCommand.class) {
      command = new ReplCommand(new ReplSession(opener, stdin, stdin == System.in));
    } else if (cls == BenchCommand.class) {
      command = new BenchCommand(opener);
    } else if (cls == EvalCommand.class) {
      command = new EvalCommand(opener);
    } else if (cls == CalibrateCommand.class) {
      command = new CalibrateCommand(opener);
    } else if (cls == TelegramCommand.class) {
      command = new TelegramCommand(new BotService(env, opener));
    } else {
      return CommandLine.defaultFactory().create(cls);
    }
    return cls.cast(command);
  }
}
