package app.essayqa.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped essay in each format a seed may have, for tests of every format. */
public final class FormatFixtures {
  public static final Path ESSAY =
      Path.of("seeds/japan-and-korea-in-the-evolving-china-us-relations.txt");

  /** The hand-made HTML and Markdown copies, each with text around the article. */
  public static final Path FOLDER = Path.of("src/test/resources/formats");

  /** Text in the copies outside the article (scripts, navigation, footers, code, front matter). */
  public static final List<String> NOT_ARTICLE =
      List.of(
          "stylesheet text",
          "script text",
          "subscribe for",
          "navigation archive",
          "sidebar text",
          "hidden element text",
          "invisible paragraph text",
          "form text",
          "footer text",
          "code sample",
          "front matter",
          "https://",
          EssayPrints.RUNNING_HEADER);

  private FormatFixtures() {}

  /**
   * Writes the essay as {@code essay.<extension>} into {@code folder}: PDF and Word printed from
   * the text, HTML and Markdown copied from the fixtures, {@code txt} as shipped.
   *
   * @return the PDF's print record for {@code pdf}, else null
   */
  public static EssayPrints.PdfPrint write(String extension, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve("essay." + extension);
    switch (extension) {
      case "pdf" -> {
        EssayPrints.PdfPrint print = EssayPrints.pdf(EssayPrints.blocks(ESSAY));
        Files.write(target, print.bytes());
        return print;
      }
      case "docx" -> Files.write(target, EssayPrints.docx(EssayPrints.blocks(ESSAY)));
      case "txt" -> Files.copy(ESSAY, target);
      default -> Files.copy(FOLDER.resolve("essay." + extension), target);
    }
    return null;
  }
}
