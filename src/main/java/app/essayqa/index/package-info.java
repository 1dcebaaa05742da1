/**
 * Index: the embedding model, the passages (sentences, with their clauses and context), their
 * sentence, context and token vectors, the essay's vocabulary, and the cache that keeps the vectors
 * across starts. Lexical (BM25) indexing belongs to retrieve.
 */
package app.essayqa.index;
