package app.essayqa.telegram;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns answers and paragraphs into Telegram HTML and inline keyboards. Every piece of user or
 * essay text goes through {@link Html#escape}; the only tags are the ones written here.
 */
final class AnswerFormatter {
  private static final int BUTTONS_PER_ROW = 4;

  /** A message body and its buttons (empty keyboard: none). */
  record Formatted(String html, List<List<Button>> keyboard) {
    Formatted {
      keyboard = keyboard.stream().map(List::copyOf).toList();
    }

    Optional<InlineKeyboardMarkup> markup() {
      if (keyboard.isEmpty()) {
        return Optional.empty();
      }
      List<InlineKeyboardRow> rows = new ArrayList<>();
      for (List<Button> row : keyboard) {
        InlineKeyboardRow r = new InlineKeyboardRow();
        for (Button b : row) {
          r.add(
              InlineKeyboardButton.builder()
                  .text(b.label())
                  .callbackData(b.data().encode())
                  .build());
        }
        rows.add(r);
      }
      return Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }
  }

  record Button(String label, CallbackData data) {}

  private final Library library;

  AnswerFormatter(Library library) {
    this.library = library;
  }

  /**
   * An answer as a chat shows it: the short direct answer in bold on the first line when the answer
   * stage found one (a refusal never has one), then the quoted sentence(s) with their [n], then the
   * sources.
   */
  Formatted answer(Answer answer) {
    StringBuilder html = new StringBuilder();
    if (!answer.abstained()) {
      answer
          .shortAnswer()
          .ifPresent(
              s ->
                  html.append("<b>")
                      .append(Html.escape(s.text().strip()))
                      .append("</b> [")
                      .append(s.citation())
                      .append("]\n\n"));
    }
    html.append(Html.escape(answer.text().strip()));
    answer
        .generation()
        .flatMap(g -> g.notice())
        .ifPresent(note -> html.append("\n\n<i>").append(Html.escape(note)).append("</i>"));
    if (answer.abstained() && !answer.nearestTopics().isEmpty()) {
      html.append("\n\n<b>The essay does cover:</b>");
      for (String topic : answer.nearestTopics()) {
        html.append("\n• ").append(Html.escape(topic));
      }
    }
    List<Button> buttons = new ArrayList<>();
    if (!answer.citations().isEmpty()) {
      html.append("\n\n<b>Sources</b>");
      for (Citation c : answer.citations()) {
        html.append("\n\n<b>[").append(c.n()).append("]</b> ").append(where(c)).append('\n');
        html.append("<blockquote>").append(Html.escape(c.quote().strip())).append("</blockquote>");
        int document = documentIndex(c.document());
        if (document >= 0) {
          addSourceButton(
              buttons,
              c.n(),
              pageMark(c.page()),
              new CallbackData(CallbackData.Action.SHOW, document, c.paragraph()));
        }
      }
    }
    return new Formatted(html.toString(), rows(buttons));
  }

  /**
   * One button per cited paragraph: sources quoting the same paragraph share it, "[1,2] ¶8", after
   * its page in a paged document, "[1] p. 3, ¶8".
   */
  private static void addSourceButton(
      List<Button> buttons, int n, String pageMark, CallbackData data) {
    for (int i = 0; i < buttons.size(); i++) {
      Button b = buttons.get(i);
      if (b.data().equals(data)) {
        String numbers = b.label().substring(1, b.label().indexOf(']'));
        String place = b.label().substring(b.label().indexOf(']') + 2);
        buttons.set(i, new Button("[" + numbers + "," + n + "] " + place, data));
        return;
      }
    }
    buttons.add(new Button("[" + n + "] " + pageMark + "¶" + data.paragraph(), data));
  }

  /** "p. 3, " for a quote on page 3 of a paged document; nothing without pages. */
  private static String pageMark(OptionalInt page) {
    return page.isPresent() ? "p. " + page.getAsInt() + ", " : "";
  }

  /** A paragraph with its place in the essay, and buttons to read the ones before and after. */
  Optional<Formatted> paragraph(int documentIndex, int number) {
    if (documentIndex < 0 || documentIndex >= library.documents().size()) {
      return Optional.empty();
    }
    Document doc = library.documents().get(documentIndex);
    Optional<Paragraph> found = doc.paragraph(number);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Paragraph p = found.get();
    StringBuilder html = new StringBuilder();
    html.append("<b>")
        .append(pageMark(doc.pageAt(p.start())))
        .append("¶")
        .append(p.number())
        .append("</b> · <i>")
        .append(Html.escape(p.section()))
        .append("</i>");
    if (library.documents().size() > 1 || !p.section().equals(doc.title())) {
      html.append("\n").append(Html.escape(doc.title()));
    }
    html.append("\n\n").append(Html.escape(p.text().strip()));
    List<Button> nav = new ArrayList<>();
    if (number > 1) {
      nav.add(
          new Button(
              "◀ ¶" + (number - 1),
              new CallbackData(CallbackData.Action.PAGE, documentIndex, number - 1)));
    }
    if (number < doc.paragraphs().size()) {
      nav.add(
          new Button(
              "¶" + (number + 1) + " ▶",
              new CallbackData(CallbackData.Action.PAGE, documentIndex, number + 1)));
    }
    return Optional.of(new Formatted(html.toString(), nav.isEmpty() ? List.of() : List.of(nav)));
  }

  String welcome() {
    StringBuilder html = new StringBuilder("Hello! I answer questions about ");
    html.append(titles())
        .append(", quoting the text word for word and naming where each quote stands.");
    html.append("\n\nJust send me a question. For example:");
    for (String example : exampleQuestions()) {
      html.append("\n• <i>").append(Html.escape(example)).append("</i>");
    }
    html.append("\n\n/help explains more.");
    return html.toString();
  }

  String help(int maxQuestionChars, String botUsername) {
    return "<b>How to ask</b>\n"
        + "• In a private chat, every message is a question.\n"
        + "• In a group, mention me (@"
        + Html.escape(botUsername)
        + "), reply to one of my messages, or write /ask followed by your question.\n"
        + "• Reply to one of my answers to ask a follow-up, such as <i>Who said that?</i> or <i>Tell me more</i>.\n"
        + "• Tap a source button to read the whole paragraph, then ◀ ▶ to read on.\n"
        + "• Questions can be up to "
        + maxQuestionChars
        + " characters long.\n\n"
        + "/start – welcome and example questions\n"
        + "/about – what I have read\n"
        + "/ask – ask a question (in groups)";
  }

  String about() {
    StringBuilder html = new StringBuilder("I have read:");
    for (Document d : library.documents()) {
      html.append("\n\n<b>").append(Html.escape(d.title())).append("</b>");
      d.author().ifPresent(a -> html.append("\nby ").append(Html.escape(a)));
      html.append("\n").append(d.paragraphs().size()).append(" paragraphs");
      int sections = Math.max(0, d.sections().size() - 1);
      if (sections > 0) {
        html.append(" in ").append(sections).append(sections == 1 ? " section" : " sections");
      }
    }
    if (library.documents().isEmpty()) {
      html.append(" nothing yet.");
    }
    html.append("\n\nEvery answer quotes the text verbatim and names the paragraph it comes from.");
    return html.toString();
  }

  /** Three questions drawn from the section headings, so they fit whatever essay is loaded. */
  List<String> exampleQuestions() {
    List<String> examples = new ArrayList<>();
    for (Document d : library.documents()) {
      for (String section :
          d.sections().subList(Math.min(1, d.sections().size()), d.sections().size())) {
        if (examples.size() < 3) {
          examples.add(
              "What does the essay say about " + section.strip().replaceAll("[.?!:]+$", "") + "?");
        }
      }
    }
    for (String fallback :
        List.of(
            "What is the essay about?", "Who wrote the essay?", "What does the essay conclude?")) {
      if (examples.size() < 3) {
        examples.add(fallback);
      }
    }
    return examples;
  }

  private String titles() {
    List<String> titles =
        library.documents().stream().map(d -> "<b>" + Html.escape(d.title()) + "</b>").toList();
    return titles.isEmpty() ? "the essay" : String.join(" and ", titles);
  }

  private String where(Citation c) {
    StringBuilder where = new StringBuilder();
    if (library.documents().size() > 1 && c.title() != null) {
      where.append(Html.escape(c.title())).append(", ");
    }
    if (c.section() != null && !c.section().isBlank()) {
      where.append("<i>").append(Html.escape(c.section())).append("</i>, ");
    }
    return where.append(pageMark(c.page())).append("¶").append(c.paragraph()).toString();
  }

  private int documentIndex(String id) {
    List<Document> docs = library.documents();
    for (int i = 0; i < docs.size(); i++) {
      if (docs.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static List<List<Button>> rows(List<Button> buttons) {
    List<List<Button>> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
      rows.add(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW)));
    }
    return rows;
  }
}
