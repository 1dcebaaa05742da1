package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReaderTest {
  private static final Path ESSAY =
      Path.of("seeds/japan-and-korea-in-the-evolving-china-us-relations.txt");

  private static EssayPrints.PdfPrint print;
  private static Document pdf;
  private static Document txt;

  @BeforeAll
  static void print_the_essay() throws Exception {
    print = EssayPrints.pdf(EssayPrints.blocks(ESSAY));
    Extracted extracted = new PdfReader().read(print.bytes());
    pdf = new DocumentParser().parse("essay.pdf", extracted.text(), extracted.pageStarts());
    txt = new DocumentParser().parse("essay.txt", Files.readString(ESSAY));
  }

  @Test
  void should_read_the_printed_essay_as_the_same_sections_and_paragraphs_as_its_text() {
    assertThat(print.pageCount()).isGreaterThanOrEqualTo(3);
    assertThat(pdf.title()).isEqualTo(txt.title());
    assertThat(pdf.sections()).isEqualTo(txt.sections());
    assertThat(pdf.paragraphs().stream().map(PdfReaderTest::brief).toList())
        .isEqualTo(txt.paragraphs().stream().map(PdfReaderTest::brief).toList());
    for (int i = 0; i < txt.paragraphs().size(); i++) {
      Paragraph expected = txt.paragraphs().get(i);
      Paragraph got = pdf.paragraphs().get(i);
      assertThat(got.text()).isEqualTo(printed(expected.text()));
      assertThat(got.kind()).as("kind of ¶%d", i + 1).isEqualTo(expected.kind());
      assertThat(got.sentences()).hasSameSizeAs(expected.sentences());
    }
  }

  @Test
  void should_give_every_sentence_the_page_it_is_printed_on() {
    assertThat(pdf.pageStarts()).hasSize(print.pageCount());
    int checked = 0;
    for (Paragraph p : pdf.paragraphs()) {
      for (Sentence s : p.sentences()) {
        assertThat(pdf.pageAt(s.start()))
            .as("page of ¶%d.%d %s", p.number(), s.number(), s.text())
            .hasValue(print.pageOf(pdf.text(), s.start()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(pdf.paragraphs().stream().mapToInt(p -> pdf.pageAt(p.start()).getAsInt()).max())
        .hasValue(print.pageCount());
  }

  @Test
  void should_leave_out_the_running_header_and_the_page_numbers() {
    assertThat(pdf.text()).doesNotContain(EssayPrints.RUNNING_HEADER);
    assertThat(pdf.paragraphs()).noneMatch(p -> p.text().matches("\\d+"));
    assertThat(pdf.text()).doesNotContainPattern("(?m)^\\d+$");
  }

  @Test
  void should_refuse_an_encrypted_pdf_saying_it_is_encrypted() throws IOException {
    byte[] encrypted;
    try (PDDocument doc = Loader.loadPDF(print.bytes())) {
      doc.protect(new StandardProtectionPolicy("owner", "secret", new AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      encrypted = out.toByteArray();
    }

    assertThatThrownBy(() -> new PdfReader().read(encrypted))
        .isInstanceOf(UnreadableFile.class)
        .hasMessageContaining("encrypted");
  }

  @Test
  void should_refuse_a_pdf_without_a_text_layer_saying_ocr_is_not_done() throws IOException {
    byte[] scanned;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
        out.addRect(72, 72, 400, 600); // a scan is an image; a filled shape has no text either
        out.fill();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      scanned = out.toByteArray();
    }

    assertThatThrownBy(() -> new PdfReader().read(scanned))
        .isInstanceOf(UnreadableFile.class)
        .hasMessageContaining("no text layer")
        .hasMessageContaining("OCR is not done");
  }

  @Test
  void should_refuse_a_truncated_or_corrupt_pdf_in_one_line() {
    byte[] truncated = Arrays.copyOf(print.bytes(), 300);
    byte[] garbage =
        "%PDF-1.7\n\u0001\u0002 not a pdf body at all".getBytes(StandardCharsets.US_ASCII);

    for (byte[] bad : List.of(truncated, garbage)) {
      assertThatThrownBy(() -> new PdfReader().read(bad))
          .isInstanceOf(UnreadableFile.class)
          .hasMessageNotContaining("\n")
          .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("corrupt", "no text layer"));
    }
  }

  @Test
  void should_read_a_pdf_seed_among_bad_ones_and_name_each_bad_one(@TempDir Path seeds)
      throws IOException {
    Files.write(seeds.resolve("essay.pdf"), print.bytes());
    Files.write(seeds.resolve("half.pdf"), Arrays.copyOf(print.bytes(), 300));
    Files.writeString(seeds.resolve("fake.pdf"), "just some text");

    Library library = new SeedLoader().load(seeds);

    assertThat(library.documents()).extracting(Document::id).containsExactly("essay.pdf");
    assertThat(library.documents().get(0).pageStarts()).hasSize(print.pageCount());
    assertThat(library.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).startsWith("skipped seed file half.pdf: "))
        .anySatisfy(w -> assertThat(w).startsWith("skipped seed file fake.pdf: not a PDF"));
  }

  private static String brief(Paragraph p) {
    String text = printed(p.text());
    return p.kind() + " " + p.section() + ": " + text.substring(0, Math.min(50, text.length()));
  }

  /** What the print keeps of a paragraph: one space between words, base letters for the rest. */
  private static String printed(String text) {
    return EssayPrints.printable(text).strip().replaceAll("\\s+", " ");
  }
}
