package app.essayqa.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionTextTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Please type a question",
        "'   \t  '|Please type a question",
        "'?!… ¿¡ -- ...'|I found no words",
        "'😀🎉🔥'|I found no words",
        "'日本と韓国の関係は？'|only answer questions in English",
        "'한국과 일본의 관계는 어떻습니까?'|only answer questions in English",
        "'ما هي العلاقة بين اليابان وكوريا؟'|only answer questions in English",
      })
  void should_refuse_questions_with_a_message_saying_why(String raw, String message) {
    QuestionText.Cleaned cleaned = QuestionText.clean(raw, 1000);

    assertThat(cleaned.problem()).hasValueSatisfying(p -> assertThat(p).contains(message));
  }

  @Test
  void should_refuse_a_20000_character_question_naming_the_limit() {
    QuestionText.Cleaned cleaned = QuestionText.clean("why ".repeat(5000), 1000);

    assertThat(cleaned.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("20000 characters").contains("1000"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\u001b[31mWho wrote\u001b[0m it?'|Who wrote it?",
        "'Who\u0000 wrote\u0007 it?'|Who wrote it?",
        "'Ｗｈｏ ｗｒｏｔｅ ｉｔ？'|Who wrote it?",
        "'  Who\u200b wrote\u00a0it?  '|Who wrote it?",
        "'What about :quit and --json?'|What about :quit and --json?",
        "'Who is Bren\u200bdan Howe?'|Who is Brendan Howe?",
        "'Who is Bren\u00addan Ho\u2060we?'|Who is Brendan Howe?",
        "'What did \u201cKoga\u201d call Japan\u2019s role?'|What did \"Koga\" call Japan's role?",
      })
  void should_strip_escapes_and_control_characters_and_fold_width_and_spaces(
      String raw, String clean) {
    QuestionText.Cleaned cleaned = QuestionText.clean(raw, 1000);

    assertThat(cleaned.problem()).isEmpty();
    assertThat(cleaned.text()).isEqualTo(clean);
  }
}
