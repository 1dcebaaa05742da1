package app.essayqa.launcher;

import app.essayqa.telegram.BotService;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
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
    ToIntFunction<BotService.Outcome> status = outcome -> exitCode(outcome).code();
    return status.applyAsInt(service.run(configOptions::load, spec.commandLine().getErr(), status));
  }

  private static ExitCode exitCode(BotService.Outcome outcome) {
    return switch (outcome) {
      case STOPPED -> ExitCode.OK;
      case REFUSED -> ExitCode.USAGE;
      case UNREACHABLE -> ExitCode.INTERNAL;
    };
  }
}
