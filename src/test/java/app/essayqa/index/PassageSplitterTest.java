package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.ingest.Document;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassageSplitterTest {
  private static final String TEXT =
      "A Title\n\n"
          + "First sentence here. Second sentence follows. Third one ends it.\n\n"
          + "Findings\n\n"
          + "Another paragraph begins the new section and runs on for a while so that the heading"
          + " above counts as a heading of real text, which needs some length behind it, more than"
          + " two hundred characters of it in fact. It has a second sentence too.\n\n"
          + "Photo: Jane Roe\n";
  private static final Document DOC = new DocumentParser().parse("d.txt", TEXT);
  private static final List<Passage> PASSAGES =
      new PassageSplitter(1).split(new Library(List.of(DOC), List.of()));

  @Test
  void should_make_one_passage_per_sentence_with_verbatim_offsets() {
    assertThat(PASSAGES).extracting(Passage::id).containsExactly(0, 1, 2, 3, 4, 5);
    for (Passage p : PASSAGES) {
      assertThat(TEXT.substring(p.start(), p.end())).isEqualTo(p.text());
      assertThat(p.documentId()).isEqualTo("d.txt");
    }
  }

  @ParameterizedTest(name = "passage {0} is ¶{1}.{2} in {3}")
  @CsvSource({
    "0, 1, 1, A Title",
    "1, 1, 2, A Title",
    "2, 1, 3, A Title",
    "3, 2, 1, Findings",
    "4, 2, 2, Findings",
    "5, 3, 1, Findings"
  })
  void should_locate_each_sentence_by_paragraph_sentence_and_section(
      int id, int paragraph, int sentence, String section) {
    Passage p = PASSAGES.get(id);

    assertThat(p.paragraph()).isEqualTo(paragraph);
    assertThat(p.sentence()).isEqualTo(sentence);
    assertThat(p.section()).isEqualTo(section);
    assertThat(p.locator()).isEqualTo("d.txt ¶" + paragraph + "." + sentence);
  }

  @ParameterizedTest(name = "context of passage {0} holds {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|First sentence here.",
        "1|Third one ends it.",
        "1|A Title",
        "0|Second sentence follows.",
        "4|Findings"
      })
  void should_give_each_sentence_its_section_and_neighbours_as_context(int id, String part) {
    assertThat(PASSAGES.get(id).context()).contains(part);
  }

  @Test
  void should_keep_a_neighbour_of_another_paragraph_out_of_the_context_of_a_paragraphs_sentence() {
    assertThat(PASSAGES.get(2).context()).doesNotContain("Another paragraph");
  }

  @Test
  void should_give_no_context_sentences_beyond_the_number_asked_for() {
    List<Passage> none = new PassageSplitter(0).split(new Library(List.of(DOC), List.of()));

    assertThat(none.get(1).context()).doesNotContain("First sentence", "Third one");
  }
}
