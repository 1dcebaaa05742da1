/** Index: the embedding model, the passages it embeds, the vector cache and the BM25 index. */
package app.essayqa.index;
