package app.essayqa.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.essayqa.index.Passage;
import app.essayqa.index.PassageSplitter;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.ingest.Sentence;
import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExtractiveAnswerComposerTest {
  // a.txt: ids 0-2 are ¶1.1-¶1.3, ids 3-4 are ¶2.1-¶2.2. b.txt repeats ¶1.2 of a.txt as id 5.
  private static final Library LIBRARY =
      new Library(
          List.of(
              new DocumentParser()
                  .parse(
                      "a.txt",
                      "Harbour Notes\n\nThe canal opened in spring. Ships came at once. Trade grew"
                          + " fast.\n\nThe square emptied later. Merchants moved away.\n"),
              new DocumentParser()
                  .parse("b.txt", "Other Notes\n\nShips came at once. Nothing else happened.\n")),
          List.of());
  private static final List<Passage> PASSAGES = new PassageSplitter(1).split(LIBRARY);

  private static ScoredPassage sp(int id, double dense, double fused, String... terms) {
    return new ScoredPassage(PASSAGES.get(id), dense, 0, fused, List.of(terms));
  }

  private static ExtractiveAnswerComposer composer(int maxSentences, int maxChars) {
    return new ExtractiveAnswerComposer(LIBRARY, 5, maxSentences, maxChars);
  }

  @Test
  void should_split_the_fixture_into_the_sentences_the_tables_name() {
    assertThat(PASSAGES)
        .extracting(Passage::id, Passage::locator, Passage::text)
        .containsExactly(
            tuple(0, "a.txt ¶1.1", "The canal opened in spring."),
            tuple(1, "a.txt ¶1.2", "Ships came at once."),
            tuple(2, "a.txt ¶1.3", "Trade grew fast."),
            tuple(3, "a.txt ¶2.1", "The square emptied later."),
            tuple(4, "a.txt ¶2.2", "Merchants moved away."),
            tuple(5, "b.txt ¶1.1", "Ships came at once."),
            tuple(6, "b.txt ¶1.2", "Nothing else happened."));
  }

  static Stream<Arguments> secondSentences() {
    List<String> none = List.of();
    List<String> canalMerchant = List.of("canal", "merchant");
    return Stream.of(
        // the next sentence of the same paragraph, scored at least 0.8 of the best: continues it
        Arguments.of(
            List.of(sp(2, .5, 1.0), sp(1, .1, .8)),
            none,
            "Ships came at once. [2] Trade grew fast. [1]"),
        // the same neighbour scored below 0.8 of the best: left out
        Arguments.of(List.of(sp(2, .5, 1.0), sp(1, .1, .79)), none, "Trade grew fast. [1]"),
        // two sentences away in the same paragraph: no continuation, however well it scores
        Arguments.of(List.of(sp(2, .5, 1.0), sp(0, .1, .99)), none, "Trade grew fast. [1]"),
        // sentence numbers one apart but in another paragraph: no continuation
        Arguments.of(
            List.of(sp(0, .5, 1.0), sp(4, .1, .95)), none, "The canal opened in spring. [1]"),
        // a question term the best leaves out, at a dense score close to the best's: added
        Arguments.of(
            List.of(sp(0, .6, 1.0, "canal"), sp(4, .56, .3, "merchant")),
            canalMerchant,
            "The canal opened in spring. [1] Merchants moved away. [2]"),
        // a term covered through a neighbour ("merchant~trade") counts as the term itself
        Arguments.of(
            List.of(sp(0, .6, 1.0, "canal"), sp(4, .56, .3, "merchant~trade")),
            canalMerchant,
            "The canal opened in spring. [1] Merchants moved away. [2]"),
        // the missing term, but with a dense score well below the best's: left out
        Arguments.of(
            List.of(sp(0, .6, 1.0, "canal"), sp(4, .50, .3, "merchant")),
            canalMerchant,
            "The canal opened in spring. [1]"),
        // a new term that is not one of the question's content terms: left out
        Arguments.of(
            List.of(sp(0, .6, 1.0, "canal"), sp(4, .6, .3, "merchant")),
            List.of("canal"),
            "The canal opened in spring. [1]"),
        // only a term the best already covers: left out
        Arguments.of(
            List.of(sp(0, .6, 1.0, "canal", "merchant"), sp(4, .6, .3, "merchant")),
            canalMerchant,
            "The canal opened in spring. [1]"));
  }

  @ParameterizedTest
  @MethodSource("secondSentences")
  void should_quote_a_second_sentence_only_when_it_continues_the_first_or_adds_a_question_term(
      List<ScoredPassage> ranked, List<String> contentTerms, String expected) {
    Composed composed = composer(2, 1000).compose(ranked, contentTerms);

    assertThat(composed.text()).isEqualTo(expected);
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        // one sentence allowed: the best alone, though its neighbour continues it
        Arguments.of(List.of(sp(2, .5, 1.0), sp(1, .5, .9)), 1, 1000, "Trade grew fast. [1]"),
        // both neighbours continue the best: three sentences in document order
        Arguments.of(
            List.of(sp(1, .5, 1.0), sp(0, .5, .9), sp(2, .5, .85)),
            3,
            1000,
            "The canal opened in spring. [2] Ships came at once. [1] Trade grew fast. [3]"),
        // the cap of two stops after the first continuation
        Arguments.of(
            List.of(sp(1, .5, 1.0), sp(0, .5, .9), sp(2, .5, .85)),
            2,
            1000,
            "The canal opened in spring. [2] Ships came at once. [1]"),
        // 16 + 1 + 19 characters fit a budget of exactly 36
        Arguments.of(
            List.of(sp(2, .5, 1.0), sp(1, .5, .9)),
            2,
            36,
            "Ships came at once. [2] Trade grew fast. [1]"),
        // ... and not a budget of 35
        Arguments.of(List.of(sp(2, .5, 1.0), sp(1, .5, .9)), 2, 35, "Trade grew fast. [1]"),
        // a candidate over the budget is skipped and a shorter one after it still taken
        Arguments.of(
            List.of(sp(1, .5, 1.0), sp(0, .5, .9), sp(2, .5, .85)),
            2,
            40,
            "Ships came at once. [1] Trade grew fast. [3]"));
  }

  @ParameterizedTest
  @MethodSource("limits")
  void should_keep_within_the_sentence_cap_and_the_length_budget(
      List<ScoredPassage> ranked, int maxSentences, int maxChars, String expected) {
    Composed composed = composer(maxSentences, maxChars).compose(ranked, List.of());

    assertThat(composed.text()).isEqualTo(expected);
  }

  @Test
  void should_cite_the_top_k_in_rank_order_skipping_a_sentence_already_cited() {
    List<ScoredPassage> ranked =
        List.of(sp(3, .4, .9), sp(1, .3, .8), sp(5, .3, .7), sp(0, .2, .6), sp(4, .1, .5));

    Composed composed =
        new ExtractiveAnswerComposer(LIBRARY, 3, 2, 1000).compose("q?", ranked, List.of());

    assertThat(composed.citations())
        .extracting(Citation::n, Citation::document, Citation::locator, Citation::score)
        .containsExactly(
            tuple(1, "a.txt", "¶2.1", .9),
            tuple(2, "a.txt", "¶1.2", .8),
            tuple(3, "a.txt", "¶1.1", .6));
    assertThat(composed.text()).isEqualTo("The square emptied later. [1]");
    assertThat(composed.declined()).isFalse();
    assertThat(composed.generation()).isEmpty();
  }

  @Test
  void should_quote_each_passage_verbatim_from_the_document_text_at_its_offsets() {
    ExtractiveAnswerComposer composer = composer(2, 1000);

    for (Passage p : PASSAGES) {
      Citation c = composer.cite(7, new ScoredPassage(p, .1, 2, .3, List.of()));

      Document doc = LIBRARY.document(p.documentId()).orElseThrow();
      assertThat(c.quote()).isEqualTo(p.text()).isEqualTo(doc.text().substring(c.start(), c.end()));
      assertThat(c)
          .extracting(
              Citation::n,
              Citation::document,
              Citation::title,
              Citation::section,
              Citation::paragraph,
              Citation::sentence,
              Citation::score)
          .containsExactly(
              7, p.documentId(), doc.title(), p.section(), p.paragraph(), p.sentence(), .3);
    }
  }

  @Test
  void should_refuse_to_cite_a_passage_whose_offsets_drifted_from_its_text() {
    Passage p = PASSAGES.get(1);
    Passage drifted =
        new Passage(
            p.id(),
            p.documentId(),
            p.documentTitle(),
            p.section(),
            p.kind(),
            p.paragraph(),
            p.sentence(),
            p.start() + 1,
            p.end() + 1,
            p.text(),
            p.context());

    assertThatThrownBy(
            () -> composer(2, 1000).cite(1, new ScoredPassage(drifted, 0, 0, 1, List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("quote at a.txt ¶1.2 is not verbatim");
  }

  @Test
  void should_refuse_to_cite_a_passage_of_a_document_not_in_the_library() {
    Passage elsewhere =
        new Passage(0, "gone.txt", "Gone", "Gone", ParagraphKind.BODY, 1, 1, 0, 4, "Gone", "Gone");

    assertThatThrownBy(
            () -> composer(2, 1000).cite(1, new ScoredPassage(elsewhere, 0, 0, 1, List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no document gone.txt");
  }

  static Stream<Arguments> topics() {
    String ninety = "a".repeat(89) + ".";
    String spaced = "a".repeat(85) + " bbbbbbbbbb.";
    String unbroken = "x".repeat(100);
    return Stream.of(
        // only the first sentence names the topic
        Arguments.of(
            "Short first sentence. A second one.",
            List.of("Short first sentence.", "A second one."),
            "Short first sentence. (Intro, ¶3)"),
        // 90 characters are kept whole
        Arguments.of(ninety, List.of(ninety), ninety + " (Intro, ¶3)"),
        // a longer sentence is cut at the last space within 88 characters
        Arguments.of(spaced, List.of(spaced), "a".repeat(85) + "… (Intro, ¶3)"),
        // one with no space to cut at loses what lies past 89 characters
        Arguments.of(unbroken, List.of(unbroken), "x".repeat(89) + "… (Intro, ¶3)"),
        // a paragraph without sentences is named by its text
        Arguments.of("Just a line", List.of(), "Just a line (Intro, ¶3)"));
  }

  @ParameterizedTest
  @MethodSource("topics")
  void should_label_a_topic_by_its_first_sentence_within_90_characters_and_its_place(
      String text, List<String> sentences, String expected) {
    List<Sentence> parsed = new ArrayList<>();
    int at = 0;
    for (String s : sentences) {
      int start = text.indexOf(s, at);
      parsed.add(new Sentence(parsed.size() + 1, start, start + s.length(), s));
      at = start + s.length();
    }
    Paragraph paragraph =
        new Paragraph(3, "Intro", ParagraphKind.BODY, 0, text.length(), text, parsed);

    assertThat(ExtractiveAnswerComposer.topicOf(paragraph)).isEqualTo(expected);
  }
}
