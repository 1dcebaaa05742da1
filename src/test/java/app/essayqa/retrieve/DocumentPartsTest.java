package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.index.Passage;
import app.essayqa.index.PassageSplitter;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentPartsTest {
  private static final String LICENSE =
      """
      GNU GENERAL PUBLIC LICENSE
      Version 3, 29 June 2007

      Copyright (C) 2007 Free Software Foundation, Inc. Everyone is permitted to copy and \
      distribute verbatim copies of this license document, but changing it is not allowed.

      Preamble

      The GNU General Public License is a free, copyleft license for software and other kinds \
      of works. The licenses for most software and other practical works are designed to take \
      away your freedom to share and change the works. By contrast, the license is intended to \
      guarantee your freedom.
      """;

  /** Two long paragraphs, the second in the first person, then the closing lines. */
  private static String essay(String closing) {
    return """
        Trade Winds

        Ports along the coast grew quickly after the new canal opened to shipping. Merchants \
        moved their warehouses closer to the water, and the old market square emptied within a \
        decade. Jane Doe visited the square in its last busy year and wrote down what the traders \
        said to each other. The city council kept few records of those years, so her notes are \
        among the best sources.

        As a newcomer to the city, I found the harbour confusing at first. The pilots who guided \
        ships in were patient with questions, and they explained the tides with a care that made \
        the whole coast easier to understand. By the end of my first season the charts made \
        sense, and the harbour felt like a neighbourhood rather than a maze of cranes and ropes.

        """
        + closing;
  }

  private static final String ESSAY =
      essay(
          "Jane Doe\n\nStaff Writer\n\n"
              + "Jane Doe is a writer based in Lisbon who covers trade and shipping.\n\nPhoto: X\n");

  private static DocumentParts parts(String... texts) {
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      documents.add(new DocumentParser().parse("d" + i + ".txt", texts[i]));
    }
    Library library = new Library(documents, List.of());
    return new DocumentParts(library, new PassageSplitter(1).split(library));
  }

  private static List<String> texts(List<Passage> passages) {
    return passages.stream().map(Passage::text).toList();
  }

  static Stream<Arguments> authorships() {
    return Stream.of(
        // a bio after the closing byline: the bio alone, not the body sentence naming the author
        // nor the photo credit that follows it
        Arguments.of(
            ESSAY, List.of("Jane Doe is a writer based in Lisbon who covers trade and shipping.")),
        // no byline: the sentence stating the copyright, not the one after it
        Arguments.of(LICENSE, List.of("Copyright (C) 2007 Free Software Foundation, Inc.")),
        // a closing byline with no bio: the sentences naming the byline's author
        Arguments.of(
            essay("Jane Doe\n\nStaff Writer\n"),
            List.of(
                "Jane Doe visited the square in its last busy year and wrote down what the traders"
                    + " said to each other.")),
        // the same with a photo credit after the byline: a credit is no bio, so the sentences
        // naming the author still answer who wrote it
        Arguments.of(
            essay("Jane Doe\n\nStaff Writer\n\nPhoto: X\n"),
            List.of(
                "Jane Doe visited the square in its last busy year and wrote down what the traders"
                    + " said to each other.")),
        // the © sign states a copyright too
        Arguments.of(
            "Notes\n\nThe harbour was dredged twice.\n\n© 2021 Example Press, all rights reserved.\n",
            List.of("© 2021 Example Press, all rights reserved.")),
        // neither byline, bio nor copyright: nothing
        Arguments.of("Notes\n\nThe harbour was dredged twice. Ships came back.\n", List.of()));
  }

  @ParameterizedTest
  @MethodSource("authorships")
  void should_answer_who_wrote_it_from_the_bio_else_the_author_or_copyright_sentences(
      String text, List<String> expected) {
    assertThat(texts(parts(text).authorship())).containsExactlyElementsOf(expected);
  }

  @Test
  void should_find_the_credit_opening_and_first_person_paragraph_of_an_essay() {
    DocumentParts parts = parts(ESSAY);

    assertThat(texts(parts.credits())).containsExactly("Photo: X");
    assertThat(parts.openings())
        .extracting(Passage::locator)
        .containsExactly("d0.txt ¶1.1", "d0.txt ¶1.2");
    // the whole paragraph, its middle sentence too, though only the first and last say I or my
    assertThat(parts.firstPerson())
        .extracting(Passage::locator)
        .containsExactly("d0.txt ¶2.1", "d0.txt ¶2.2", "d0.txt ¶2.3");
  }

  @Test
  void should_find_no_credit_or_first_person_in_a_license_and_open_it_with_its_first_paragraph() {
    DocumentParts parts = parts(LICENSE);

    assertThat(parts.credits()).isEmpty();
    assertThat(parts.firstPerson()).isEmpty();
    assertThat(texts(parts.openings()))
        .containsExactly(
            "Copyright (C) 2007 Free Software Foundation, Inc.",
            "Everyone is permitted to copy and distribute verbatim copies of this license"
                + " document, but changing it is not allowed.");
  }

  @Test
  void should_keep_each_documents_parts_to_that_document() {
    DocumentParts parts = parts(LICENSE, ESSAY);

    assertThat(parts.authorship())
        .extracting(Passage::locator)
        .containsExactly("d0.txt ¶1.1", "d1.txt ¶5.1");
    assertThat(parts.openings())
        .extracting(Passage::locator)
        .containsExactly("d0.txt ¶1.1", "d0.txt ¶1.2", "d1.txt ¶1.1", "d1.txt ¶1.2");
    assertThat(parts.credits()).extracting(Passage::locator).containsExactly("d1.txt ¶6.1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          As a newcomer, I found the harbour confusing.     | true
          The pilots told me about the tides.               | true
          The charts of the bay were mine to keep.          | true
          My first season was the hardest.                  | true
          The pilots explained the tides.                   | false
          The sign on the gate said MY HARBOUR.             | false
          The tides, i.e. the daily rise and fall, ruled.   | false
          The rules were (i) ships first and (ii) boats.    | false
          """)
  void should_count_a_paragraph_in_the_first_person_only_for_a_first_person_word(
      String sentence, boolean firstPerson) {
    DocumentParts parts = parts("Harbour Notes\n\n" + sentence + "\n");

    assertThat(parts.firstPerson()).hasSize(firstPerson ? 1 : 0);
  }
}
