package app.essayqa.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplySentencesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          It began in Seoul [1]. It moved in 2021 [4].     | It began in Seoul [1]. ~ It moved in 2021 [4].
          It began in Seoul. [1] It moved in 2021. [4]     | It began in Seoul. [1] ~ It moved in 2021. [4]
          It began in Seoul. [1][2] Then it moved [4].     | It began in Seoul. [1][2] ~ Then it moved [4].
          Dr. Kim opened it [1].                           | Dr. Kim opened it [1].
          It began, e.g. in Seoul [1]. Then it moved [4].  | It began, e.g. in Seoul [1]. ~ Then it moved [4].
          NOT IN THE ESSAY                                 | NOT IN THE ESSAY
          """)
  void should_keep_citations_and_abbreviations_with_their_sentence(String reply, String expected) {
    assertThat(ReplySentences.split(reply))
        .containsExactlyElementsOf(Arrays.asList(expected.split(" ~ ")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NOT IN THE ESSAY      | true
          Not in the essay.     | true
          not in the essay      | true
          It is not in the essay, but [1] says so. | false
          The essay does not say [1]. | false
          """)
  void should_recognise_the_agreed_refusal_alone(String reply, boolean refusal) {
    assertThat(SentenceBuffer.isRefusal(reply)).isEqualTo(refusal);
  }
}
