package app.essayqa.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitationCheckTest {
  static final CitationCheck CHECK =
      new CitationCheck(
          List.of(
              "The lantern festival began in Seoul in December 2019.",
              "About three hundred people came to the “first evening”.",
              "Rain closed the last day, and the crowd went home."));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          It began in Seoul [1].                                        | PASS
          It began in "Seoul in December 2019" [1].                     | PASS
          It began in "seoul  in december 2019," [1].                   | PASS
          It began in "Seoul ... 2019" [1].                             | PASS
          Some came to the "first evening" [2].                         | PASS
          Some came to the “first evening” [1, 2].                      | PASS
          It rained [3][1].                                             | PASS
          It began in Seoul.                                            | cites no passage
          It began in "Seoul".                                          | cites no passage
          It began in Seoul [4].                                        | cites [4], which was not given
          It began in Seoul [0].                                        | cites [0], which was not given
          It began in Seoul [1][9].                                     | cites [9], which was not given
          It drew "five thousand visitors" [2].                         | quotes "five thousand visitors", which is not in passage [2]
          It began in "Seoul in December 2019" [2].                     | quotes "Seoul in December 2019", which is not in passage [2]
          It began in "Seoul ... 2021" [1].                             | quotes "Seoul ... 2021", which is not in passage [1]
          """)
  void should_pass_only_sentences_citing_given_passages_and_quoting_them_verbatim(
      String sentence, String expected) {
    CitationCheck.Result result = CHECK.check(sentence);

    if (expected.equals("PASS")) {
      assertThat(result.problem()).isEmpty();
    } else {
      assertThat(result.problem())
          .hasValueSatisfying(p -> assertThat(p.detail()).startsWith(expected));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          It rained [1, 3].    | It rained [1][3].  | 2
          It rained [ 2 ].     | It rained [2].     | 1
          It rained.           | It rained.         | 0
          """)
  void should_write_every_marker_as_one_number_in_brackets(
      String sentence, String shown, int markers) {
    CitationCheck.Result result = CHECK.check(sentence);

    assertThat(result.text()).isEqualTo(shown);
    assertThat(result.citations()).isEqualTo(markers);
  }
}
