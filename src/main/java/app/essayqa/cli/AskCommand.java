package app.essayqa.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ask", mixinStandardHelpOptions = true, description = "TODO")
public final class AskCommand implements Runnable {
  @Mixin ConfigOptions configOptions;

  @Override
  public void run() {
    throw new UnsupportedOperationException("not built yet");
  }
}
