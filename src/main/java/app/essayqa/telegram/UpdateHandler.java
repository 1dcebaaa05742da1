package app.essayqa.telegram;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.error.EssayQaException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Translates one update into facade calls and replies. Replies go to the {@link Outbox}; the
 * completion callback runs exactly once, after the last reply is delivered or given up for good,
 * with a one-word outcome for the log.
 */
final class UpdateHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);

  /** How long a reply to an answer waits for that answer's delivery to be confirmed. */
  private static final Duration FOLLOW_UP_PATIENCE = Duration.ofSeconds(5);

  private final Answerer qa;
  private final BotApi api;
  private final Outbox outbox;
  private final BotSettings settings;
  private final BotIdentity me;
  private final AnswerFormatter formatter;
  private final UserRateLimiter limiter;
  private final RecentAnswers recent = new RecentAnswers(2000);
  private final LongSupplier clockMs;

  UpdateHandler(
      Answerer qa,
      BotApi api,
      Outbox outbox,
      BotSettings settings,
      BotIdentity me,
      LongSupplier clockMs) {
    this.qa = qa;
    this.api = api;
    this.outbox = outbox;
    this.settings = settings;
    this.me = me;
    this.formatter = new AnswerFormatter(qa.library());
    this.limiter = new UserRateLimiter(settings.questionsPerMinute());
    this.clockMs = clockMs;
  }

  /** The chat an update belongs to (for ordering), or 0 when it has none. */
  static long chatId(Update update) {
    if (update.hasMessage()) {
      return update.getMessage().getChatId();
    }
    if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
      return update.getCallbackQuery().getMessage().getChatId();
    }
    return 0;
  }

  void handle(Update update, Consumer<String> completion) {
    AtomicBoolean once = new AtomicBoolean();
    Consumer<String> done =
        outcome -> {
          if (once.compareAndSet(false, true)) {
            completion.accept(outcome);
          }
        };
    Replies out = null;
    try {
      if (update.hasMessage()) {
        Message m = update.getMessage();
        out = new Replies(m.getChatId(), m.getMessageId(), done);
        onMessage(m, out);
      } else if (update.hasCallbackQuery()) {
        onCallback(update.getCallbackQuery(), done);
      } else {
        done.accept("ignored");
      }
    } catch (RuntimeException e) {
      LOG.error("update {}: {}", update.getUpdateId(), api.redact(e.toString()));
      if (out != null && !out.flushed) {
        out.messages.clear();
        out.add(
            new AnswerFormatter.Formatted(
                "Sorry, something went wrong while answering that. Please try again.", List.of()),
            null);
        out.flush("failed");
      } else {
        done.accept("failed");
      }
    }
  }

  private void onMessage(Message m, Replies out) {
    User from = m.getFrom();
    if (!settings.allows(
        m.getChatId(),
        from == null ? null : from.getId(),
        from == null ? null : from.getUserName())) {
      out.flush("denied");
      return;
    }
    Message replyTo = m.getReplyToMessage();
    boolean replyToBot =
        replyTo != null && replyTo.getFrom() != null && replyTo.getFrom().getId() == me.id();
    Route route = Route.of(m.getChat().isUserChat(), m.getText(), me.username(), replyToBot);
    if (LOG.isDebugEnabled()) {
      LOG.trace(
          "chat {} message {}: {} {}", m.getChatId(), m.getMessageId(), route.kind(), m.getText());
    }
    if (route.kind() == Route.Kind.IGNORE) {
      out.flush("ignored");
      return;
    }
    // Every message that gets a reply counts, so one chat's flood cannot fill the queue.
    long userId = from == null ? m.getChatId() : from.getId();
    switch (limiter.check(userId, clockMs.getAsLong())) {
      case REFUSE_AND_EXPLAIN -> {
        out.text(
                "You're writing faster than I can answer well: I take up to "
                    + limiter.perMinute()
                    + " messages a minute from each person. Please try again in a minute.")
            .flush("rate-limited");
        return;
      }
      case REFUSE_SILENTLY -> {
        out.flush("rate-limited");
        return;
      }
      case ALLOW -> {}
    }
    switch (route.kind()) {
      case IGNORE -> out.flush("ignored");
      case START -> out.text(formatter.welcome()).flush("start");
      case HELP ->
          out.text(formatter.help(settings.maxQuestionChars(), me.username())).flush("help");
      case ABOUT -> out.text(formatter.about()).flush("about");
      case EMPTY_QUESTION ->
          out.text(
                  "What would you like to know? For example: <i>/ask "
                      + Html.escape(formatter.exampleQuestions().get(0))
                      + "</i>")
              .flush("empty");
      case UNKNOWN_COMMAND ->
          out.text("I don't know that command. /help lists what I can do.")
              .flush("unknown-command");
      case NOT_TEXT ->
          out.text("I can only read text: please type your question.").flush("not-text");
      case QUESTION -> question(m, route.text(), replyToBot ? replyTo : null, out);
    }
  }

  private void question(Message m, String question, Message replyTo, Replies out) {
    if (question.length() > settings.maxQuestionChars()) {
      out.text(
              "That question is "
                  + question.length()
                  + " characters long; please keep it under "
                  + settings.maxQuestionChars()
                  + ".")
          .flush("too-long");
      return;
    }
    typing(m.getChatId());
    Optional<Answer> previous =
        replyTo == null
            ? Optional.empty()
            : recent.get(m.getChatId(), replyTo.getMessageId(), FOLLOW_UP_PATIENCE);
    Answer answer;
    try {
      answer = qa.ask(question, previous.map(Conversation::of).orElse(Conversation.empty()));
    } catch (EssayQaException e) {
      out.text("Sorry: " + Html.escape(e.getMessage())).flush("error");
      return;
    }
    long chatId = m.getChatId();
    out.add(
            formatter.answer(answer),
            sent -> {
              if (sent instanceof Message message) {
                recent.put(chatId, message.getMessageId(), answer);
              }
            })
        .whenSettled(recent.sending(chatId))
        .flush(previous.isPresent() ? "follow-up" : answer.abstained() ? "abstained" : "answered");
  }

  private void onCallback(CallbackQuery query, Consumer<String> done) {
    MaybeInaccessibleMessage message = query.getMessage();
    User from = query.getFrom();
    long chatId = message == null ? 0 : message.getChatId();
    if (!settings.allows(
        chatId, from == null ? null : from.getId(), from == null ? null : from.getUserName())) {
      answerCallback(query.getId(), null);
      done.accept("denied");
      return;
    }
    Optional<CallbackData> data = CallbackData.decode(query.getData());
    Optional<AnswerFormatter.Formatted> view =
        data.flatMap(d -> formatter.paragraph(d.document(), d.paragraph()));
    if (message == null || view.isEmpty()) {
      answerCallback(query.getId(), "That button no longer works.");
      done.accept("stale-button");
      return;
    }
    answerCallback(query.getId(), null);
    Replies out = new Replies(chatId, message.getMessageId(), done);
    AnswerFormatter.Formatted paragraph = view.get();
    if (data.get().action() == CallbackData.Action.PAGE
        && paragraph.html().length() <= MessageSplitter.TELEGRAM_LIMIT) {
      EditMessageText.EditMessageTextBuilder<?, ?> edit =
          EditMessageText.builder()
              .chatId(chatId)
              .messageId(message.getMessageId())
              .text(paragraph.html())
              .parseMode(ParseMode.HTML)
              .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
      paragraph.markup().ifPresent(edit::replyMarkup);
      outbox.send(new Outbox.Outgoing(chatId, edit.build(), null, () -> done.accept("page")));
      return;
    }
    out.add(paragraph, null).flush("paragraph");
  }

  private void typing(long chatId) {
    try {
      api.call(SendChatAction.builder().chatId(chatId).action("typing").build());
    } catch (BotApiException e) {
      LOG.debug("chat {}: typing indicator failed: {}", chatId, e.getMessage());
    }
  }

  private void answerCallback(String id, String text) {
    try {
      api.call(AnswerCallbackQuery.builder().callbackQueryId(id).text(text).build());
    } catch (BotApiException e) {
      LOG.warn("answering a button press failed: {}", e.getMessage());
    }
  }

  private record Reply(AnswerFormatter.Formatted formatted, Consumer<Serializable> onSent) {}

  /** The messages one update gets in reply, sent in order; the last one settles the update. */
  private final class Replies {
    final long chatId;
    final int replyTo;
    final Consumer<String> done;
    final List<Reply> messages = new ArrayList<>();
    Runnable settled = () -> {};
    boolean flushed;

    Replies(long chatId, int replyTo, Consumer<String> done) {
      this.chatId = chatId;
      this.replyTo = replyTo;
      this.done = done;
    }

    Replies text(String html) {
      return add(new AnswerFormatter.Formatted(html, List.of()), null);
    }

    Replies add(AnswerFormatter.Formatted formatted, Consumer<Serializable> onSent) {
      messages.add(new Reply(formatted, onSent));
      return this;
    }

    Replies whenSettled(Runnable settled) {
      this.settled = settled;
      return this;
    }

    void flush(String outcome) {
      flushed = true;
      List<Outbox.Outgoing> outgoing = new ArrayList<>();
      for (Reply reply : messages) {
        AnswerFormatter.Formatted formatted = reply.formatted();
        Consumer<Serializable> onSent = reply.onSent();
        List<String> parts =
            MessageSplitter.split(formatted.html(), MessageSplitter.TELEGRAM_LIMIT);
        for (int i = 0; i < parts.size(); i++) {
          SendMessage.SendMessageBuilder<?, ?> send =
              SendMessage.builder()
                  .chatId(chatId)
                  .text(parts.get(i))
                  .parseMode(ParseMode.HTML)
                  .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
          if (outgoing.isEmpty()) {
            send.replyParameters(
                ReplyParameters.builder()
                    .messageId(replyTo)
                    .allowSendingWithoutReply(true)
                    .build());
          }
          if (i == parts.size() - 1) {
            formatted.markup().ifPresent(send::replyMarkup);
          }
          outgoing.add(new Outbox.Outgoing(chatId, send.build(), onSent, () -> {}));
        }
      }
      if (outgoing.isEmpty()) {
        settled.run();
        done.accept(outcome);
        return;
      }
      Outbox.Outgoing last = outgoing.remove(outgoing.size() - 1);
      Runnable settledToo = settled;
      outgoing.add(
          new Outbox.Outgoing(
              last.chatId(),
              last.method(),
              last.onSent(),
              () -> {
                settledToo.run();
                done.accept(outcome);
              }));
      outgoing.forEach(outbox::send);
    }
  }
}
