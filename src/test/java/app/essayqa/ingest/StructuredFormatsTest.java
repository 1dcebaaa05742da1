package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Markdown, HTML and Word: the essay in each reads as the same paragraphs as its text. */
class StructuredFormatsTest {
  private static final Path ESSAY =
      Path.of("seeds/japan-and-korea-in-the-evolving-china-us-relations.txt");

  @ParameterizedTest
  @ValueSource(strings = {"essay.md", "essay.html", "essay.docx"})
  void should_read_the_essay_as_the_same_sections_and_paragraphs_as_its_text(
      String name, @TempDir Path seeds) throws IOException {
    Document doc = load(name, seeds);
    Document txt = new DocumentParser().parse("essay.txt", Files.readString(ESSAY));

    assertThat(doc.title()).isEqualTo(txt.title());
    assertThat(doc.sections()).isEqualTo(txt.sections());
    assertThat(doc.paragraphs().stream().map(StructuredFormatsTest::brief).toList())
        .isEqualTo(txt.paragraphs().stream().map(StructuredFormatsTest::brief).toList());
    for (int i = 0; i < txt.paragraphs().size(); i++) {
      assertThat(spaced(doc.paragraphs().get(i).text()))
          .isEqualTo(spaced(txt.paragraphs().get(i).text()));
    }
    assertThat(doc.pageStarts()).isEmpty();
    assertThat(FormatFixtures.NOT_ARTICLE)
        .allSatisfy(junk -> assertThat(doc.text()).doesNotContain(junk));
  }

  @Test
  void should_read_html_entities_and_line_breaks_and_take_the_title_from_the_title_element()
      throws UnreadableFile {
    String page =
        "<html><head><title>Caf&eacute; Notes</title></head><body><div>"
            + "<p>Fish &amp; chips,<br>then tea &mdash; at five.</p>"
            + "<ul><li>One item, with\n   a source line break.</li></ul></div></body></html>";

    String text = new HtmlReader().read(page.getBytes(StandardCharsets.UTF_8)).text();

    assertThat(text)
        .isEqualTo(
            "# Café Notes\n\nFish & chips,\nthen tea — at five.\n\n"
                + "One item, with a source line break.");
  }

  @Test
  void should_read_markdown_links_as_their_text_and_leave_out_code_and_front_matter()
      throws UnreadableFile {
    String md =
        "---\ntitle: Notes\n---\nSee [the guide](https://example.org/x) for `mvn` use.\n\n"
            + "    indented code\n\n```\nfenced code\n```\n\n- an item\n";

    String text = new MarkdownReader().read(md.getBytes(StandardCharsets.UTF_8)).text();

    assertThat(text).isEqualTo("# Notes\n\nSee the guide for mvn use.\n\nan item");
  }

  @Test
  void should_read_word_tables_and_footnotes_as_paragraphs() throws Exception {
    byte[] bytes;
    try (XWPFDocument docx = new XWPFDocument()) {
      docx.createParagraph().createRun().setText("Annual Report");
      docx.getParagraphs().get(0).setStyle("Title");
      XWPFParagraph body = docx.createParagraph();
      body.createRun().setText("Sales rose in every region this year.");
      XWPFFootnote note = docx.createFootnote();
      note.createParagraph().createRun().setText("Figures are unaudited.");
      body.addFootnoteReference(note);
      XWPFTable table = docx.createTable(1, 2);
      table.getRow(0).getCell(0).setText("North grew by ten per cent.");
      table.getRow(0).getCell(1).setText("South held steady.");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      docx.write(out);
      bytes = out.toByteArray();
    }

    String text = new DocxReader().read(bytes).text();

    assertThat(text)
        .isEqualTo(
            "# Annual Report\n\nSales rose in every region this year.\n\n"
                + "North grew by ten per cent.\n\nSouth held steady.\n\n"
                + "# Footnotes\n\nFigures are unaudited.");
  }

  @Test
  void should_refuse_a_docx_that_is_not_a_zip_and_a_zip_bomb_in_one_line_each(@TempDir Path seeds)
      throws IOException {
    Files.writeString(seeds.resolve("notes.docx"), "plain text saved as .docx");
    Files.write(seeds.resolve("bomb.docx"), zipBomb());
    Files.copy(ESSAY, seeds.resolve("essay.txt"));

    Library library = new SeedLoader().load(seeds);

    assertThat(library.documents()).extracting(Document::id).containsExactly("essay.txt");
    assertThat(library.warnings())
        .containsExactlyInAnyOrder(
            "skipped seed file bomb.docx: looks like a zip bomb (inflates over 100 times its"
                + " size); not read",
            "skipped seed file notes.docx: not a Word document (a .docx is a zip archive; this is"
                + " not one)");
  }

  @Test
  void should_choose_the_reader_by_content_before_extension() throws UnreadableFile {
    byte[] html = "<!DOCTYPE html><p>Hi.</p>".getBytes(StandardCharsets.UTF_8);
    byte[] text = "Essay\n\nIt says <html> in the middle.".getBytes(StandardCharsets.UTF_8);

    assertThat(DocumentFormat.of("page.txt", html)).isEqualTo(DocumentFormat.HTML);
    assertThat(DocumentFormat.of("essay.txt", text)).isEqualTo(DocumentFormat.TEXT);
    assertThat(DocumentFormat.of("scan.dat.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(DocumentFormat.PDF);
    assertThat(DocumentFormat.of("notes.md", text)).isEqualTo(DocumentFormat.MARKDOWN);
  }

  /** A Word package whose document part inflates from a few kilobytes to 50 MB of spaces. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                  + "content-types\"/>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] spaces = new byte[1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 50; i++) {
        zip.write(spaces);
      }
    }
    return bytes.toByteArray();
  }

  private static Document load(String name, Path seeds) throws IOException {
    FormatFixtures.write(name.substring(name.indexOf('.') + 1), seeds);
    Library library = new SeedLoader().load(seeds);
    assertThat(library.warnings()).isEmpty();
    return library.documents().get(0);
  }

  private static String brief(Paragraph p) {
    String text = spaced(p.text());
    return p.kind() + " " + p.section() + ": " + text.substring(0, Math.min(50, text.length()));
  }

  private static String spaced(String text) {
    return text.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
  }
}
