package app.essayqa.telegram;

import app.essayqa.EssayQa;
import app.essayqa.EssayQaException;
import app.essayqa.Main;
import app.essayqa.cli.ConfigOptions;
import app.essayqa.config.Config;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
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
public final class TelegramCommand implements Callable<Integer> {
  static final String TOKEN_ENV = BotSettings.TOKEN_ENV;

  @Mixin ConfigOptions configOptions;
  @Spec CommandSpec spec;

  private final Map<String, String> env;

  public TelegramCommand() {
    this(System.getenv());
  }

  TelegramCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    String token = env.getOrDefault(TOKEN_ENV, "").strip();
    if (token.isEmpty()) {
      err.println("error: set " + TOKEN_ENV + " to the bot token that @BotFather gave you");
      return Main.EXIT_USAGE;
    }
    if (!token.matches("[A-Za-z0-9:_-]+")) {
      err.println(
          "error: "
              + TOKEN_ENV
              + " does not look like a bot token (expected digits, ':' and letters)");
      return Main.EXIT_USAGE;
    }
    Config config = configOptions.load();
    BotSettings settings = BotSettings.from(config);
    showBotLog();
    StopSignal signal = new StopSignal();
    int status = Main.EXIT_INTERNAL;
    // The state folder is locked before the slow start, so a second bot on it stops at once.
    try (UpdateJournal journal = UpdateJournal.open(settings.stateDir());
        BotApi api = new BotApi(token, settings.apiUrl(), settings.pollTimeout())) {
      BotIdentity me;
      try {
        me = TelegramBot.identify(api);
      } catch (BotApiException e) {
        status = startupFailure(err, e, settings);
        return status;
      }
      try (EssayQa qa = EssayQa.open(config)) {
        Optional<String> failure = TelegramBot.run(qa, api, settings, me, journal, signal);
        if (failure.isPresent()) {
          err.println("error: " + failure.get());
          status = Main.EXIT_USAGE;
        } else {
          status = 0;
        }
        return status;
      }
    } catch (EssayQaException e) {
      status = Main.EXIT_USAGE;
      throw e;
    } finally {
      signal.finish(status);
    }
  }

  private static int startupFailure(PrintWriter err, BotApiException e, BotSettings settings) {
    switch (e.kind()) {
      case UNAUTHORIZED ->
          err.println(
              "error: Telegram rejected the bot token (401 Unauthorized): check " + TOKEN_ENV);
      case REJECTED ->
          err.println(
              "error: Telegram refused getMe ("
                  + e.getMessage()
                  + "): check "
                  + TOKEN_ENV
                  + " and telegram.api-url ("
                  + settings.apiUrl()
                  + ")");
      default -> {
        err.println(
            "error: cannot reach the Telegram Bot API at "
                + settings.apiUrl()
                + ": "
                + e.getMessage());
        return Main.EXIT_INTERNAL;
      }
    }
    return Main.EXIT_USAGE;
  }

  /**
   * One INFO line per handled update is part of the bot's contract, but the shared logging setup
   * shows WARN and up unless ESSAYQA_LOG_LEVEL says otherwise; honour an explicit level.
   */
  private void showBotLog() {
    String level = env.get("ESSAYQA_LOG_LEVEL");
    if (level != null && !level.isBlank()) {
      return;
    }
    if (LoggerFactory.getLogger("app.essayqa.telegram")
        instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }
}
