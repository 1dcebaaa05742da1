/** Retrieve: ranks passages for a question by meaning (MiniLM), by words (Lucene BM25) and both. */
package app.essayqa.retrieve;
