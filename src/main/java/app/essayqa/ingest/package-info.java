/**
 * Ingest: reads the seed files (plain text, Markdown, HTML, PDF, Word, one {@code DocumentReader}
 * each) and finds each document's title, sections, paragraphs, sentences and, for PDF, pages.
 */
package app.essayqa.ingest;
