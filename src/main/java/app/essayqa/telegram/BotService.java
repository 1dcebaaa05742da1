package app.essayqa.telegram;

import app.essayqa.Answerer;
import app.essayqa.config.Config;
import app.essayqa.error.EssayQaException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.LoggerFactory;

/** {@code essay-qa telegram}: runs the Telegram bot until SIGTERM or Ctrl-C. */
public final class BotService {
  static final String TOKEN_ENV = BotSettings.TOKEN_ENV;

  /** How a run ended; a refusal or failure has been explained on the error writer. */
  public enum Outcome {
    /** Stopped on request after finishing the answers in progress. */
    STOPPED,
    /**
     * The user's to fix: the token is missing, Telegram turned it down (at start or later), another
     * bot polls with it, or another bot runs on the state folder.
     */
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
   * @param exitStatus the process's exit status for an outcome: a stop by SIGTERM or Ctrl-C ends
   *     the JVM from its shutdown hook, which would otherwise exit 143 or 130 whatever was returned
   */
  public Outcome run(Supplier<Config> config, PrintWriter err, ToIntFunction<Outcome> exitStatus)
      throws InterruptedException {
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
    return serve(token, settings, () -> opener.open(loaded), err, exitStatus);
  }

  /**
   * The bot's life once its settings are known: identify, lock the bot's own state folder (before
   * the slow start, so a second bot on it stops at once), open the answerer, answer until stopped.
   */
  static Outcome serve(
      String token,
      BotSettings settings,
      Supplier<Answerer> answerer,
      PrintWriter err,
      ToIntFunction<Outcome> exitStatus)
      throws InterruptedException {
    StopSignal signal = new StopSignal();
    Outcome outcome = Outcome.UNREACHABLE;
    try (BotApi api = new BotApi(token, settings.apiUrl(), settings.pollTimeout())) {
      BotIdentity me;
      try {
        me = TelegramBot.identify(api);
      } catch (BotApiException e) {
        outcome = startupFailure(err, e, settings);
        return outcome;
      }
      // Locked before the slow start, so a second bot on the same token stops at once.
      try (UpdateJournal journal = UpdateJournal.openForBot(settings.stateDir(), me.id());
          Answerer qa = answerer.get()) {
        Optional<String> failure = TelegramBot.run(qa, api, settings, me, journal, signal);
        failure.ifPresent(f -> err.println("error: " + f));
        outcome = failure.isPresent() ? Outcome.REFUSED : Outcome.STOPPED;
        return outcome;
      }
    } catch (EssayQaException e) {
      err.println("error: " + e.getMessage());
      outcome = Outcome.REFUSED;
      return outcome;
    } finally {
      signal.finish(exitStatus.applyAsInt(outcome));
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
