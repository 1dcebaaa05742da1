package app.essayqa.telegram;

import app.essayqa.answer.Answer;
import app.essayqa.question.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;

/**
 * The result sets of inline mode ({@code @bot question} typed in any chat): one article per answer
 * whose message is the answer-and-sources HTML a private chat gets, or one explaining why there is
 * none. Source buttons are left off: their callbacks would come back without a message to edit.
 */
final class InlineAnswers {
  /**
   * Telegram caches a result set per query text for this long, so a question typed again (by
   * anyone: the results are not personal) is not recomputed on every keystroke.
   */
  static final int CACHE_SECONDS = 300;

  /** Words in the title when the answer stage found no short answer. */
  private static final int TITLE_WORDS = 8;

  private static final int DESCRIPTION_CHARS = 200;

  private final AnswerFormatter formatter;
  private final String botUsername;

  InlineAnswers(AnswerFormatter formatter, String botUsername) {
    this.formatter = formatter;
    this.botUsername = botUsername;
  }

  /**
   * Whether an inline query is still being typed rather than a question: fewer than three words and
   * none of them a question word ("wh", "the proj"). Telegram sends a query per pause in typing.
   */
  static boolean halfTyped(String query) {
    String[] words = query.strip().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length >= 3) {
      return false;
    }
    for (String w : words) {
      if (WordList.QUESTION_WORDS.contains(w.replaceAll("[^\\p{L}\\p{N}']", ""))) {
        return false;
      }
    }
    return true;
  }

  /** The answer, or for a refusal one result saying so and never a quote. */
  AnswerInlineQuery answer(String queryId, Answer answer) {
    String html = first(formatter.answer(answer).html());
    if (answer.abstained() || answer.citations().isEmpty()) {
      return reply(
          queryId,
          article(
              "none",
              "The essay does not answer that",
              answer.nearestTopics().isEmpty()
                  ? "Try asking about something the essay covers"
                  : "It does cover: " + String.join(", ", answer.nearestTopics()),
              html));
    }
    String title =
        answer.shortAnswer().map(s -> s.text().strip()).orElseGet(() -> firstWords(answer.text()));
    return reply(
        queryId, article("answer", title, answer.citations().get(0).quote().strip(), html));
  }

  /** For an empty or half-typed query: the example questions of {@code /start}. */
  AnswerInlineQuery examples(String queryId) {
    List<InlineQueryResult> results = new ArrayList<>();
    List<String> examples = formatter.exampleQuestions();
    for (int i = 0; i < examples.size(); i++) {
      String q = examples.get(i);
      results.add(
          article(
              "example" + i,
              q,
              "Type a whole question after @" + botUsername,
              "Ask me about the essay, for example: <i>@"
                  + Html.escape(botUsername)
                  + " "
                  + Html.escape(q)
                  + "</i>"));
    }
    return AnswerInlineQuery.builder()
        .inlineQueryId(queryId)
        .results(results)
        .cacheTime(CACHE_SECONDS)
        .build();
  }

  /** One result carrying a short notice (a question too long, too many questions). */
  AnswerInlineQuery notice(String queryId, String title, String text) {
    return reply(queryId, article("notice", title, text, Html.escape(text)));
  }

  private static AnswerInlineQuery reply(String queryId, InlineQueryResult result) {
    return AnswerInlineQuery.builder()
        .inlineQueryId(queryId)
        .result(result)
        .cacheTime(CACHE_SECONDS)
        .build();
  }

  private static InlineQueryResultArticle article(
      String id, String title, String description, String html) {
    return InlineQueryResultArticle.builder()
        .id(id)
        .title(clip(title, 100))
        .description(clip(description, DESCRIPTION_CHARS))
        .inputMessageContent(
            InputTextMessageContent.builder()
                .messageText(html)
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .build())
        .build();
  }

  /** An inline result is one message: the first part of a longer answer (answer, first sources). */
  private static String first(String html) {
    return MessageSplitter.split(html, MessageSplitter.TELEGRAM_LIMIT).get(0);
  }

  static String firstWords(String text) {
    String[] words = text.replaceAll("\\[\\d+]", " ").strip().split("\\s+");
    if (words.length <= TITLE_WORDS) {
      return String.join(" ", words);
    }
    return String.join(" ", List.of(words).subList(0, TITLE_WORDS)) + " …";
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
  }
}
