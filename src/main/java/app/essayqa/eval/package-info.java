/** Evaluation: runs YAML suites of questions through the facade and scores the answers. */
package app.essayqa.eval;
