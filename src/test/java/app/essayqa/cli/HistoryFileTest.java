package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
  private static final byte[] NOT_UTF8 = {'o', 'k', '\n', (byte) 0xff, '\n'};

  @TempDir Path dir;

  @Test
  void should_start_with_an_empty_history_when_the_history_file_is_not_utf8() throws IOException {
    // given: printf 'ok\n\xff\n' > .cache/repl-history, which ended every REPL start
    Path history = dir.resolve("repl-history");
    Files.write(history, NOT_UTF8);

    // when
    String line;
    try (TerminalLineSource source =
        TerminalLineSource.open(terminal("Who wrote it?\n"), history)) {
      line = source.readLine();
    }

    // then
    assertThat(line).isEqualTo("Who wrote it?");
    assertThat(dir.resolve("repl-history.bad")).hasBinaryContent(NOT_UTF8);
    assertThat(Files.readString(history, StandardCharsets.UTF_8)).endsWith(":Who wrote it?\n");
  }

  @Test
  void should_move_aside_a_history_that_is_a_folder() throws IOException {
    Path history = Files.createDirectory(dir.resolve("repl-history"));
    Files.writeString(history.resolve("inside"), "kept");

    assertThat(HistoryFile.usable(history)).contains(history);

    assertThat(history).doesNotExist();
    assertThat(dir.resolve("repl-history.bad").resolve("inside")).hasContent("kept");
  }

  @Test
  void should_move_aside_a_file_in_another_format() throws IOException {
    Path history = dir.resolve("repl-history");
    Files.writeString(history, "ls -la\ncd /tmp\n");

    assertThat(HistoryFile.usable(history)).contains(history);

    assertThat(history).doesNotExist();
    assertThat(dir.resolve("repl-history.bad")).hasContent("ls -la\ncd /tmp\n");
  }

  @Test
  void should_leave_a_sound_history_and_an_absent_one_alone() throws IOException {
    Path history = dir.resolve("repl-history");
    assertThat(HistoryFile.usable(history)).contains(history);
    Files.writeString(history, "1764620000000:Who is Howe?\n1764620000001:What is “soft power”?\n");

    assertThat(HistoryFile.usable(history)).contains(history);

    assertThat(history).exists();
    assertThat(dir.resolve("repl-history.bad")).doesNotExist();
  }

  private static Terminal terminal(String input) throws IOException {
    return new DumbTerminal(
        "test",
        Terminal.TYPE_DUMB,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        StandardCharsets.UTF_8);
  }
}
