package app.essayqa.telegram;

import app.essayqa.Answerer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The running bot: resumes what an earlier run left in the {@link UpdateJournal}, then polls for
 * new updates, handling each chat in order on a bounded pool and sending replies through the
 * rate-limited {@link Outbox}. Each update is handled on its own: one that cannot be read or that
 * breaks its handler is set aside with the reason and never holds up the rest.
 *
 * <p>{@link #close} stops polling, gives answers in progress a grace period, sends what is ready
 * within it, and waits for replies already handed to Telegram so that their outcome is recorded;
 * what is left stays in the journal for the next run. A failure only the user can fix (a revoked
 * token, another client polling) closes the bot too; {@link #awaitClosed} then returns it.
 */
final class TelegramBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
  private static final LongSupplier MONOTONIC_MS = () -> System.nanoTime() / 1_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BotApi api;
  private final BotSettings settings;
  private final UpdateJournal journal;
  private final ChatDispatcher dispatcher;
  private final SideCalls side;
  private final Outbox outbox;
  private final UpdateHandler handler;
  private final UpdatePoller poller;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile String failure;
  private boolean closing;

  /** A bot over an open journal, which the caller owns (and closes after the bot). */
  TelegramBot(
      Answerer qa, BotApi api, BotSettings settings, BotIdentity me, UpdateJournal journal) {
    this.api = api;
    this.settings = settings;
    this.journal = journal;
    this.dispatcher = new ChatDispatcher(settings.workers());
    this.side = new SideCalls(api, 2);
    this.outbox =
        new Outbox(
            api,
            journal,
            settings.rates().create(),
            Math.max(2, settings.workers()),
            MONOTONIC_MS,
            new Outbox.Listener() {
              @Override
              public void settled(Outbox.Delivery delivery, String outcome) {
                logDone(delivery.updateId(), delivery.chatId, outcome, delivery.receivedNanos);
              }

              @Override
              public void fatal(String message) {
                fail(message);
              }
            });
    this.handler = new UpdateHandler(qa, side, settings, me, MONOTONIC_MS);
    this.poller =
        new UpdatePoller(
            api,
            journal,
            new UpdatePoller.Sink() {
              @Override
              public void received(UpdateJournal.Entry entry) {
                dispatch(entry);
              }

              @Override
              public void fatal(String message) {
                fail(message);
              }
            },
            settings.pollTimeout());
  }

  /**
   * Runs a bot until it is stopped by {@code signal} (Ctrl-C, SIGTERM) or by a failure that needs
   * the user.
   *
   * @return that failure as one line, or empty after a clean stop
   */
  static Optional<String> run(
      Answerer qa,
      BotApi api,
      BotSettings settings,
      BotIdentity me,
      UpdateJournal journal,
      StopSignal signal)
      throws InterruptedException {
    try (TelegramBot bot = new TelegramBot(qa, api, settings, me, journal)) {
      bot.start();
      signal.onSignal(bot::close);
      LOG.info("@{} is answering; stop with Ctrl-C", me.username());
      return bot.awaitClosed();
    }
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
        if (me == null) {
          throw new BotApiException(
              BotApiException.Kind.TRANSIENT, 0, 0, "getMe: an unreadable reply");
        }
        return new BotIdentity(me.getId(), me.getUserName() == null ? "" : me.getUserName());
      } catch (BotApiException e) {
        if (!e.retryable()) {
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

  /** Registers the command menu, resumes what an earlier run left, starts polling. */
  void start() {
    side.submit(
        "registering the command menu",
        SetMyCommands.builder()
            .commands(
                List.of(
                    new BotCommand("start", "Welcome and example questions"),
                    new BotCommand("help", "How to ask"),
                    new BotCommand("about", "The essay's title and author"),
                    new BotCommand("ask", "Ask a question (in groups)")))
            .build());
    List<UpdateJournal.Entry> left = journal.recovered();
    if (!left.isEmpty()) {
      LOG.info("resuming {} updates left by the last run", left.size());
    }
    for (UpdateJournal.Entry entry : left) {
      if (entry.update().has("inline_query")) {
        dropStaleInlineQuery(entry);
      } else {
        dispatch(entry);
      }
    }
    poller.start();
  }

  /**
   * An inline query left by the last run, answered or not: Telegram accepts an answer to one for a
   * few seconds only, and the person has typed on or gone, so it is dropped rather than answered
   * late (which Telegram would refuse as too old).
   */
  private void dropStaleInlineQuery(UpdateJournal.Entry entry) {
    try {
      journal.done(entry.updateId());
      LOG.info(
          "update {}: an inline query left by the last run ({}); dropped, since Telegram takes an"
              + " answer to one for a few seconds only",
          entry.updateId(),
          entry.state().name().toLowerCase(java.util.Locale.ROOT));
    } catch (IOException e) {
      LOG.warn("update {}: cannot drop a stale inline query: {}", entry.updateId(), e.getMessage());
    }
  }

  /**
   * Hands one recorded update to its chat's queue: to be answered, or, if it was answered before a
   * restart, to have its remaining replies sent. Never throws: an update that cannot be read is set
   * aside.
   */
  private void dispatch(UpdateJournal.Entry entry) {
    long received = System.nanoTime();
    long updateId = entry.updateId();
    try {
      if (entry.state() == UpdateJournal.State.RECEIVED) {
        Update update = JSON.treeToValue(entry.update(), Update.class);
        long chatId = UpdateHandler.chatId(update);
        dispatcher.submit(chatId, () -> answer(entry, update, chatId, received));
      } else {
        Outbox.Delivery delivery = resumed(entry, received);
        dispatcher.submit(delivery.chatId, () -> outbox.send(delivery));
      }
    } catch (IOException | RuntimeException e) {
      reject(entry, "cannot read it: " + firstLine(e));
    }
  }

  private void answer(UpdateJournal.Entry entry, Update update, long chatId, long received) {
    UpdateHandler.Plan plan;
    try {
      plan = handler.handle(update);
    } catch (RuntimeException | Error e) {
      reject(entry, "handling it failed: " + firstLine(e));
      return;
    }
    try {
      if (plan.methods().isEmpty()) {
        journal.done(entry.updateId());
        plan.onSettled().run();
        logDone(entry.updateId(), chatId, plan.outcome(), received);
        return;
      }
      List<JsonNode> replies = new ArrayList<>();
      for (BotApiMethod<? extends Serializable> method : plan.methods()) {
        replies.add(JSON.valueToTree(method));
      }
      UpdateJournal.Entry answered = journal.answered(entry, replies, plan.outcome());
      outbox.send(
          new Outbox.Delivery(
              chatId, answered, plan.methods(), plan.onSent(), plan.onSettled(), received));
    } catch (IOException e) {
      plan.onSettled().run();
      LOG.error(
          "update {}: cannot record its answer in the state folder ({}); it is answered again"
              + " after a restart",
          entry.updateId(),
          e.getMessage());
    }
  }

  /** The replies still to send for an update answered before a restart. */
  private Outbox.Delivery resumed(UpdateJournal.Entry entry, long received) throws IOException {
    List<BotApiMethod<? extends Serializable>> methods = new ArrayList<>();
    for (JsonNode reply : entry.replies()) {
      String method = reply.path("method").asText();
      methods.add(
          switch (method) {
            case SendMessage.PATH -> JSON.treeToValue(reply, SendMessage.class);
            case EditMessageText.PATH -> JSON.treeToValue(reply, EditMessageText.class);
            default -> throw new IOException("a reply by an unknown method '" + method + "'");
          });
    }
    long chatId = UpdateHandler.chatId(JSON.treeToValue(entry.update(), Update.class));
    UpdateJournal.Entry resumed = entry;
    if (entry.state() == UpdateJournal.State.SENDING) {
      // The one case the Bot API cannot settle: the request may have reached Telegram.
      resumed = journal.ambiguous(entry);
      LOG.warn(
          "chat {}: update {}: reply {} of {} may already have been delivered before the last run"
              + " stopped; sending it again, which duplicates it if it was",
          chatId,
          entry.updateId(),
          entry.sent() + 1,
          entry.replies().size());
    }
    List<Consumer<Serializable>> none = new ArrayList<>();
    methods.forEach(m -> none.add(null));
    return new Outbox.Delivery(chatId, resumed, methods, none, () -> {}, received);
  }

  private void reject(UpdateJournal.Entry entry, String reason) {
    LOG.warn(
        "update {}: {}; set aside in {}",
        entry.updateId(),
        reason,
        journal.dir().resolve("rejected"));
    journal.reject(entry.updateId(), entry.update(), reason);
  }

  private static String firstLine(Throwable e) {
    String text = e.toString();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static void logDone(long updateId, long chatId, String outcome, long receivedNanos) {
    LOG.info(
        "update {} chat {}: {} in {} ms",
        updateId,
        chatId,
        outcome,
        (System.nanoTime() - receivedNanos) / 1_000_000);
  }

  /** Stops the bot because of a failure only the user can fix; the first one is kept. */
  private void fail(String message) {
    synchronized (this) {
      if (failure == null) {
        failure = api.redact(message);
      }
    }
    Thread stopper = new Thread(this::close, "telegram-stop");
    stopper.start();
  }

  /** Updates received and not done yet. */
  int pendingCount() {
    return journal.pendingCount();
  }

  /**
   * Blocks until {@link #close} has finished.
   *
   * @return the failure that stopped the bot, or empty after a requested stop
   */
  Optional<String> awaitClosed() throws InterruptedException {
    stopped.await();
    return Optional.ofNullable(failure);
  }

  boolean awaitClosed(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        // Another thread is stopping the bot; wait for it rather than stop twice.
        try {
          while (stopped.getCount() > 0) {
            wait(100);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      closing = true;
    }
    long start = System.nanoTime();
    poller.close();
    dispatcher.close(settings.grace());
    outbox.stop(start + settings.grace().toNanos());
    side.close();
    LOG.info("stopped; {} updates left pending", journal.pendingCount());
    stopped.countDown();
  }
}
