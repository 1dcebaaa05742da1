/**
 * Essay QA: answers questions about an essay with cited, verbatim quotes. {@link
 * app.essayqa.Answerer} is the one port every front end asks through and {@link
 * app.essayqa.EssayQa} the facade behind it; {@code app.essayqa.launcher.Main} is the composition
 * root. Packages in pipeline order: config, ingest, index, retrieve, answer, generate (optional
 * answers written by a language model, every citation checked), then the front ends cli, telegram
 * and eval, then the launcher; {@code error} holds the exception they all share.
 */
package app.essayqa;
