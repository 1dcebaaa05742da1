/**
 * Ingest: reads the seed files and finds each document's title, sections, paragraphs and sentences.
 */
package app.essayqa.ingest;
