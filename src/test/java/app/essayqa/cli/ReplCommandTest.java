package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The REPL with questions piped in (not a terminal): plain output, no prompts, no escapes. */
class ReplCommandTest {
  private final FakeAnswerer fake = new FakeAnswerer();

  @Test
  void should_answer_each_piped_question_in_order_with_plain_text() {
    Cli.Result result =
        Cli.runWithInput(fake.opener(), "What links them?\n\n   \nWhat is the GDP?\n", "repl");

    assertThat(result.code()).isZero();
    assertThat(fake.asked).containsExactly("What links them?", "What is the GDP?");
    assertThat(result.out())
        .contains(FakeAnswerer.SECOND + " [1]")
        .contains("The essay does not say.")
        .doesNotContain("\u001b", "> ", "Type a question");
    assertThat(result.out().indexOf("[1]")).isLessThan(result.out().indexOf("does not say"));
    assertThat(result.err()).isEqualTo("Loading…\n");
    assertThat(fake.closed).isTrue();
  }

  @Test
  void should_be_the_default_command() {
    Cli.Result result = Cli.runWithInput(fake.opener(), "What links them?\n");

    assertThat(result.code()).isZero();
    assertThat(fake.asked).containsExactly("What links them?");
  }

  @Test
  void should_hand_each_question_the_conversation_so_far_so_follow_ups_are_understood() {
    Cli.Result result =
        Cli.runWithInput(
            fake.opener(),
            "What links them?\nWho said that?\n:more\nWhat is the GDP?\n:more\n",
            "repl");

    assertThat(result.out()).contains("The last answer quoted nothing to continue from.");
    assertThat(fake.asked)
        .containsExactly("What links them?", "Who said that?", "Tell me more", "What is the GDP?");
    assertThat(fake.previous)
        .extracting(a -> a.question())
        .containsExactly("What links them?", "Who said that?", "Tell me more");
  }

  @Test
  void should_show_the_full_paragraph_of_each_source_on_sources() {
    Cli.Result result = Cli.runWithInput(fake.opener(), "What links them?\n:sources\n", "repl");

    assertThat(result.out())
        .contains("[1] " + FakeAnswerer.SECTION + ", ¶1\n")
        .contains("    " + FakeAnswerer.FIRST + " " + FakeAnswerer.SECOND);
  }

  @Test
  void should_show_scores_and_matched_terms_on_debug() {
    Cli.Result result = Cli.runWithInput(fake.opener(), "What links them?\n:debug\n", "repl");

    assertThat(result.out())
        .contains("dense", "bm25", "fused", "matched terms")
        .contains("0.610", "4.200", "0.0325", "trade, china")
        .contains("total 7 ms");
  }

  @Test
  void should_ask_for_a_question_before_sources_or_debug() {
    Cli.Result result = Cli.runWithInput(fake.opener(), ":sources\n:debug\n", "repl");

    assertThat(result.out()).contains("Ask a question first.");
    assertThat(fake.asked).isEmpty();
  }

  @Test
  void should_stop_at_quit_and_ask_nothing_after_it() {
    Cli.Result result = Cli.runWithInput(fake.opener(), "first?\n  :quit  \nsecond?\n", "repl");

    assertThat(result.code()).isZero();
    assertThat(fake.asked).containsExactly("first?");
  }

  @Test
  void should_treat_quit_inside_a_sentence_as_a_question() {
    Cli.runWithInput(fake.opener(), "What does :quit mean here?\n:quit now\n", "repl");

    assertThat(fake.asked).containsExactly("What does :quit mean here?", ":quit now");
  }

  @Test
  void should_list_commands_on_help_and_name_an_unknown_command() {
    Cli.Result result = Cli.runWithInput(fake.opener(), ":help\n:sorces\n", "repl");

    assertThat(result.out()).contains(":sources", ":debug", ":quit", "Ctrl-D");
    assertThat(result.out()).contains("Unknown command :sorces; :help lists the commands.");
    assertThat(fake.asked).isEmpty();
  }

  @Test
  void should_end_quietly_at_end_of_input_without_a_trailing_newline() {
    Cli.Result result = Cli.runWithInput(fake.opener(), "last one?", "repl");

    assertThat(result.code()).isZero();
    assertThat(fake.asked).containsExactly("last one?");
  }

  @Test
  void should_report_a_failed_question_and_carry_on() {
    FakeAnswerer failing =
        new FakeAnswerer() {
          @Override
          public app.essayqa.answer.Answer ask(String question) {
            if (question.startsWith("boom")) {
              throw new IllegalStateException("index exploded");
            }
            return super.ask(question);
          }
        };

    Cli.Result result = Cli.runWithInput(failing.opener(), "boom?\nWhat links them?\n", "repl");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("internal error: java.lang.IllegalStateException: index exploded")
        .contains(FakeAnswerer.SECOND + " [1]")
        .doesNotContain("\tat ");
  }
}
