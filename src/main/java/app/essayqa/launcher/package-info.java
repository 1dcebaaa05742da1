/**
 * The launcher: {@link app.essayqa.launcher.Main}, the composition root, and the picocli commands
 * (repl, ask, config, bench, eval, telegram) as thin adapters: options in, one call into a front
 * end ({@code cli}, {@code eval}, {@code telegram}), the outcome out as an {@link
 * app.essayqa.launcher.ExitCode}. It depends on every front end and none depends on it; it alone
 * builds the real facade and may print to the process's own standard streams.
 */
package app.essayqa.launcher;
