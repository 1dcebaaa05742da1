/** Command line: the picocli commands (repl, ask, config, bench) and the options they share. */
package app.essayqa.cli;
