package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentParserTest {
  static final Path ESSAY = Path.of("seeds/japan-and-korea-in-the-evolving-china-us-relations.txt");
  static Document essay;

  @BeforeAll
  static void parseTheShippedEssay() throws IOException {
    essay =
        new DocumentParser().parse("essay.txt", Files.readString(ESSAY, StandardCharsets.UTF_8));
  }

  @Test
  void should_take_the_first_line_as_title_and_find_the_section_headings() {
    assertThat(essay.title()).startsWith("Reflections on the Korea Foundation Project");
    assertThat(essay.sections())
        .containsSubsequence(
            essay.title(),
            "Japan-South Korea Relations: A Reappraisal",
            "What Lies Ahead",
            DocumentParser.ABOUT_AUTHOR);
  }

  @Test
  void should_point_every_paragraph_and_sentence_offset_at_its_verbatim_text() {
    for (Paragraph p : essay.paragraphs()) {
      assertThat(essay.text().substring(p.start(), p.end())).isEqualTo(p.text());
      for (Sentence s : p.sentences()) {
        assertThat(essay.text().substring(s.start(), s.end())).isEqualTo(s.text());
      }
    }
  }

  @Test
  void should_mark_the_repeated_pull_quotes_and_keep_their_body_copies() {
    List<Paragraph> pullQuotes =
        essay.paragraphs().stream().filter(p -> p.kind() == ParagraphKind.PULL_QUOTE).toList();

    assertThat(pullQuotes).hasSize(2);
    assertThat(pullQuotes).allMatch(p -> !p.kind().searchable());
    assertThat(essay.paragraphs())
        .filteredOn(p -> p.kind() == ParagraphKind.BODY)
        .anyMatch(p -> p.text().contains("this project covers a diverse set of topics"));
  }

  @Test
  void should_find_the_author_bio_credit_and_sign_off() {
    assertThat(essay.author()).contains("Carmina Yu Untalan");
    assertThat(essay.paragraphs())
        .filteredOn(p -> p.text().startsWith("Dr Carmina Yu Untalan is a fellow"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(ParagraphKind.BODY);
              assertThat(p.section()).isEqualTo(DocumentParser.ABOUT_AUTHOR);
            });
    assertThat(essay.paragraphs()).filteredOn(p -> p.kind() == ParagraphKind.CREDIT).hasSize(1);
    assertThat(essay.paragraphs().get(essay.paragraphs().size() - 1).kind())
        .isEqualTo(ParagraphKind.SIGN_OFF);
  }

  @Test
  void should_not_split_sentences_at_abbreviations_like_US_led() {
    assertThat(essay.paragraphs())
        .flatMap(Paragraph::sentences)
        .anyMatch(s -> s.text().contains("sustain the U.S.-led liberal order"))
        .noneMatch(s -> s.text().startsWith("-led"));
  }

  @Test
  void should_read_markdown_headings_and_hard_wrapped_paragraphs() {
    String md =
        "# A Title\n\nIntro line one\ncontinues here. Second sentence.\n\n## Part Two\n\n"
            + "Body text of part two.\n";

    Document doc = new DocumentParser().parse("a.md", md);

    assertThat(doc.title()).isEqualTo("A Title");
    assertThat(doc.sections()).containsExactly("A Title", "Part Two");
    assertThat(doc.paragraphs()).hasSize(2);
    assertThat(doc.paragraphs().get(0).sentences()).hasSize(2);
    assertThat(doc.paragraphs().get(1).section()).isEqualTo("Part Two");
  }

  @Test
  void should_keep_a_first_paragraph_that_is_not_a_title_and_name_the_document_after_its_file() {
    Document doc =
        new DocumentParser()
            .parse("notes.txt", "First paragraph, a full sentence.\n\nSecond one.\n");

    assertThat(doc.title()).isEqualTo("notes");
    assertThat(doc.paragraphs())
        .extracting(Paragraph::text)
        .containsExactly("First paragraph, a full sentence.", "Second one.");
  }

  @Test
  void should_parse_an_empty_document_to_no_paragraphs() {
    assertThat(new DocumentParser().parse("e.txt", "\n \u00a0\n").paragraphs()).isEmpty();
  }
}
