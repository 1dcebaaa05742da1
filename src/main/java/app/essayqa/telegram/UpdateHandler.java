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
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what one update gets in reply: asks the {@link Answerer}, formats, and returns the
 * replies as a {@link Plan} for the bot to record and send. It sends nothing that matters itself;
 * only side calls (typing, button answers) go out from here, in the background.
 */
final class UpdateHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);

  /** How long a reply to an answer waits for that answer's delivery to be confirmed. */
  private static final Duration FOLLOW_UP_PATIENCE = Duration.ofSeconds(5);

  /**
   * The replies to one update, in order.
   *
   * @param chatId where they go (0 when the update has no chat)
   * @param methods the Bot API calls to make
   * @param onSent per call, what to do with Telegram's result (null entries: nothing)
   * @param onSettled runs once the replies are settled, however that ends
   * @param outcome a word for the log
   */
  record Plan(
      long chatId,
      List<BotApiMethod<? extends Serializable>> methods,
      List<Consumer<Serializable>> onSent,
      Runnable onSettled,
      String outcome) {
    static Plan none(long chatId, String outcome) {
      return new Plan(chatId, List.of(), List.of(), () -> {}, outcome);
    }
  }

  /** How often "typing" is sent again while an answer is written: within Telegram's 5 s. */
  static final long TYPING_REFRESH_MS = 4_000;

  private final Answerer qa;
  private final SideCalls side;
  private final BotSettings settings;
  private final BotIdentity me;
  private final AnswerFormatter formatter;
  private final InlineAnswers inline;
  private final UserRateLimiter limiter;
  private final RecentAnswers recent = new RecentAnswers(2000);
  private final LongSupplier clockMs;

  UpdateHandler(
      Answerer qa, SideCalls side, BotSettings settings, BotIdentity me, LongSupplier clockMs) {
    this.qa = qa;
    this.side = side;
    this.settings = settings;
    this.me = me;
    this.formatter = new AnswerFormatter(qa.library());
    this.inline = new InlineAnswers(formatter, me.username());
    this.limiter = new UserRateLimiter(settings.questionsPerMinute());
    this.clockMs = clockMs;
  }

  /** The chat an update belongs to (for ordering), or 0 when it has none. */
  static long chatId(Update update) {
    if (update.hasMessage()) {
      Message m = update.getMessage();
      return m.getChat() == null ? 0 : m.getChat().getId();
    }
    if (update.hasCallbackQuery()) {
      MaybeInaccessibleMessage m = update.getCallbackQuery().getMessage();
      return m == null || m.getChat() == null ? 0 : m.getChat().getId();
    }
    // Inline mode has no chat: the asker's own id keeps one person's queries in order.
    if (update.hasInlineQuery() && update.getInlineQuery().getFrom() != null) {
      return update.getInlineQuery().getFrom().getId();
    }
    if (update.hasChosenInlineQuery() && update.getChosenInlineQuery().getFrom() != null) {
      return update.getChosenInlineQuery().getFrom().getId();
    }
    return 0;
  }

  /**
   * What to send for {@code update}. A bug while handling it is logged and answered with an apology
   * where there is a chat to send it to.
   */
  Plan handle(Update update) {
    long chatId = chatId(update);
    try {
      if (update.hasMessage()) {
        Message m = update.getMessage();
        if (chatId == 0) {
          LOG.warn("update {}: a message without a chat; ignored", update.getUpdateId());
          return Plan.none(0, "ignored");
        }
        return onMessage(m, new Replies(chatId, m.getMessageId()));
      }
      if (update.hasCallbackQuery()) {
        return onCallback(update.getCallbackQuery());
      }
      if (update.hasInlineQuery()) {
        return onInline(update.getInlineQuery());
      }
      if (update.hasChosenInlineQuery()) {
        // The outcome only: which kind of result was sent, never the query.
        return Plan.none(chatId, "inline-chosen:" + update.getChosenInlineQuery().getResultId());
      }
      return Plan.none(chatId, "ignored");
    } catch (RuntimeException e) {
      LOG.error("update {}: {}", update.getUpdateId(), e.toString());
      if (chatId == 0) {
        return Plan.none(0, "failed");
      }
      Integer replyTo = update.hasMessage() ? update.getMessage().getMessageId() : null;
      return new Replies(chatId, replyTo)
          .text("Sorry, something went wrong while answering that. Please try again.")
          .plan("failed");
    }
  }

  private Plan onMessage(Message m, Replies out) {
    User from = m.getFrom();
    long chatId = out.chatId;
    if (!settings.allows(
        chatId, from == null ? null : from.getId(), from == null ? null : from.getUserName())) {
      return out.plan("denied");
    }
    Message replyTo = m.getReplyToMessage();
    boolean replyToBot =
        replyTo != null && replyTo.getFrom() != null && replyTo.getFrom().getId() == me.id();
    // A photo's caption is its text: a question typed under a picture is still a question.
    String text = m.getText() != null ? m.getText() : m.getCaption();
    boolean privateChat = m.getChat().isUserChat();
    Route route = Route.of(privateChat, text, me.username(), replyToBot);
    LOG.debug("chat {} message {}: {} {}", chatId, m.getMessageId(), route.kind(), text);
    if (route.kind() == Route.Kind.IGNORE) {
      return out.plan("ignored");
    }
    // Every message that gets a reply counts, so one chat's flood cannot fill the queue.
    long userId = from == null ? chatId : from.getId();
    switch (limiter.check(userId, clockMs.getAsLong())) {
      case REFUSE_AND_EXPLAIN -> {
        return out.text(
                "You're writing faster than I can answer well: I take up to "
                    + limiter.perMinute()
                    + " messages a minute from each person. Please try again in a minute.")
            .plan("rate-limited");
      }
      case REFUSE_SILENTLY -> {
        return out.plan("rate-limited");
      }
      case ALLOW -> {}
    }
    return switch (route.kind()) {
      case IGNORE -> out.plan("ignored");
      case START -> out.text(formatter.welcome()).plan("start");
      case HELP ->
          out.text(formatter.help(settings.maxQuestionChars(), me.username())).plan("help");
      case ABOUT -> out.text(formatter.about()).plan("about");
      case EMPTY_QUESTION ->
          out.text(
                  "What would you like to know? For example: <i>/ask "
                      + Html.escape(formatter.exampleQuestions().get(0))
                      + "</i>")
              .plan("empty");
      case UNKNOWN_COMMAND ->
          out.text("I don't know that command. /help lists what I can do.").plan("unknown-command");
      case NOT_TEXT ->
          out.text("I can only read text: please type your question.").plan("not-text");
      case QUESTION -> question(route.text(), replyToBot ? replyTo : null, privateChat, out);
    };
  }

  /**
   * An inline query, answered on a worker like a message. Only real questions count toward the rate
   * limit: Telegram sends a query at each pause in typing, and the examples cost no answer.
   */
  private Plan onInline(InlineQuery query) {
    User from = query.getFrom();
    long userId = from == null ? 0 : from.getId();
    if (!settings.allows(
        userId, from == null ? null : userId, from == null ? null : from.getUserName())) {
      return Plan.none(userId, "denied");
    }
    String text = query.getQuery() == null ? "" : query.getQuery().strip();
    LOG.debug("inline query from {}: {}", userId, text);
    if (text.isEmpty()) {
      return inlinePlan(userId, inline.examples(query.getId()), "inline-empty");
    }
    if (text.length() > settings.maxQuestionChars()) {
      return inlinePlan(
          userId,
          inline.notice(
              query.getId(),
              "That question is too long",
              "Please keep it under " + settings.maxQuestionChars() + " characters."),
          "inline-too-long");
    }
    if (InlineAnswers.halfTyped(text)) {
      return inlinePlan(userId, inline.examples(query.getId()), "inline-waiting");
    }
    switch (limiter.check(userId, clockMs.getAsLong())) {
      case REFUSE_AND_EXPLAIN -> {
        return inlinePlan(
            userId,
            inline.notice(
                query.getId(),
                "Too many questions",
                "I take up to "
                    + limiter.perMinute()
                    + " questions a minute from each person. Please try again in a minute."),
            "inline-rate-limited");
      }
      case REFUSE_SILENTLY -> {
        return Plan.none(userId, "inline-rate-limited");
      }
      case ALLOW -> {}
    }
    Answer answer;
    try {
      answer = qa.ask(text, Conversation.empty());
    } catch (EssayQaException e) {
      return inlinePlan(
          userId,
          inline.notice(query.getId(), "Sorry, I could not answer that", e.getMessage()),
          "inline-error");
    }
    return inlinePlan(
        userId,
        inline.answer(query.getId(), answer),
        answer.abstained() ? "inline-abstained" : "inline-answered");
  }

  private static Plan inlinePlan(long userId, AnswerInlineQuery reply, String outcome) {
    List<Consumer<Serializable>> none = new ArrayList<>();
    none.add(null);
    return new Plan(userId, List.of(reply), none, () -> {}, outcome);
  }

  private Plan question(String question, Message replyTo, boolean privateChat, Replies out) {
    if (question.length() > settings.maxQuestionChars()) {
      return out.text(
              "That question is "
                  + question.length()
                  + " characters long; please keep it under "
                  + settings.maxQuestionChars()
                  + ".")
          .plan("too-long");
    }
    long chatId = out.chatId;
    SendChatAction typing = SendChatAction.builder().chatId(chatId).action("typing").build();
    side.submit("chat " + chatId + ": typing indicator", typing);
    // A reply follows up the answer it replies to; in a private chat any message may follow up the
    // last answer, as in the REPL. In a group, only a reply: others talk in between.
    Optional<Answer> previous =
        replyTo != null
            ? recent.get(chatId, replyTo.getMessageId(), FOLLOW_UP_PATIENCE)
            : privateChat ? recent.latest(chatId) : Optional.empty();
    Answer answer;
    // The indicator lasts five seconds; a language model may write for longer. The answer is sent
    // whole once verified: editing a message per streamed sentence would spend the chat's send
    // budget on drafts.
    SideCalls.Repeating stillTyping =
        side.every("chat " + chatId + ": typing indicator", typing, TYPING_REFRESH_MS);
    try {
      answer = qa.ask(question, previous.map(Conversation::of).orElse(Conversation.empty()));
    } catch (EssayQaException e) {
      return out.text("Sorry: " + Html.escape(e.getMessage())).plan("error");
    } finally {
      stillTyping.close();
    }
    return out.add(
            formatter.answer(answer),
            sent -> {
              if (sent instanceof Message message) {
                recent.put(chatId, message.getMessageId(), answer);
              }
            })
        .whenSettled(recent.sending(chatId))
        .plan(previous.isPresent() ? "follow-up" : answer.abstained() ? "abstained" : "answered");
  }

  private Plan onCallback(CallbackQuery query) {
    MaybeInaccessibleMessage message = query.getMessage();
    User from = query.getFrom();
    long chatId = message == null || message.getChat() == null ? 0 : message.getChat().getId();
    if (!settings.allows(
        chatId, from == null ? null : from.getId(), from == null ? null : from.getUserName())) {
      answerCallback(query.getId(), null);
      return Plan.none(chatId, "denied");
    }
    // Presses count toward the same limit as messages: each one can cost a reply.
    long userId = from == null ? chatId : from.getId();
    if (limiter.check(userId, clockMs.getAsLong()) != UserRateLimiter.Decision.ALLOW) {
      answerCallback(
          query.getId(),
          "That's more than "
              + limiter.perMinute()
              + " requests in a minute; please wait a moment and try again.");
      return Plan.none(chatId, "rate-limited");
    }
    Optional<CallbackData> data = CallbackData.decode(query.getData());
    Optional<AnswerFormatter.Formatted> view =
        data.flatMap(d -> formatter.paragraph(d.document(), d.paragraph()));
    if (message == null || chatId == 0 || view.isEmpty()) {
      answerCallback(query.getId(), "That button no longer works.");
      return Plan.none(chatId, "stale-button");
    }
    answerCallback(query.getId(), null);
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
      List<Consumer<Serializable>> noAction = new ArrayList<>();
      noAction.add(null);
      return new Plan(chatId, List.of(edit.build()), noAction, () -> {}, "page");
    }
    return new Replies(chatId, message.getMessageId()).add(paragraph, null).plan("paragraph");
  }

  private void answerCallback(String id, String text) {
    side.submit(
        "answering a button press",
        AnswerCallbackQuery.builder().callbackQueryId(id).text(text).build());
  }

  private record Reply(AnswerFormatter.Formatted formatted, Consumer<Serializable> onSent) {}

  /** The messages one update gets in reply, split to Telegram's length limit, in order. */
  private static final class Replies {
    final long chatId;
    final Integer replyTo;
    final List<Reply> messages = new ArrayList<>();
    Runnable settled = () -> {};

    Replies(long chatId, Integer replyTo) {
      this.chatId = chatId;
      this.replyTo = replyTo;
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

    Plan plan(String outcome) {
      List<BotApiMethod<? extends Serializable>> methods = new ArrayList<>();
      List<Consumer<Serializable>> onSent = new ArrayList<>();
      for (Reply reply : messages) {
        AnswerFormatter.Formatted formatted = reply.formatted();
        List<String> parts =
            MessageSplitter.split(formatted.html(), MessageSplitter.TELEGRAM_LIMIT);
        for (int i = 0; i < parts.size(); i++) {
          SendMessage.SendMessageBuilder<?, ?> send =
              SendMessage.builder()
                  .chatId(chatId)
                  .text(parts.get(i))
                  .parseMode(ParseMode.HTML)
                  .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
          if (methods.isEmpty() && replyTo != null) {
            send.replyParameters(
                ReplyParameters.builder()
                    .messageId(replyTo)
                    .allowSendingWithoutReply(true)
                    .build());
          }
          if (i == parts.size() - 1) {
            formatted.markup().ifPresent(send::replyMarkup);
          }
          methods.add(send.build());
          onSent.add(reply.onSent()); // a reply to any part of an answer is a follow-up
        }
      }
      return new Plan(chatId, methods, onSent, settled, outcome);
    }
  }
}
