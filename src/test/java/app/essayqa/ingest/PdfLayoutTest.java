package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PdfLayoutTest {
  private static final float LEFT = 72;
  private static final float RIGHT = 540;

  /** A full-width body line at line {@code n} of a page (14 points apart). */
  private static PdfLine line(String text, int n) {
    return new PdfLine(text, LEFT, RIGHT, 100 + 14 * n, 11);
  }

  private static PdfLine shortLine(String text, int n) {
    return new PdfLine(text, LEFT, 300, 100 + 14 * n, 11);
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    // joined without the hyphen only when the joined word occurs elsewhere in the document
    "'a favourable fa-', 'vourable view', 'a favourable favourable view'",
    "'previously side-', 'lined players', 'previously side-lined players'",
    // a capital after the hyphen is a name or a compound, never a broken word
    "'the Japan-', 'Korea talks', 'the Japan-Korea talks'",
    // a dash standing alone is punctuation
    "'the issue -', 'which matters', 'the issue - which matters'",
  })
  void should_undo_a_line_end_hyphen_only_when_the_joined_word_occurs_elsewhere(
      String first, String second, String joined) {
    Extracted text = PdfLayout.extract(List.of(List.of(line(first, 0), line(second, 1))));

    assertThat(text.text()).isEqualTo(joined);
  }

  @Test
  void should_start_a_paragraph_at_a_gap_an_indent_a_size_change_and_after_a_short_closing_line() {
    List<PdfLine> page =
        List.of(
            new PdfLine("A Heading", LEFT, 200, 100, 14),
            line("First paragraph runs", 2),
            shortLine("to its end.", 3),
            line("Second paragraph after a short line,", 4),
            line("with its second line.", 5),
            line("Third paragraph after a gap.", 7),
            new PdfLine("Fourth, indented.", LEFT + 18, RIGHT, 100 + 14 * 8, 11));

    Extracted text = PdfLayout.extract(List.of(page));

    assertThat(text.text().split("\n\n"))
        .containsExactly(
            "A Heading",
            "First paragraph runs to its end.",
            "Second paragraph after a short line, with its second line.",
            "Third paragraph after a gap.",
            "Fourth, indented.");
  }

  @Test
  void should_drop_running_headers_footers_and_page_numbers_and_keep_the_page_of_each_line() {
    List<List<PdfLine>> pages = new ArrayList<>();
    List<String> bodies = List.of("Alpha", "Beta", "Gamma", "Delta");
    for (int p = 1; p <= 4; p++) {
      pages.add(
          List.of(
              new PdfLine("Quarterly Review", LEFT, 200, 40, 9),
              line(bodies.get(p - 1) + " text goes on", 1),
              line("and on.", 2),
              new PdfLine("Page " + p + " of 4", 280, 330, 760, 9)));
    }

    Extracted text = PdfLayout.extract(pages);

    assertThat(text.text()).doesNotContain("Quarterly Review").doesNotContain("of 4");
    assertThat(text.pageStarts()).hasSize(4);
    for (int p = 1; p <= 4; p++) {
      int at = text.text().indexOf(bodies.get(p - 1) + " text");
      assertThat(at).isNotNegative();
      assertThat(Pages.at(text.pageStarts(), at)).hasValue(p);
    }
  }

  @Test
  void should_keep_a_line_that_stands_at_the_edge_of_only_one_page() {
    List<List<PdfLine>> pages =
        List.of(
            List.of(line("A Title Only Here", 0), line("Body one.", 1)),
            List.of(line("Body two goes", 0), line("on here.", 1)),
            List.of(line("Body three goes", 0), line("on here too.", 1)));

    assertThat(PdfLayout.extract(pages).text()).startsWith("A Title Only Here");
  }
}
