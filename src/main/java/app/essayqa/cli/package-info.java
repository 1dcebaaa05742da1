/**
 * Console front end: the REPL, {@code ask}, the {@code config} table and {@code bench}, driven by
 * the launcher's commands through {@link app.essayqa.Answerer}.
 */
package app.essayqa.cli;
