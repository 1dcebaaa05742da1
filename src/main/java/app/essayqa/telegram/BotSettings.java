package app.essayqa.telegram;

import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.error.EssayQaException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The bot's settings: the {@code telegram.*} keys plus the pacing that only tests change.
 *
 * @param allow chat ids, user ids or usernames (without {@code @}, lower case) that may use the
 *     bot; empty means everyone
 * @param pollTimeout how long one {@code getUpdates} long poll may wait
 * @param rates Telegram's sending limits
 * @param grace how long stopping waits for answers in progress
 */
record BotSettings(
    URI apiUrl,
    List<String> allow,
    int maxQuestionChars,
    int questionsPerMinute,
    int workers,
    Path stateDir,
    Duration pollTimeout,
    SendRatesSpec rates,
    Duration grace) {

  /**
   * The environment variable the bot token is read from (never from a file or the command line).
   */
  static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";

  /** Parameters of {@link SendRates}, kept as data so settings stay a value. */
  record SendRatesSpec(long chatIntervalMs, int groupPerMinute, int globalPerSecond) {
    static final SendRatesSpec TELEGRAM = new SendRatesSpec(1000, 20, 30);

    SendRates create() {
      return new SendRates(chatIntervalMs, groupPerMinute, globalPerSecond);
    }
  }

  BotSettings {
    allow =
        allow.stream().map(a -> a.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT)).toList();
  }

  static BotSettings from(Config config) {
    String url = config.getString(ConfigKeys.TELEGRAM_API_URL).strip();
    URI apiUrl;
    try {
      apiUrl = new URI(url);
    } catch (URISyntaxException e) {
      // Not repeated: a token pasted into the wrong setting would end up on screen and in logs.
      throw new EssayQaException(
          "telegram.api-url is not a URL (expected https://host[:port]); its value is not shown");
    }
    BotApi.baseUrl(apiUrl);
    return new BotSettings(
        apiUrl,
        config.getList(ConfigKeys.TELEGRAM_ALLOW),
        config.getInt(ConfigKeys.TELEGRAM_MAX_QUESTION_CHARS),
        config.getInt(ConfigKeys.TELEGRAM_RATE_LIMIT_PER_MINUTE),
        config.getInt(ConfigKeys.TELEGRAM_WORKERS),
        config.getPath(ConfigKeys.TELEGRAM_STATE_DIR),
        Duration.ofSeconds(30),
        SendRatesSpec.TELEGRAM,
        Duration.ofSeconds(3));
  }

  /** Whether a chat or user may use the bot: by chat id, user id or username. */
  boolean allows(long chatId, Long userId, String username) {
    if (allow.isEmpty()) {
      return true;
    }
    return allow.contains(Long.toString(chatId))
        || (userId != null && allow.contains(Long.toString(userId)))
        || (username != null && allow.contains(username.toLowerCase(Locale.ROOT)));
  }
}
