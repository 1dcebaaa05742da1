package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A generated document of about a megabyte, the size of a book chapter or a folder's worth of
 * articles in one file: its shape must come out whole. (The parse time is measured in {@code
 * bench}, not here.)
 */
class LargeDocumentParserTest {
  private static final String[] WORDS = {
    "river", "ledger", "harbour", "signal", "winter", "archive", "lantern", "meadow", "engine",
    "copper", "garden", "window", "market", "thunder", "pocket", "silver", "canvas", "orbit"
  };

  @Test
  void should_parse_a_megabyte_document_into_every_section_paragraph_sentence_and_pull_quote() {
    Random random = new Random(8);
    StringBuilder text = new StringBuilder("A Generated Handbook\n\n");
    int sections = 200;
    int paragraphsPerSection = 12;
    int sentencesPerParagraph = 6;
    String quoted = null;
    for (int s = 1; s <= sections; s++) {
      text.append("Part ").append(s).append(" of the handbook\n\n");
      for (int p = 0; p < paragraphsPerSection; p++) {
        StringBuilder paragraph = new StringBuilder();
        for (int k = 0; k < sentencesPerParagraph; k++) {
          paragraph.append(sentence(random, s, p, k)).append(' ');
        }
        String body = paragraph.toString().strip();
        if (s == sections / 2 && p == 3) {
          quoted = body.substring(0, body.indexOf('.') + 1);
        }
        text.append(body).append("\n\n");
      }
      if (s == sections / 2 + 1) {
        // A pull quote: a sentence of an earlier paragraph repeated as a block of its own.
        text.append(quoted).append("\n\n");
      }
    }
    assertThat(text.length()).isGreaterThan(1_000_000);

    Document doc = new DocumentParser().parse("handbook.txt", text.toString());

    assertThat(doc.title()).isEqualTo("A Generated Handbook");
    assertThat(doc.sections()).hasSize(sections + 1);
    assertThat(doc.paragraphs()).hasSize(sections * paragraphsPerSection + 1);
    assertThat(doc.paragraphs())
        .filteredOn(p -> p.kind() == ParagraphKind.BODY)
        .hasSize(sections * paragraphsPerSection)
        .allSatisfy(p -> assertThat(p.sentences()).hasSize(sentencesPerParagraph));
    String pullQuote = quoted;
    assertThat(doc.paragraphs())
        .filteredOn(p -> p.kind() == ParagraphKind.PULL_QUOTE)
        .singleElement()
        .satisfies(p -> assertThat(p.text()).isEqualTo(pullQuote));
    Paragraph last = doc.paragraphs().get(doc.paragraphs().size() - 2);
    assertThat(last.section()).isEqualTo("Part " + sections + " of the handbook");
    for (Paragraph p : doc.paragraphs()) {
      for (Sentence s : p.sentences()) {
        assertThat(doc.text().substring(s.start(), s.end())).isEqualTo(s.text());
      }
    }
  }

  /** A sentence unique to its place (the numbers), with words drawn at random. */
  private static String sentence(Random random, int section, int paragraph, int index) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "The %s of part %d, item %d.%d",
                pick(random),
                section,
                paragraph,
                index));
    for (int w = 0; w < 16; w++) {
      s.append(' ').append(pick(random));
    }
    return s.append('.').toString();
  }

  private static String pick(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }
}
