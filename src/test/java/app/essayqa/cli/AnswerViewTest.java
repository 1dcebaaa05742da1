package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.ShortAnswer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AnswerViewTest {
  /** Our own emphasis: bold, faint and their reset. */
  private static final String OUR_SGR = "\u001b\\[(1|2|22)m";

  private final FakeAnswerer fake = new FakeAnswerer();

  @Test
  void should_emphasise_with_real_escape_sequences_at_a_terminal() {
    String shown = new AnswerView(Style.ANSI, 80).answer(fake.ask("What links them?"));

    assertThat(shown).contains("\u001b[1m");
    String withoutOurs = shown.replaceAll(OUR_SGR, "");
    assertThat(withoutOurs).doesNotContain("\u001b").doesNotContain("[1m", "[22m");
  }

  @Test
  void should_print_the_short_answer_first_and_the_quote_under_it() {
    Answer answer = fake.ask("What links them?");
    String span = answer.citations().get(0).quote().substring(0, 5);
    Answer typed = answer.withShortAnswer(Optional.of(new ShortAnswer(span, 1)));

    String shown = new AnswerView(Style.PLAIN, 0).answer(typed);

    assertThat(shown).startsWith(span + " [1]\n" + answer.text());
  }

  @Test
  void should_never_show_a_short_answer_that_is_not_in_its_quote() {
    Answer answer = fake.ask("What links them?");
    Answer forged = answer.withShortAnswer(Optional.of(new ShortAnswer("words nobody quoted", 1)));

    String shown = new AnswerView(Style.PLAIN, 0).answer(forged);

    assertThat(shown).doesNotContain("words nobody quoted").startsWith(answer.text());
  }

  @Test
  void should_strip_escapes_from_text_but_keep_its_own_emphasis() {
    Answer hostile =
        new Answer(
            "q",
            "Echo \u001b[2J\u001b[31mred",
            true,
            List.of(),
            List.of("topic \u001b]0;title\u0007"),
            "v1",
            java.util.Map.of(),
            List.of());

    String shown = new AnswerView(Style.ANSI, 80).answer(hostile);

    assertThat(shown.replaceAll(OUR_SGR, "")).doesNotContain("\u001b", "\u0007");
    assertThat(shown).contains("\u001b[1m");
  }

  @Test
  void should_bold_the_quoted_sentence_inside_its_paragraph_on_sources() {
    String shown =
        new AnswerView(Style.ANSI, 0).sources(fake.ask("What links them?"), FakeAnswerer.essay());

    assertThat(shown).contains("\u001b[1m" + FakeAnswerer.SECOND + "\u001b[22m");
    assertThat(shown).contains(FakeAnswerer.FIRST);
  }

  @Test
  void should_name_the_page_of_a_quote_from_a_paged_document_in_the_answer_and_on_sources() {
    Answer unpaged = fake.ask("What links them?");
    Citation c = unpaged.citations().get(0);
    Citation onPage =
        new Citation(
            c.n(),
            c.document(),
            c.title(),
            c.section(),
            c.paragraph(),
            c.sentence(),
            c.start(),
            c.end(),
            c.quote(),
            c.score(),
            OptionalInt.of(4));
    Answer paged =
        new Answer(
            unpaged.question(),
            unpaged.text(),
            false,
            List.of(onPage),
            List.of(),
            "v1",
            java.util.Map.of(),
            List.of(),
            Optional.empty());

    AnswerView view = new AnswerView(Style.PLAIN, 0);

    assertThat(view.sources(paged, FakeAnswerer.essay())).contains("p. 4, ¶" + c.paragraph());
    assertThat(view.sources(unpaged, FakeAnswerer.essay())).doesNotContain("p. ");
  }

  @Test
  void should_summarise_a_large_library_in_the_banner_instead_of_listing_every_file() {
    app.essayqa.ingest.Library one = FakeAnswerer.essay();
    List<app.essayqa.ingest.Document> many = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(one.documents().get(0));
    }

    String banner = AnswerView.describe(new app.essayqa.ingest.Library(many, List.of()), 80);

    assertThat(banner.lines()).hasSizeLessThan(3);
    assertThat(banner).contains("1000 documents, 2000 passages");
  }

  @Test
  void should_wrap_the_banner_at_the_width() {
    String banner = AnswerView.describe(FakeAnswerer.essay(), 30);

    assertThat(banner.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
    assertThat(banner)
        .contains("A Test Essay, by Jane Doe")
        .contains("paragraph)")
        .doesNotContain("paragraphs");
  }

  @Test
  void should_not_repeat_the_title_as_the_section_of_text_before_the_first_heading() {
    Answer answer = fake.ask("What links them?");
    app.essayqa.answer.Citation c = answer.citations().get(0);
    app.essayqa.answer.Citation intro =
        new app.essayqa.answer.Citation(
            c.n(),
            c.document(),
            c.title(),
            c.title(),
            c.paragraph(),
            c.sentence(),
            c.start(),
            c.end(),
            c.quote(),
            c.score());
    Answer introAnswer =
        new Answer(
            answer.question(),
            answer.text(),
            false,
            List.of(intro),
            List.of(),
            "v1",
            answer.timingsMs(),
            List.of());

    String shown = new AnswerView(Style.PLAIN, 0).answer(introAnswer);

    assertThat(shown).contains("  [1] ¶1.2, characters ");
    assertThat(shown.indexOf(FakeAnswerer.TITLE)).isEqualTo(shown.lastIndexOf(FakeAnswerer.TITLE));
  }
}
