package app.essayqa.ingest;

/**
 * Reads one document format into the text the parser reads: blocks separated by blank lines, a line
 * starting {@code # } a heading (a section), every other block a paragraph. What a format holds
 * besides its article (navigation, scripts, code, running headers, page numbers) is left out, so it
 * can never be cited. A paged format also says where each page starts.
 *
 * <p>Implementations are stateless and safe to share.
 */
interface DocumentReader {
  /**
   * The text of {@code bytes}.
   *
   * @throws UnreadableFile when the bytes cannot be read as this format; its message says why in a
   *     few words, to follow the file's name
   */
  Extracted read(byte[] bytes) throws UnreadableFile;
}
