package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {
  private static final String BOT = "essay_qa_bot";

  @ParameterizedTest(name = "[{index}] private={0} reply={1} ''{2}'' -> {3} ''{4}''")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        // private chat: every text is a question
        "true  | false | What is NTS?                      | QUESTION        | What is NTS?",
        "true  | false | '  spaced  '                      | QUESTION        | spaced",
        "true  | false | NULL                              | NOT_TEXT        | ''",
        "true  | false | /start                            | START           | ''",
        "true  | false | /help@essay_qa_bot                | HELP            | ''",
        "true  | false | /ABOUT                            | ABOUT           | ''",
        "true  | false | /ask   Who wrote it?              | QUESTION        | Who wrote it?",
        "true  | false | /ask                              | EMPTY_QUESTION  | ''",
        "true  | false | /frobnicate                       | UNKNOWN_COMMAND | frobnicate",
        "true  | false | @essay_qa_bot what is NTS?        | QUESTION        | what is NTS?",
        // groups: only when addressed
        "false | false | what is NTS?                      | IGNORE          | ''",
        "false | false | NULL                              | IGNORE          | ''",
        "false | false | @essay_qa_bot what is NTS?        | QUESTION        | what is NTS?",
        "false | false | @Essay_QA_Bot, what is NTS?       | QUESTION        | what is NTS?",
        "false | false | so @essay_qa_bot what is NTS?     | QUESTION        | so what is NTS?",
        "false | false | @essay_qa_bot                     | EMPTY_QUESTION  | ''",
        "false | false | @essay_qa_botty what is NTS?      | IGNORE          | ''",
        "false | false | mail me@essay_qa_bot.org          | IGNORE          | ''",
        "false | false | /ask@essay_qa_bot what is NTS?    | QUESTION        | what is NTS?",
        "false | false | /ask what is NTS?                 | QUESTION        | what is NTS?",
        "false | false | /ask@other_bot what is NTS?       | IGNORE          | ''",
        "false | false | /start@other_bot                  | IGNORE          | ''",
        "false | false | /frobnicate                       | IGNORE          | ''",
        "false | false | /frobnicate@essay_qa_bot          | UNKNOWN_COMMAND | frobnicate",
        "false | true  | Who said that?                    | QUESTION        | Who said that?",
        "false | true  | NULL                              | NOT_TEXT        | ''"
      })
  void should_route_messages(
      boolean privateChat, boolean replyToBot, String text, Route.Kind kind, String question) {
    Route route = Route.of(privateChat, text, BOT, replyToBot);

    assertThat(route.kind()).isEqualTo(kind);
    assertThat(route.text()).isEqualTo(question);
  }
}
