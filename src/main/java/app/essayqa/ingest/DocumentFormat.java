package app.essayqa.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a seed file may be in, each with its reader. A file's format comes from its content
 * where the content says (a PDF header, a Word package, an HTML document type), else from its
 * extension: a PDF saved as {@code .txt} is still read as a PDF.
 */
enum DocumentFormat {
  TEXT(new PlainTextReader(), ".txt"),
  MARKDOWN(new MarkdownReader(), ".md", ".markdown"),
  HTML(new HtmlReader(), ".html", ".htm", ".xhtml"),
  PDF(new PdfReader(), ".pdf"),
  DOCX(new DocxReader(), ".docx");

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  /** Every Word package holds this part; its name is stored uncompressed in the zip. */
  private static final byte[] WORD_PART = "word/document.xml".getBytes(StandardCharsets.US_ASCII);

  /** Where a PDF header or an HTML start may stand (after a BOM, blank lines or a comment). */
  private static final int SNIFF_BYTES = 1024;

  private final DocumentReader reader;
  private final String[] extensions;

  DocumentFormat(DocumentReader reader, String... extensions) {
    this.reader = reader;
    this.extensions = extensions;
  }

  DocumentReader reader() {
    return reader;
  }

  /** The format a file name's extension names, if it names one. */
  static Optional<DocumentFormat> byName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (DocumentFormat format : values()) {
      for (String extension : format.extensions) {
        if (name.endsWith(extension)) {
          return Optional.of(format);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The format of a seed file: what its first bytes show, else what its extension names.
   *
   * @throws UnreadableFile when the extension names a binary format the bytes are not
   */
  static DocumentFormat of(String fileName, byte[] bytes) throws UnreadableFile {
    Optional<DocumentFormat> named = byName(fileName);
    if (startsWith(bytes, ZIP_MAGIC)) {
      if (indexOf(bytes, WORD_PART) >= 0) {
        return DOCX;
      }
      if (named.isEmpty() || named.get() == DOCX) {
        throw new UnreadableFile("a zip archive without word/document.xml, not a Word document");
      }
    } else if (named.isPresent() && named.get() == DOCX) {
      throw new UnreadableFile("not a Word document (a .docx is a zip archive; this is not one)");
    }
    // Only a file named .pdf may have bytes before its header (the PDF standard allows 1 KB).
    boolean namedPdf = named.isPresent() && named.get() == PDF;
    if (startsWith(bytes, PDF_MAGIC) || (namedPdf && indexOf(head(bytes), PDF_MAGIC) >= 0)) {
      return PDF;
    }
    if (namedPdf) {
      throw new UnreadableFile("not a PDF (no %PDF- header): corrupt or another format");
    }
    if (looksLikeHtml(bytes)) {
      return HTML;
    }
    return named.orElse(TEXT);
  }

  private static boolean looksLikeHtml(byte[] bytes) {
    String head = new String(head(bytes), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) > 0x7f)) {
      i++;
    }
    String start = head.substring(i);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  private static byte[] head(byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, Math.min(bytes.length, SNIFF_BYTES));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
