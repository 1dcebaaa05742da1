package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.config.Config;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code ask --file -}: standard input is read as a questions file is. */
class AskSessionTest {
  private final FakeAnswerer fake = new FakeAnswerer();

  @Test
  void should_read_a_byte_that_is_not_utf8_on_stdin_as_a_file_reads_it() {
    // given: what printf 'Who wrote it?\nWho is \xff Howe?\r\nLast?' | essay-qa ask -f - sends
    byte[] stdin = {
      'W',
      'h',
      'o',
      ' ',
      'w',
      'r',
      'o',
      't',
      'e',
      ' ',
      'i',
      't',
      '?',
      '\n',
      'W',
      'h',
      'o',
      ' ',
      'i',
      's',
      ' ',
      (byte) 0xff,
      ' ',
      'H',
      'o',
      'w',
      'e',
      '?',
      '\r',
      '\n',
      'L',
      'a',
      's',
      't',
      '?'
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    // when
    new AskSession(fake.opener(), new ByteArrayInputStream(stdin), true)
        .answerLines(
            Config.defaults(Path.of("")), null, new PrintWriter(out), new PrintWriter(err));

    // then
    assertThat(fake.asked).containsExactly("Who wrote it?", "Who is \uFFFD Howe?", "Last?");
    assertThat(err.toString())
        .isEqualTo("warning: standard input, line 2: not UTF-8; bad bytes replaced with \uFFFD\n");
    assertThat(out.toString().lines()).hasSize(3);
  }
}
