package app.essayqa.ingest;

/**
 * One line of text on a PDF page, with where it stands (PDF units, y growing down the page).
 *
 * @param x left edge of the first character
 * @param endX right edge of the last character
 * @param y baseline
 * @param size font size of the first character
 */
record PdfLine(String text, float x, float endX, float y, float size) {}
