package app.essayqa.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "repl", mixinStandardHelpOptions = true, description = "TODO")
public final class ReplCommand implements Runnable {
  @Mixin ConfigOptions configOptions;

  @Override
  public void run() {
    throw new UnsupportedOperationException("not built yet");
  }
}
