package app.essayqa.ingest;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF, read with Apache PDFBox: each page's lines in reading order with their position, then
 * {@link PdfLayout} finds paragraphs and running headers. A PDF that opens only with a password is
 * refused as encrypted; one with no text layer (scanned pages) is refused, since OCR is not done.
 */
final class PdfReader implements DocumentReader {
  @Override
  public Extracted read(byte[] bytes) throws UnreadableFile {
    List<List<PdfLine>> pages;
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      LineCollector collector = new LineCollector();
      collector.writeText(pdf, Writer.nullWriter());
      pages = collector.pages;
    } catch (InvalidPasswordException e) {
      throw new UnreadableFile("encrypted PDF (it needs a password); not read");
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFile("not a readable PDF, corrupt or truncated (" + oneLine(e) + ")");
    }
    if (pages.stream().allMatch(List::isEmpty)) {
      throw new UnreadableFile(
          "PDF has no text layer (scanned pages?); OCR is not done, so it is not read");
    }
    return PdfLayout.extract(pages);
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.strip().replaceAll("\\s+", " ");
    return message.length() > 120 ? message.substring(0, 117) + "..." : message;
  }

  /** Collects the lines PDFBox writes, page by page, instead of writing them out. */
  private static final class LineCollector extends PDFTextStripper {
    final List<List<PdfLine>> pages = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private TextPosition first;
    private TextPosition last;

    LineCollector() {
      // PDFBox's own paragraph and article marks are not used: PdfLayout reads the geometry.
      setSuppressDuplicateOverlappingText(true);
    }

    @Override
    protected void startPage(PDPage page) {
      pages.add(new ArrayList<>());
    }

    @Override
    protected void endPage(PDPage page) {
      endLine();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      if (positions.isEmpty()) {
        line.append(text);
        return;
      }
      if (first == null) {
        first = positions.get(0);
      }
      last = positions.get(positions.size() - 1);
      line.append(text);
    }

    @Override
    protected void writeWordSeparator() {
      line.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    @Override
    protected void writeParagraphStart() {}

    @Override
    protected void writeParagraphEnd() {}

    @Override
    protected void writePageStart() {}

    @Override
    protected void writePageEnd() {}

    private void endLine() {
      String text = line.toString().strip();
      if (!text.isEmpty() && first != null && !pages.isEmpty()) {
        pages
            .get(pages.size() - 1)
            .add(
                new PdfLine(
                    text,
                    first.getXDirAdj(),
                    last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj(),
                    first.getFontSizeInPt() > 0 ? first.getFontSizeInPt() : first.getHeightDir()));
      }
      line.setLength(0);
      first = null;
      last = null;
    }
  }
}
