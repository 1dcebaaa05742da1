/** Evaluation: runs YAML suites of questions through an Answerer and scores the answers. */
package app.essayqa.eval;
