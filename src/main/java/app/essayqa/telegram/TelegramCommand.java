package app.essayqa.telegram;

import app.essayqa.EssayQa;
import app.essayqa.Main;
import app.essayqa.cli.ConfigOptions;
import app.essayqa.config.Config;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
  static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";

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
    CountDownLatch finished = new CountDownLatch(1);
    try (BotApi api = new BotApi(token, settings.apiUrl(), settings.pollTimeout())) {
      BotIdentity me;
      try {
        me = TelegramBot.identify(api);
      } catch (BotApiException e) {
        return startupFailure(err, e, settings);
      }
      try (EssayQa qa = EssayQa.open(config)) {
        return run(qa, api, settings, me, finished);
      }
    } finally {
      finished.countDown();
    }
  }

  private static int run(
      EssayQa qa, BotApi api, BotSettings settings, BotIdentity me, CountDownLatch finished)
      throws InterruptedException {
    try (TelegramBot bot = new TelegramBot(qa, api, settings, me)) {
      // The hook only stops the bot; this thread then closes the facade and the HTTP client.
      // The hook waits for that so the JVM does not halt half-way through.
      Thread hook =
          new Thread(
              () -> {
                bot.close();
                try {
                  finished.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "telegram-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      bot.start();
      LoggerFactory.getLogger(TelegramCommand.class)
          .info("@{} is answering; stop with Ctrl-C", me.username());
      bot.awaitClosed();
      return 0;
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
