package app.essayqa.error;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

class PrintableTest {
  static Stream<Arguments> oneLine() {
    return Stream.of(
        Arguments.of("plain text", "plain text"),
        Arguments.of("evil\u001b]0;PWNED\u0007.txt", "evil^[]0;PWNED^G.txt"),
        Arguments.of("\u001b[31m", "^[[31m"),
        Arguments.of("nul\u0000 del\u007f", "nul^@ del^?"),
        Arguments.of("C1\u009b control", "C1\\u009b control"),
        Arguments.of("two\nlines\tand tab", "two^Jlines^Iand tab"),
        Arguments.of("한국어 “curly” ¶6.2 — 日本語", "한국어 “curly” ¶6.2 — 日本語"));
  }

  @ParameterizedTest
  @MethodSource("oneLine")
  void should_show_control_characters_in_one_line_messages(String input, String expected) {
    assertThat(Printable.line(input)).isEqualTo(expected);
  }

  @Test
  void should_keep_line_breaks_and_tabs_in_text_of_several_lines() {
    assertThat(Printable.text("a\n\tb\u001b[2Jc\r")).isEqualTo("a\n\tb^[[2Jc^M");
  }

  @Test
  void should_show_escapes_written_through_the_writer_but_keep_carriage_returns() {
    StringWriter sink = new StringWriter();
    PrintWriter out = Printable.writer(sink);

    out.print("\rsuite \u001b[31mred");
    out.write('\u0007');
    out.write('\r');
    out.println(" done");

    assertThat(sink.toString()).isEqualTo("\rsuite ^[[31mred^G\r done" + System.lineSeparator());
  }

  @Test
  void should_show_escape_characters_in_log_messages_instead_of_sending_them() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var appender = (OutputStreamAppender<?>) root.getAppender("STDERR");
    var layout = ((PatternLayoutEncoder) appender.getEncoder()).getLayout();
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            root,
            Level.WARN,
            "skipped seed file {}: empty",
            null,
            new Object[] {"evil\u001b]0;PWNED\u0007\n.txt"});

    String line = layout.doLayout(event);

    assertThat(line)
        .contains("skipped seed file evil^[]0;PWNED^G^J.txt: empty")
        .doesNotContain("\u001b", "\u0007");
  }
}
