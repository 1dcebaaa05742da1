package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the bench's long PDF (issue 18: a 200-page document indexed within 1.5 times a MiniLM pass
 * over its text) and, beside it, its extracted text as {@code .txt}, so that the two first indexes
 * can be timed against each other. Runs only when asked: {@code -Dessayqa.longpdf=DIR}.
 */
class LongPdfPrint {
  private static final int PAGES = 200;

  @Test
  @EnabledIfSystemProperty(named = "essayqa.longpdf", matches = ".+")
  void should_write_a_200_page_pdf_and_its_text() throws Exception {
    Path dir = Path.of(System.getProperty("essayqa.longpdf"));
    List<EssayPrints.Block> source = new ArrayList<>();
    source.addAll(EssayPrints.blocks(FormatFixtures.ESSAY));
    source.addAll(EssayPrints.blocks(Path.of("src/test/resources/eval/gpl3/seeds/gpl-3.0.txt")));
    List<EssayPrints.Block> blocks = new ArrayList<>();
    EssayPrints.PdfPrint print = null;
    for (int part = 1; print == null || print.pageCount() < PAGES; part++) {
      blocks.add(new EssayPrints.Block(EssayPrints.Kind.HEADING, "Part " + part));
      for (EssayPrints.Block b : source) {
        blocks.add(
            b.kind() == EssayPrints.Kind.TITLE
                ? new EssayPrints.Block(EssayPrints.Kind.HEADING, b.text())
                : b);
      }
      print = EssayPrints.pdf(blocks);
    }
    Files.createDirectories(dir.resolve("pdf"));
    Files.createDirectories(dir.resolve("txt"));
    Files.write(dir.resolve("pdf/long.pdf"), print.bytes());
    Extracted text = new PdfReader().read(print.bytes());
    Files.writeString(dir.resolve("txt/long.txt"), text.text(), StandardCharsets.UTF_8);
    assertThat(print.pageCount()).isGreaterThanOrEqualTo(PAGES);
  }
}
