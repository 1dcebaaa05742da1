package app.essayqa.telegram;

import app.essayqa.Answerer;
import app.essayqa.config.Config;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code essay-qa telegram}: runs the Telegram bot until SIGTERM or Ctrl-C. */
public final class BotService {
  static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";
  private static final Logger LOG = LoggerFactory.getLogger(BotService.class);

  /** How a run ended; a refusal or failure has been explained on the error writer. */
  public enum Outcome {
    /** Stopped on request after finishing the answers in progress. */
    STOPPED,
    /** The token is missing or Telegram turned it down: the user's to fix. */
    REFUSED,
    /** The Bot API could not be reached. */
    UNREACHABLE
  }

  private final Map<String, String> env;
  private final Answerer.Opener opener;

  /**
   * @param env the environment, for the token and the log level
   */
  public BotService(Map<String, String> env, Answerer.Opener opener) {
    this.env = Map.copyOf(env);
    this.opener = opener;
  }

  /**
   * Checks the token, asks Telegram who the bot is, then opens the answerer and answers until
   * stopped.
   *
   * @param config loaded once the token looks right
   */
  public Outcome run(Supplier<Config> config, PrintWriter err) throws InterruptedException {
    String token = env.getOrDefault(TOKEN_ENV, "").strip();
    if (token.isEmpty()) {
      err.println("error: set " + TOKEN_ENV + " to the bot token that @BotFather gave you");
      return Outcome.REFUSED;
    }
    if (!token.matches("[A-Za-z0-9:_-]+")) {
      err.println(
          "error: "
              + TOKEN_ENV
              + " does not look like a bot token (expected digits, ':' and letters)");
      return Outcome.REFUSED;
    }
    Config loaded = config.get();
    BotSettings settings = BotSettings.from(loaded);
    showBotLog();
    CountDownLatch finished = new CountDownLatch(1);
    try (BotApi api = new BotApi(token, settings.apiUrl(), settings.pollTimeout())) {
      BotIdentity me;
      try {
        me = TelegramBot.identify(api);
      } catch (BotApiException e) {
        return startupFailure(err, e, settings);
      }
      try (Answerer answerer = opener.open(loaded)) {
        return run(answerer, api, settings, me, finished);
      }
    } finally {
      finished.countDown();
    }
  }

  // "try": the shutdown hook closes the bot from its own thread, which is how SIGTERM stops it;
  // close() is idempotent, so the try's own close after awaitClosed() has nothing left to do.
  @SuppressWarnings("try")
  private static Outcome run(
      Answerer qa, BotApi api, BotSettings settings, BotIdentity me, CountDownLatch finished)
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
      LOG.info("@{} is answering; stop with Ctrl-C", me.username());
      bot.awaitClosed();
      return Outcome.STOPPED;
    }
  }

  private static Outcome startupFailure(PrintWriter err, BotApiException e, BotSettings settings) {
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
        return Outcome.UNREACHABLE;
      }
    }
    return Outcome.REFUSED;
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
