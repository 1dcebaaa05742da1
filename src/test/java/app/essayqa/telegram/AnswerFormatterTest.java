package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import app.essayqa.ingest.ParagraphKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerFormatterTest {
  private static final String TITLE = "Essays & <Notes>";
  private static final List<String> TEXTS =
      List.of("First <script>alert(1)</script> & more.", "Second paragraph.", "Third & last.");

  private static Library library() {
    List<Paragraph> paragraphs = new ArrayList<>();
    StringBuilder text = new StringBuilder(TITLE + "\n\n");
    for (int i = 0; i < TEXTS.size(); i++) {
      int start = text.length();
      text.append(TEXTS.get(i)).append("\n\n");
      paragraphs.add(
          new Paragraph(
              i + 1,
              i == 0 ? TITLE : "Part <2>",
              ParagraphKind.BODY,
              start,
              start + TEXTS.get(i).length(),
              TEXTS.get(i),
              List.of()));
    }
    Document doc =
        new Document(
            "essay.txt",
            TITLE,
            Optional.of("A. Writer & Co"),
            text.toString(),
            List.of(TITLE, "Part <2>", "What Lies Ahead:"),
            paragraphs);
    return new Library(List.of(doc), List.of());
  }

  private static Answer answer(
      String text, boolean abstained, List<Citation> citations, List<String> topics) {
    return new Answer("q", text, abstained, citations, topics, "v1", Map.of(), List.of());
  }

  private static Citation citation(int n, String section, int paragraph, String quote) {
    return new Citation(
        n, "essay.txt", TITLE, section, paragraph, 1, 10, 10 + quote.length(), quote, 0.5);
  }

  private final AnswerFormatter formatter = new AnswerFormatter(library());

  @Test
  void should_quote_each_source_with_section_paragraph_and_a_button() throws Exception {
    Answer a =
        answer(
            "First <script>alert(1)</script> & more. [1] Third & last. [2]",
            false,
            List.of(
                citation(1, TITLE, 1, "First <script>alert(1)</script> & more."),
                citation(2, "Part <2>", 3, "Third & last.")),
            List.of());

    AnswerFormatter.Formatted f = formatter.answer(a);

    String plain = TelegramHtml.plainText(f.html());
    assertThat(plain)
        .startsWith("First <script>alert(1)</script> & more. [1] Third & last. [2]")
        .contains("Sources")
        .contains("[1] " + TITLE + ", ¶1\nFirst <script>alert(1)</script> & more.")
        .contains("[2] Part <2>, ¶3\nThird & last.");
    assertThat(f.html()).contains("<blockquote>Third &amp; last.</blockquote>");
    assertThat(f.keyboard()).hasSize(1);
    assertThat(f.keyboard().get(0))
        .extracting(AnswerFormatter.Button::label)
        .containsExactly("[1] ¶1", "[2] ¶3");
    assertThat(f.markup().orElseThrow().getKeyboard().get(0).get(1).getCallbackData())
        .isEqualTo("s:0:3");
  }

  @Test
  void should_put_the_short_answer_in_bold_on_the_first_line_then_the_quotes() throws Exception {
    Answer a =
        answer(
                "Third & last. [1]",
                false,
                List.of(citation(1, "Part <2>", 3, "Third & last.")),
                List.of())
            .withShortAnswer(Optional.of(new app.essayqa.answer.ShortAnswer("Third & last", 1)));

    AnswerFormatter.Formatted f = formatter.answer(a);

    assertThat(f.html()).startsWith("<b>Third &amp; last</b> [1]\n\nThird &amp; last. [1]");
    assertThat(TelegramHtml.plainText(f.html()).lines().findFirst()).contains("Third & last [1]");
  }

  @Test
  void should_start_with_the_quotes_when_there_is_no_short_answer() throws Exception {
    Answer a =
        answer(
            "Third & last. [1]", false, List.of(citation(1, "Part <2>", 3, "Third.")), List.of());

    assertThat(formatter.answer(a).html()).startsWith("Third &amp; last. [1]");
  }

  @Test
  void should_offer_one_button_per_paragraph_when_sources_share_one() {
    Answer a =
        answer(
            "Second paragraph. [1] Third & last. [2] First [3]",
            false,
            List.of(
                citation(1, "Part <2>", 2, "Second"),
                citation(2, "Part <2>", 3, "Third"),
                citation(3, "Part <2>", 2, "paragraph")),
            List.of());

    AnswerFormatter.Formatted f = formatter.answer(a);

    assertThat(f.keyboard().get(0))
        .extracting(AnswerFormatter.Button::label)
        .containsExactly("[1,3] ¶2", "[2] ¶3");
  }

  @Test
  void should_list_the_nearest_topics_when_the_essay_does_not_answer() throws Exception {
    AnswerFormatter.Formatted f =
        formatter.answer(
            answer(
                "The essay does not answer that.",
                true,
                List.of(),
                List.of("trade & <tariffs>", "history")));

    assertThat(TelegramHtml.plainText(f.html()))
        .isEqualTo(
            "The essay does not answer that.\n\nThe essay does cover:\n• trade & <tariffs>\n• history");
    assertThat(f.keyboard()).isEmpty();
    assertThat(f.markup()).isEmpty();
  }

  @Test
  void should_note_under_the_answer_why_the_language_models_answer_was_not_used() throws Exception {
    app.essayqa.answer.Answer quoted = answer("Quoted <text>.", false, List.of(), List.of());
    app.essayqa.answer.Generation g =
        new app.essayqa.answer.Generation(
            "m",
            "q",
            1,
            0,
            0,
            0,
            List.of(),
            0,
            0,
            10,
            1,
            java.util.Optional.of("the model server failed (HTTP 500)"));
    app.essayqa.answer.Answer withNote =
        new app.essayqa.answer.Answer(
            quoted.question(),
            quoted.text(),
            false,
            List.of(),
            List.of(),
            "v",
            java.util.Map.of(),
            List.of(),
            java.util.Optional.of(g));

    AnswerFormatter.Formatted f = formatter.answer(withNote);

    assertThat(f.html())
        .isEqualTo(
            "Quoted &lt;text&gt;.\n\n<i>Note: the language model's answer could not be used (the"
                + " model server failed (HTTP 500)); quoted instead.</i>");
  }

  @ParameterizedTest
  @CsvSource({"1, '', p:0:2", "2, p:0:1, p:0:3", "3, p:0:2, ''"})
  void should_show_a_paragraph_with_buttons_to_read_on(int number, String previous, String next)
      throws Exception {
    AnswerFormatter.Formatted f = formatter.paragraph(0, number).orElseThrow();

    assertThat(TelegramHtml.plainText(f.html()))
        .contains("¶" + number)
        .endsWith(TEXTS.get(number - 1));
    List<String> data =
        f.keyboard().stream().flatMap(List::stream).map(b -> b.data().encode()).toList();
    List<String> expected = new ArrayList<>();
    if (!previous.isEmpty()) {
      expected.add(previous);
    }
    if (!next.isEmpty()) {
      expected.add(next);
    }
    assertThat(data).isEqualTo(expected);
  }

  @Test
  void should_name_the_page_of_a_quote_from_a_paged_document_in_its_source_and_button()
      throws Exception {
    Library base = library();
    Document doc = base.documents().get(0);
    Document paged =
        new Document(
            "essay.pdf",
            doc.title(),
            doc.author(),
            doc.text(),
            doc.sections(),
            doc.paragraphs(),
            List.of(0, doc.paragraphs().get(2).start()));
    AnswerFormatter pdf = new AnswerFormatter(new Library(List.of(paged), List.of()));
    Citation onPage2 =
        new Citation(
            1,
            "essay.pdf",
            TITLE,
            "Part <2>",
            3,
            1,
            10,
            23,
            "Third & last.",
            0.5,
            java.util.OptionalInt.of(2));

    AnswerFormatter.Formatted f =
        pdf.answer(answer("Third & last. [1]", false, List.of(onPage2), List.of()));

    assertThat(TelegramHtml.plainText(f.html())).contains("[1] Part <2>, p. 2, ¶3\nThird & last.");
    assertThat(f.keyboard().get(0))
        .extracting(AnswerFormatter.Button::label)
        .containsExactly("[1] p. 2, ¶3");
    assertThat(TelegramHtml.plainText(pdf.paragraph(0, 3).orElseThrow().html()))
        .startsWith("p. 2, ¶3");
    assertThat(TelegramHtml.plainText(pdf.paragraph(0, 1).orElseThrow().html()))
        .startsWith("p. 1, ¶1");
  }

  @Test
  void should_find_nothing_for_a_paragraph_that_does_not_exist() {
    assertThat(formatter.paragraph(0, 4)).isEmpty();
    assertThat(formatter.paragraph(1, 1)).isEmpty();
  }

  @Test
  void should_welcome_with_three_questions_from_the_headings_and_name_the_author()
      throws Exception {
    assertThat(formatter.exampleQuestions())
        .containsExactly(
            "What does the essay say about Part <2>?",
            "What does the essay say about What Lies Ahead?",
            "What is the essay about?");
    assertThat(TelegramHtml.plainText(formatter.welcome()))
        .contains(TITLE)
        .contains("• What does the essay say about Part <2>?");
    assertThat(TelegramHtml.plainText(formatter.about()))
        .contains(TITLE)
        .contains("by A. Writer & Co")
        .contains("3 paragraphs in 2 sections");
    assertThat(TelegramHtml.plainText(formatter.help(500, "my_bot")))
        .contains("@my_bot")
        .contains("500 characters");
  }
}
