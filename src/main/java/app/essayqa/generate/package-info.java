/**
 * Generate: optional answers written by a language model ({@code answer.mode=llm}) from the
 * retrieved passages, every citation and quote verified before display, the extractive answer as
 * the fallback. Depends on the stages below it, never the reverse.
 */
package app.essayqa.generate;
