package app.essayqa.telegram;

import app.essayqa.Answerer;
import app.essayqa.EssayQa;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts the bot against a {@link FakeBotApi}, the way {@link BotService} does, for tests. */
final class BotHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);

  final FakeBotApi fake;
  final BotApi api;
  final UpdateJournal journal;
  final TelegramBot bot;

  private BotHarness(FakeBotApi fake, BotApi api, UpdateJournal journal, TelegramBot bot) {
    this.fake = fake;
    this.api = api;
    this.journal = journal;
    this.bot = bot;
  }

  static EssayQa openFacade() {
    Path root = Path.of("").toAbsolutePath();
    return EssayQa.open(
        Config.defaults(root).with(ConfigKeys.CACHE_DIR, "target/test-cache", "test"));
  }

  /**
   * Settings for functional tests: Telegram's limits except a 100 ms gap between messages to one
   * chat, so that tests of several replies stay quick ({@link TelegramLoadIT} keeps the real gap).
   */
  static BotSettings settings(FakeBotApi fake, Path stateDir) {
    return new BotSettings(
        URI.create(fake.url()),
        List.of(),
        500,
        10,
        4,
        stateDir,
        Duration.ofSeconds(1),
        new BotSettings.SendRatesSpec(100, 20, 30),
        Duration.ofSeconds(3));
  }

  static BotHarness start(Answerer qa, FakeBotApi fake, BotSettings settings)
      throws BotApiException {
    BotApi api = new BotApi(FakeBotApi.TOKEN, settings.apiUrl(), settings.pollTimeout());
    UpdateJournal journal = UpdateJournal.open(settings.stateDir());
    try {
      BotIdentity me = TelegramBot.identify(api);
      TelegramBot bot = new TelegramBot(qa, api, settings, me, journal);
      bot.start();
      return new BotHarness(fake, api, journal, bot);
    } catch (BotApiException | RuntimeException e) {
      journal.close();
      api.close();
      throw e;
    }
  }

  /** Waits (bounded) until every update the fake handed out is answered and confirmed. */
  void awaitSettled(FakeBotApi.Incoming last) throws InterruptedException {
    fake.awaitConfirmed(last.updateId() + 1, WAIT);
    if (!journal.awaitEmpty(WAIT.toMillis())) {
      throw new AssertionError(
          "update " + last.updateId() + " not settled: " + journal.pendingCount() + " pending");
    }
  }

  @Override
  public void close() {
    bot.close();
    journal.close();
    api.close();
  }
}
