package app.essayqa.telegram;

import app.essayqa.Answerer;
import app.essayqa.error.EssayQaException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The running bot: answers updates left pending by an earlier run, then polls for new ones,
 * handling each chat in order on a bounded pool and sending replies through the rate-limited
 * outbox. {@link #close} stops polling, lets answers in progress finish for a grace period and
 * leaves the rest pending for the next run.
 */
final class TelegramBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
  private static final LongSupplier MONOTONIC_MS = () -> System.nanoTime() / 1_000_000;

  private final BotApi api;
  private final BotSettings settings;
  private final UpdateJournal journal;
  private final ChatDispatcher dispatcher;
  private final Outbox outbox;
  private final UpdateHandler handler;
  private final UpdatePoller poller;
  private final CountDownLatch stopped = new CountDownLatch(1);

  TelegramBot(Answerer qa, BotApi api, BotSettings settings, BotIdentity me) {
    this.api = api;
    this.settings = settings;
    this.journal = UpdateJournal.open(settings.stateDir());
    this.dispatcher = new ChatDispatcher(settings.workers());
    this.outbox =
        new Outbox(api, settings.rates().create(), Math.max(2, settings.workers()), MONOTONIC_MS);
    this.handler = new UpdateHandler(qa, api, outbox, settings, me, MONOTONIC_MS);
    this.poller = new UpdatePoller(api, journal, this::dispatch, settings.pollTimeout());
  }

  /**
   * Asks Telegram who the bot is. A rejected token is final (no retry); an unreachable server is
   * tried a few times.
   *
   * @throws BotApiException UNAUTHORIZED or REJECTED for a wrong token or URL, else the last
   *     failure
   */
  static BotIdentity identify(BotApi api) throws BotApiException {
    BotApiException last = null;
    for (int attempt = 1; attempt <= 4; attempt++) {
      try {
        User me = api.call(new GetMe());
        return new BotIdentity(me.getId(), me.getUserName() == null ? "" : me.getUserName());
      } catch (BotApiException e) {
        if (e.kind() != BotApiException.Kind.TRANSIENT
            && e.kind() != BotApiException.Kind.RATE_LIMITED) {
          throw e;
        }
        last = e;
        if (attempt == 4) {
          break;
        }
        LOG.warn("cannot reach Telegram yet: {}", e.getMessage());
        try {
          Thread.sleep(
              e.kind() == BotApiException.Kind.RATE_LIMITED
                  ? e.retryAfterSeconds() * 1000L
                  : Outbox.backoffMs(attempt));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
    throw last;
  }

  /** Registers the command menu, answers what an earlier run left pending, starts polling. */
  void start() {
    registerCommands();
    List<Update> pending;
    try {
      pending = journal.pending();
    } catch (IOException e) {
      throw new EssayQaException(
          "cannot read pending updates in " + settings.stateDir() + ": " + e.getMessage(), e);
    }
    if (!pending.isEmpty()) {
      LOG.info("answering {} updates left pending by the last run", pending.size());
    }
    pending.forEach(this::dispatch);
    poller.start();
  }

  private void registerCommands() {
    try {
      api.call(
          SetMyCommands.builder()
              .commands(
                  List.of(
                      new BotCommand("start", "Welcome and example questions"),
                      new BotCommand("help", "How to ask"),
                      new BotCommand("about", "The essay's title and author"),
                      new BotCommand("ask", "Ask a question (in groups)")))
              .build());
    } catch (BotApiException e) {
      LOG.warn("could not register the command menu: {}", e.getMessage());
    }
  }

  private void dispatch(Update update) {
    long received = System.nanoTime();
    long chatId = UpdateHandler.chatId(update);
    long updateId = update.getUpdateId();
    dispatcher.submit(
        chatId,
        () ->
            handler.handle(
                update,
                outcome -> {
                  journal.done(updateId);
                  LOG.info(
                      "update {} chat {}: {} in {} ms",
                      updateId,
                      chatId,
                      outcome,
                      (System.nanoTime() - received) / 1_000_000);
                }));
  }

  /** Updates received and not yet answered (or given up). */
  int pendingCount() {
    return journal.pendingCount();
  }

  /** Blocks until {@link #close} has finished. */
  void awaitClosed() throws InterruptedException {
    stopped.await();
  }

  boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
    return stopped.await(timeout, unit);
  }

  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    long start = System.nanoTime();
    poller.close();
    dispatcher.close(settings.grace());
    try {
      long left = settings.grace().toNanos() - (System.nanoTime() - start);
      if (!outbox.awaitIdle(java.time.Duration.ofNanos(Math.max(0, left)))) {
        LOG.info("stopping with replies unsent; their questions will be answered after a restart");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    outbox.close();
    LOG.info("stopped; {} updates left pending", journal.pendingCount());
    stopped.countDown();
  }
}
