/**
 * Retrieve: ranks passages for a question three ways and fuses the rankings: by meaning (MiniLM
 * sentence vectors), by words (Lucene BM25, with near synonyms of the question's words) and token
 * by token (late interaction over MiniLM token vectors, reranking what the other two found).
 */
package app.essayqa.retrieve;
