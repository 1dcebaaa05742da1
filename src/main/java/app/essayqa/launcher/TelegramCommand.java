package app.essayqa.launcher;

import app.essayqa.telegram.BotService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code essay-qa telegram}: runs the Telegram bot until SIGTERM or Ctrl-C. */
@Command(
    name = "telegram",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Telegram bot until Ctrl-C or SIGTERM.",
      "Answers questions about the essay in private chats, and in groups when mentioned, replied"
          + " to or asked with /ask. The bot token is read from TELEGRAM_BOT_TOKEN.",
      "Settings: the telegram keys in config/essay-qa.yaml; TELEGRAM_API_URL overrides the"
          + " Bot API address."
    })
final class TelegramCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;
  @Spec CommandSpec spec;

  private final BotService service;

  TelegramCommand(BotService service) {
    this.service = service;
  }

  @Override
  public Integer call() throws InterruptedException {
    ExitCode code =
        switch (service.run(configOptions::load, spec.commandLine().getErr())) {
          case STOPPED -> ExitCode.OK;
          case REFUSED -> ExitCode.USAGE;
          case UNREACHABLE -> ExitCode.INTERNAL;
        };
    return code.code();
  }
}
