package app.essayqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.question.AnswerKind;
import app.essayqa.question.FollowUp;
import app.essayqa.question.Question;
import app.essayqa.question.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortAnswerFinderTest {

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "When did the project start? | The project started in December 2019 after a long debate."
            + " | December 2019",
        "When was the treaty signed? | The treaty was signed on 12 March 1998 in Geneva. | 12 March"
            + " 1998",
        "When did it happen? | It may happen again, as it did in 2004. | 2004",
        "When did it happen? | It may happen again soon. | NONE",
        "How many people live there? | Some 65 million people live in the region. | 65 million"
            + " people",
        "How many members does it have? | The group now has ten members and two observers. | ten"
            + " members",
        "How much did Japan invest? | Japan invested $4.5 billion in the port. | $4.5 billion",
        "How old was she? | She was 34 years old when she left. | 34 years old",
        "Who founded the company? | The company was founded by Maria Lopez in Madrid. | Maria"
            + " Lopez",
        "Who wrote the report? | The report was written by Dr. Smith of the institute. | Dr."
            + " Smith",
        "Who is Kei Koga? | Kei Koga is a professor at a university. | NONE",
        "Where was the meeting held? | The meeting was held in Jakarta last year. | Jakarta",
        "Where is the headquarters? | Its headquarters are in New York City. | New York City",
        "Where can I get a copy? | You may obtain a copy at https://example.org/licenses/X-2.0. |"
            + " https://example.org/licenses/X-2.0",
        "What does NTS stand for? | It deals with non-traditional security (NTS) threats. |"
            + " non-traditional security",
        "What is NTS? | It deals with non-traditional security (NTS) threats. | non-traditional"
            + " security",
        "What does GPL stand for? | The GPL (General Public License) is a free license. | General"
            + " Public License",
        "What does ABC stand for? | It deals with non-traditional security (ABC) threats. | NONE",
        "Why did it fail? | It failed in 2004 because of Maria Lopez. | NONE",
      })
  void should_cut_the_typed_fact_verbatim_from_the_cited_sentence(
      String question, String sentence, String expected) {
    Optional<String> span = ShortAnswerFinder.span(question, AnswerKind.of(question), sentence);

    assertThat(span).isEqualTo(Optional.ofNullable(expected));
    span.ifPresent(s -> assertThat(sentence).contains(s).hasSizeGreaterThanOrEqualTo(s.length()));
    span.ifPresent(s -> assertThat(s.length()).isLessThanOrEqualTo(ShortAnswerFinder.MAX_CHARS));
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "Who floated the idea? | The idea was floated by Dr Kei Koga at the meeting. | Dr Kei Koga",
        "Who wrote the report? | The report was written by Prof. Ann Lee of the institute. | Prof."
            + " Ann Lee",
        "Who summed it up? | It was Dr Ann Lee’s view that summed it up. | Dr Ann Lee",
        "Who founded the company? | The company was founded by Maria Lopez in Madrid. | Maria"
            + " Lopez",
        "Who took the photo? | Banner Image: a market seen from the station. | NONE",
        "Who wrote it? | It is about how Austria-Hungary ties had changed. | NONE",
        "Who decided? | The decision fell to Congress last week. | NONE",
        "Where was the meeting held? | The meeting was held in Jakarta last year. | Jakarta",
        "Where was the meeting held? | Jakarta and Manila both hosted one. | NONE",
        "Where is the notice? | Attach the notice in Source form to the work. | NONE",
        "Where was it held? | It was held in Seoul in December. | Seoul",
        "When did the project start? | The project started in December 2019. | December 2019",
      })
  void should_show_a_name_first_only_when_its_form_tells_its_kind(
      String question, String sentence, String expected) {
    Question q =
        new Question(
            question,
            question,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            AnswerKind.of(question),
            Optional.empty(),
            Scope.FACT,
            FollowUp.STANDALONE,
            Optional.empty());
    Citation cited = new Citation(1, "doc.txt", "T", "T", 1, 1, 0, sentence.length(), sentence, 1);

    Optional<ShortAnswer> found = ShortAnswerFinder.find(q, List.of(cited));

    assertThat(found.map(ShortAnswer::text)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0} in {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "Which university is she with? | university | She is a fellow at Leiden University in"
            + " Holland. | Leiden University",
        "Which institute ran it? | institute | It was run by the Max Planck Institute of the"
            + " society. | Max Planck Institute",
        "Which university took part? | university | Scholars of the Utrecht and Leiden"
            + " Universities took part. | Utrecht and Leiden Universities",
        "Which university is she with? | university | She studied at a university in Osaka. |"
            + " NONE",
        "Is Osaka University a good university? | university | Osaka University is in Suita. |"
            + " NONE",
        "Which conference was it? | conference | During the Asian Studies Conference they met. |"
            + " Asian Studies Conference",
      })
  void should_answer_which_x_with_a_name_that_ends_in_x(
      String question, String focus, String sentence, String expected) {
    assertThat(ShortAnswerFinder.namedInstance(question, focus, sentence))
        .isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "version | Licensed under the Apache License, Version 2.0 (the License). | 2.0",
        "section | as set out in Section 4 above | 4",
        "chapter | See Chapter IV for the details. | IV",
        "version | Any later version will do. | NONE",
      })
  void should_answer_which_x_with_the_number_that_follows_x(
      String focus, String sentence, String expected) {
    assertThat(ShortAnswerFinder.labelled(focus, sentence))
        .isEqualTo(Optional.ofNullable(expected));
  }
}
