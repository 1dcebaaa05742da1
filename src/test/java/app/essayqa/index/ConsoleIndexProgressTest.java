package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleIndexProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private String shown() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_print_one_line_per_file_when_stderr_is_not_a_terminal() {
    ConsoleIndexProgress progress = new ConsoleIndexProgress(err, false, () -> now);

    progress.started(2, 3000);
    progress.fileParsed("a.txt", 1000, 10);
    progress.sentences(10);
    progress.fileDone("a.txt", 1000, 10, 1500);
    progress.fileParsed("b.txt", 2000, 20);
    progress.fileDone("b.txt", 2000, 20, 2500);
    progress.finished(3, 45, 4200);

    assertThat(shown().lines())
        .containsExactly(
            "indexed a.txt (1/2): 1 KB, 10 sentences in 1.5 s",
            "indexed b.txt (2/2): 2 KB, 20 sentences in 2.5 s",
            "indexed 2 of 3 files in 4.2 s; 3 documents, 45 passages");
  }

  @Test
  void should_draw_a_bar_on_a_terminal_only_once_indexing_has_taken_a_second() {
    ConsoleIndexProgress progress = new ConsoleIndexProgress(err, true, () -> now);

    progress.started(2, 2000);
    progress.fileParsed("a.txt", 1000, 10);
    now = 500_000_000L;
    progress.sentences(5);
    assertThat(shown()).isEmpty();

    now = 2_000_000_000L;
    progress.sentences(5);
    now = 2_500_000_000L;
    progress.fileDone("a.txt", 1000, 10, 2000);

    assertThat(shown()).contains("indexing [", "1/2 files", "10 sentences", "left");
    progress.finished(2, 20, 4000);
    assertThat(shown()).endsWith("indexed 2 of 2 files in 4.0 s; 2 documents, 20 passages\n");
  }

  @Test
  void should_print_nothing_when_everything_came_from_the_cache() {
    ConsoleIndexProgress progress = new ConsoleIndexProgress(err, true, () -> now);

    progress.started(0, 0);
    progress.finished(51, 7008, 900);

    assertThat(shown()).isEmpty();
  }
}
