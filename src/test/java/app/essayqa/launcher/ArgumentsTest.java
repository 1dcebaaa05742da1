package app.essayqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments decoded again as UTF-8 when the JVM read them under a locale that is not. */
class ArgumentsTest {
  private static final List<byte[]> CMDLINE =
      bytes(
          "java",
          "-Dfile.encoding=UTF-8",
          "-jar",
          "essay-qa.jar",
          "ask",
          "Who is Howe’s colleague?");

  @Test
  void should_decode_arguments_as_utf8_under_a_posix_locale() {
    // given: LANG=C ./essay-qa ask "Who is Howe’s colleague?"; the JVM read each byte of ’ as
    // U+FFFD
    String[] garbled = {"ask", "Who is Howe\uFFFD\uFFFD\uFFFDs colleague?"};

    assertThat(Arguments.recover(garbled, CMDLINE))
        .containsExactly("ask", "Who is Howe’s colleague?");
  }

  @Test
  void should_decode_arguments_an_ascii_decoder_turned_into_question_marks() {
    String[] garbled = {"ask", "Who is Howe???s colleague?"};

    assertThat(Arguments.recover(garbled, CMDLINE))
        .containsExactly("ask", "Who is Howe’s colleague?");
  }

  @Test
  void should_not_take_other_arguments_of_the_command_line_for_these() {
    String[] other = {"ask", "Who is Kim\uFFFD\uFFFD\uFFFDs colleague?"};

    assertThat(Arguments.recover(other, CMDLINE)).isNull();
    assertThat(Arguments.recover(new String[] {"a", "b", "c", "d", "e", "f", "g"}, CMDLINE))
        .isNull();
  }

  @Test
  void should_leave_arguments_alone_when_the_jvm_decoded_them_as_utf8() {
    String[] args = {"ask", "Who is Howe’s colleague?"};

    assertThat(Arguments.utf8(args)).isSameAs(args);
  }

  private static List<byte[]> bytes(String... args) {
    return java.util.Arrays.stream(args).map(a -> a.getBytes(StandardCharsets.UTF_8)).toList();
  }
}
