package app.essayqa.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word file, read with Apache POI: paragraphs in a heading style (or Title) become sections,
 * other paragraphs, each table cell and each footnote paragraphs (footnotes last, under their own
 * heading). POI's zip-bomb limits are on: an entry that inflates more than {@link
 * #MIN_INFLATE_RATIO} allows, or past {@link #MAX_ENTRY_BYTES}, is refused.
 */
final class DocxReader implements DocumentReader {
  /** The section that holds the footnotes, after the text. */
  static final String FOOTNOTES = "Footnotes";

  /** An entry may inflate to 100 times its compressed size; text compresses far less. */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** No entry of a document within the seed size limit needs more. */
  static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

  private static final Pattern HEADING_STYLE =
      Pattern.compile("(?i)^(heading\\s*\\d|title|subtitle)$");

  static {
    // Process-wide settings of POI, set once here: the only code that opens zip packages.
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  @Override
  public Extracted read(byte[] bytes) throws UnreadableFile {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      BlockText out = new BlockText();
      for (IBodyElement element : docx.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          paragraph(docx, p, out);
        } else if (element instanceof XWPFTable table) {
          table(table, out);
        }
      }
      boolean first = true;
      for (XWPFFootnote note : docx.getFootnotes()) {
        for (XWPFParagraph p : note.getParagraphs()) {
          String text = text(p);
          if (!text.isBlank()) {
            if (first) {
              out.heading(FOOTNOTES);
              first = false;
            }
            out.paragraph(text);
          }
        }
      }
      return Extracted.unpaged(out.toString());
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFile(reason(e));
    } catch (NoClassDefFoundError e) {
      // The jar leaves out POI's spreadsheet and slide code (pom.xml): a chart needs it.
      throw new UnreadableFile("holds a part this program does not read (a chart?); not read");
    }
  }

  private static void paragraph(XWPFDocument docx, XWPFParagraph p, BlockText out) {
    String text = text(p);
    if (isHeading(docx, p)) {
      out.heading(text);
    } else {
      out.paragraph(text);
    }
  }

  private static void table(XWPFTable table, BlockText out) {
    for (XWPFTableRow row : table.getRows()) {
      for (XWPFTableCell cell : row.getTableCells()) {
        for (XWPFParagraph p : cell.getParagraphs()) {
          out.paragraph(text(p));
        }
      }
    }
  }

  /** The runs' text: no footnote marks or field codes, which POI's paragraph text inlines. */
  private static String text(XWPFParagraph p) {
    StringBuilder text = new StringBuilder();
    for (XWPFRun run : p.getRuns()) {
      var ctr = run.getCTR();
      if (ctr.sizeOfFootnoteReferenceArray() > 0 || ctr.sizeOfEndnoteReferenceArray() > 0) {
        // POI writes the mark as "[footnoteRef:1]"; only the run's own text is the author's.
        ctr.getTList().forEach(t -> text.append(t.getStringValue()));
      } else {
        text.append(run.text());
      }
    }
    return text.toString().replace('\t', ' ');
  }

  private static boolean isHeading(XWPFDocument docx, XWPFParagraph p) {
    String id = p.getStyleID();
    if (id == null) {
      return false;
    }
    XWPFStyle style = docx.getStyles() == null ? null : docx.getStyles().getStyle(id);
    String name = style != null && style.getName() != null ? style.getName() : id;
    return HEADING_STYLE.matcher(name.strip()).matches()
        || HEADING_STYLE.matcher(id.strip()).matches();
  }

  private static String reason(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("zip bomb")) {
        return "looks like a zip bomb (inflates over "
            + Math.round(1 / MIN_INFLATE_RATIO)
            + " times its size); not read";
      }
    }
    return "not a readable Word document (" + oneLine(e) + ")";
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.strip().replaceAll("\\s+", " ");
    return message.length() > 120 ? message.substring(0, 117) + "..." : message;
  }
}
