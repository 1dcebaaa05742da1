package app.essayqa.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Prints a plain-text document the way people receive it, for tests: a PDF laid out on several
 * pages with a running header and page numbers (recording the page of every word printed), and a
 * Word file with heading styles. The blocks come from the text's own parse, so headings stay
 * headings.
 */
public final class EssayPrints {
  /** The running header on every page: the parser must never cite it. */
  public static final String RUNNING_HEADER = "IAFOR Research Centre Newsletter — Reflections";

  private static final float WIDTH = 612;
  private static final float HEIGHT = 792;
  private static final float MARGIN = 72;
  private static final float BODY_SIZE = 11;
  private static final float LEADING = 14;
  private static final float PARAGRAPH_GAP = 9;
  private static final float INDENT = 18;

  private EssayPrints() {}

  /** A block of the source text: the title, a heading or a paragraph. */
  public record Block(Kind kind, String text) {}

  public enum Kind {
    TITLE,
    HEADING,
    PARAGRAPH
  }

  /**
   * A printed PDF and the page of each word printed in the body, in order (running header and page
   * numbers are not body words).
   */
  public record PdfPrint(byte[] bytes, List<String> words, List<Integer> pages, int pageCount) {
    /** The page the word at {@code offset} of the extracted text is printed on. */
    public int pageOf(String extractedText, int offset) {
      String before = extractedText.substring(0, offset).strip();
      int index = before.isEmpty() ? 0 : before.split("\\s+").length;
      if (offset > 0 && !Character.isWhitespace(extractedText.charAt(offset - 1))) {
        index--; // the offset is inside a word
      }
      return pages.get(index);
    }
  }

  /** The blocks of a plain-text document, as the parser sees them. */
  public static List<Block> blocks(Path txt) {
    try {
      String text = Files.readString(txt, StandardCharsets.UTF_8);
      Document doc = new DocumentParser().parse(txt.getFileName().toString(), text);
      List<Block> blocks = new ArrayList<>();
      boolean first = true;
      for (String raw : text.split("\\n\\s*\\n")) {
        String block = raw.strip();
        if (block.isEmpty()) {
          continue;
        }
        Kind kind =
            first && block.equals(doc.title())
                ? Kind.TITLE
                : doc.sections().contains(block) ? Kind.HEADING : Kind.PARAGRAPH;
        blocks.add(new Block(kind, block));
        first = false;
      }
      return blocks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the blocks as a PDF of Letter pages, the page number at the foot of each. */
  public static PdfPrint pdf(List<Block> blocks) {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
      List<List<Line>> pages = new ArrayList<>();
      List<Line> page = new ArrayList<>();
      float y = HEIGHT - MARGIN - 10;
      List<String> words = new ArrayList<>();
      List<Integer> wordPages = new ArrayList<>();
      for (Block block : blocks) {
        PDType1Font font = block.kind() == Kind.PARAGRAPH ? regular : bold;
        float size =
            block.kind() == Kind.TITLE ? 16 : block.kind() == Kind.HEADING ? 13 : BODY_SIZE;
        float leading = size * 1.3f;
        if (block.kind() == Kind.HEADING) {
          y -= PARAGRAPH_GAP;
        }
        // Body paragraphs are set as in print: a gap before and the first line indented.
        float indent = block.kind() == Kind.PARAGRAPH ? INDENT : 0;
        boolean firstLine = true;
        for (String line : wrap(printable(block.text()), font, size, indent)) {
          if (y < MARGIN + 20) {
            pages.add(page);
            page = new ArrayList<>();
            y = HEIGHT - MARGIN - 10;
          }
          page.add(new Line(line, font, size, MARGIN + (firstLine ? indent : 0), y));
          firstLine = false;
          for (String w : line.split(" ")) {
            words.add(w);
            wordPages.add(pages.size() + 1);
          }
          y -= leading;
        }
        y -= PARAGRAPH_GAP;
      }
      pages.add(page);
      for (int p = 0; p < pages.size(); p++) {
        PDPage pdfPage = new PDPage(new PDRectangle(WIDTH, HEIGHT));
        pdf.addPage(pdfPage);
        try (PDPageContentStream out = new PDPageContentStream(pdf, pdfPage)) {
          write(out, italic, 9, MARGIN, HEIGHT - 40, RUNNING_HEADER);
          for (Line line : pages.get(p)) {
            write(out, line.font(), line.size(), line.x(), line.y(), line.text());
          }
          String number = String.valueOf(p + 1);
          write(out, regular, 9, WIDTH / 2, 40, number);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return new PdfPrint(bytes.toByteArray(), words, wordPages, pages.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the blocks as a Word document: the title in Title style, headings in Heading 1. */
  public static byte[] docx(List<Block> blocks) {
    try (XWPFDocument docx = new XWPFDocument()) {
      for (Block block : blocks) {
        var p = docx.createParagraph();
        if (block.kind() == Kind.TITLE) {
          p.setStyle("Title");
        } else if (block.kind() == Kind.HEADING) {
          p.setStyle("Heading1");
        }
        p.createRun().setText(block.text());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      docx.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Line(String text, PDType1Font font, float size, float x, float y) {}

  private static void write(
      PDPageContentStream out, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y);
    out.showText(text);
    out.endText();
  }

  /** Words wrapped to the text width; runs of spaces become one. */
  static List<String> wrap(String text, PDType1Font font, float size, float indent)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      float width = WIDTH - 2 * MARGIN - (lines.isEmpty() ? indent : 0);
      if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The standard PDF fonts encode Latin-1 and a few more: a letter outside them is printed as its
   * base letter ("Ō" as "O"), no-break spaces as spaces.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.replace('\u00A0', ' ').toCharArray()) {
      if (c < 0x100 || "“”‘’–—…•".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append(
            Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
      }
    }
    return out.toString();
  }
}
