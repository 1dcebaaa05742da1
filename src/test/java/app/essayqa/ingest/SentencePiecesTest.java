package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentencePiecesTest {
  /** A block of {@code items} clauses of a manual's option list, with no full stop anywhere. */
  private static String optionList(int items) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < items; i++) {
      text.append(String.format(Locale.ROOT, "--opt%d sets the %d-th limit of the queue, ", i, i));
      text.append(i % 3 == 0 ? "see below;\n" : "or none\n");
    }
    return text.toString().strip();
  }

  static Stream<Arguments> spans() {
    return Stream.of(
        Arguments.of("a short sentence", "The essay is short.", 1),
        Arguments.of("prose of 1,000 characters", "word ".repeat(200).strip(), 1),
        Arguments.of("a 5,000-character option list", optionList(110), 6),
        Arguments.of("a 20,000-character option list", optionList(440), 24),
        Arguments.of("one 3,000-character token", "x".repeat(3000), 3),
        Arguments.of("punctuation only", "-. ".repeat(600).strip(), 3),
        Arguments.of("ideographs", "漢字".repeat(500), 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spans")
  void should_cut_only_what_is_beyond_the_window_into_pieces_that_fit_and_cover_it(
      String what, String text, int atLeast) {
    List<int[]> pieces = SentencePieces.of(text, 0, text.length());

    assertThat(pieces).as(what).hasSizeGreaterThanOrEqualTo(atLeast);
    if (atLeast == 1) {
      assertThat(pieces).as(what).singleElement().isEqualTo(new int[] {0, text.length()});
    }
    int at = 0;
    for (int[] piece : pieces) {
      assertThat(SentencePieces.room(text, piece[0], piece[1])).as(what).isEqualTo(piece[1]);
      assertThat(text.substring(at, piece[0])).as(what).isBlank();
      assertThat(piece[1]).isGreaterThan(piece[0]);
      at = piece[1];
    }
    assertThat(at).isEqualTo(text.length());
  }

  @Test
  void should_end_a_piece_after_a_semicolon_before_a_comma_or_a_space() {
    String text = optionList(110);

    List<int[]> pieces = SentencePieces.of(text, 0, text.length());

    for (int[] piece : pieces.subList(0, pieces.size() - 1)) {
      assertThat(text.substring(piece[0], piece[1])).endsWith("see below;");
    }
  }

  @Test
  void should_never_split_a_surrogate_pair() {
    String text = "\uD835\uDC00".repeat(2000);

    for (int[] piece : SentencePieces.of(text, 0, text.length())) {
      assertThat(Character.isLowSurrogate(text.charAt(piece[0]))).isFalse();
    }
  }

  @Test
  void should_make_a_long_block_without_full_stops_several_sentences_quoted_verbatim() {
    String block = optionList(440);
    String text = "A Manual\n\nSome words about it come first. Then more.\n\n" + block + "\n";

    Document doc = new DocumentParser().parse("manual.txt", text);

    Paragraph list = doc.paragraphs().get(doc.paragraphs().size() - 1);
    assertThat(list.text()).isEqualTo(block);
    assertThat(list.sentences()).hasSizeGreaterThanOrEqualTo(20);
    for (Sentence s : list.sentences()) {
      assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
      assertThat(s.number()).isEqualTo(list.sentences().indexOf(s) + 1);
    }
    assertThat(list.sentences().get(0).start()).isEqualTo(list.start());
    assertThat(list.sentences().get(list.sentences().size() - 1).end()).isEqualTo(list.end());
  }
}
