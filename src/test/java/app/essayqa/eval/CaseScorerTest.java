package app.essayqa.eval;

import static app.essayqa.eval.Fixtures.abstaining;
import static app.essayqa.eval.Fixtures.answer;
import static app.essayqa.eval.Fixtures.answerable;
import static app.essayqa.eval.Fixtures.refusal;
import static app.essayqa.eval.Fixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.ShortAnswer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseScorerTest {
  private static final String SEOUL = "The workshop met in Seoul in December 2019.";
  private static final String THEMES = "It had three themes.";
  private static final String KOGA = "Dr Kei Koga floated a partnership with India.";

  @Test
  void should_pass_when_evidence_is_cited_and_terms_are_in_the_answer() {
    EvalCase c =
        answerable(
            "seoul", List.of("met in SEOUL"), List.of(List.of("Seoul"), List.of("2019", "2020")));

    CaseResult r = scorer(3).score(c, answer(SEOUL + " [1]", SEOUL), 4.0);

    assertThat(r.passed()).isTrue();
    assertThat(r.relevance()).containsExactly(true);
    assertThat(r.groupsSatisfied()).isEqualTo(2);
    assertThat(r.quotes()).allMatch(QuoteResult::faithful);
  }

  private static EvalCase expectingShort(String question, String shortAnswer) {
    return new EvalCase(
        "s", question, List.of("Seoul"), List.of(), false, List.of(), 1, Optional.of(shortAnswer));
  }

  private static Answer withShort(String span) {
    return answer(SEOUL + " [1]", SEOUL).withShortAnswer(Optional.of(new ShortAnswer(span, 1)));
  }

  @Test
  void should_match_the_expected_short_answer_ignoring_case_and_end_punctuation() {
    CaseResult r =
        scorer(3)
            .score(
                expectingShort("When did it meet?", "december 2019."),
                withShort("December 2019"),
                1);

    assertThat(r.passed()).isTrue();
    assertThat(r.shortMatches()).isTrue();
    assertThat(r.typedFact()).isTrue();
  }

  @Test
  void should_fail_a_case_whose_short_answer_is_another_or_missing() {
    EvalCase c = expectingShort("When did it meet?", "December 2019");

    assertThat(scorer(3).score(c, withShort("2019"), 1).reasons())
        .containsExactly("short answer \"2019\", expected \"December 2019\"");
    assertThat(scorer(3).score(c, answer(SEOUL + " [1]", SEOUL), 1).reasons())
        .containsExactly("short answer missing, expected \"December 2019\"");
  }

  @Test
  void should_count_a_question_as_typed_only_when_it_asks_for_a_typed_fact() {
    CaseResult why =
        scorer(3)
            .score(
                new EvalCase(
                    "y", "Why did they meet?", List.of("Seoul"), List.of(), false, List.of(), 1),
                answer(SEOUL + " [1]", SEOUL),
                1);

    assertThat(why.typedFact()).isFalse();
    assertThat(
            scorer(3)
                .score(
                    new EvalCase(
                        "h",
                        "How many themes were there?",
                        List.of("themes"),
                        List.of(),
                        false,
                        List.of(),
                        1),
                    answer(THEMES + " [1]", THEMES),
                    1)
                .typedFact())
        .isTrue();
  }

  @Test
  void should_fail_when_evidence_is_ranked_beyond_k() {
    EvalCase c = answerable("koga", List.of("Kei Koga"), List.of());

    CaseResult r = scorer(2).score(c, answer("x", SEOUL, THEMES, KOGA), 1.0);

    assertThat(r.passed()).isFalse();
    assertThat(r.reasons()).containsExactly("evidence only at rank 3, beyond 2");
    assertThat(r.relevance()).containsExactly(false, false, true);
  }

  @Test
  void should_fail_a_refused_answerable_case_and_count_no_evidence() {
    EvalCase c = answerable("koga", List.of("Kei Koga"), List.of(List.of("Koga")));

    CaseResult r = scorer(3).score(c, refusal(), 1.0);

    assertThat(r.reasons())
        .containsExactly("refused a question the essay answers", "answer lacks Koga");
    assertThat(r.relevance()).isEmpty();
  }

  @Test
  void should_pass_a_refusal_and_fail_an_answer_when_abstention_is_expected() {
    EvalCase c = abstaining("gdp", "far-off");

    assertThat(scorer(3).score(c, refusal(), 1.0).passed()).isTrue();
    assertThat(scorer(3).score(c, answer("India.", KOGA), 1.0).reasons())
        .containsExactly("answered a question the essay cannot answer");
  }

  @Test
  void should_flag_a_quote_that_is_not_verbatim_at_its_offsets() {
    int start = Fixtures.TEXT.indexOf(SEOUL);
    String altered = SEOUL.replace("Seoul", "Busan");
    Citation moved =
        new Citation(
            1, Fixtures.DOC_ID, "T", "T", 1, 1, start, start + altered.length(), altered, 1);
    Citation unknownDoc =
        new Citation(2, "other.txt", "T", "T", 1, 1, 0, THEMES.length(), THEMES, 1);
    Answer a =
        new Answer(
            "q", "x", false, List.of(moved, unknownDoc), List.of(), "v", Map.of(), List.of());

    CaseResult r = scorer(3).score(answerable("s", List.of("Busan"), List.of()), a, 1.0);

    assertThat(r.quotes()).extracting(QuoteResult::faithful).containsExactly(false, false);
    assertThat(r.reasons())
        .contains("quote [1] is not verbatim at " + start + ".." + (start + altered.length()));
  }

  @Test
  void should_record_an_exception_as_a_failed_case() {
    CaseResult r =
        scorer(3)
            .failed(answerable("x", List.of("a"), List.of()), new IllegalStateException("boom"), 2);

    assertThat(r.passed()).isFalse();
    assertThat(r.reasons()).singleElement().asString().contains("boom");
  }
}
