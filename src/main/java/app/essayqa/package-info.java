/**
 * Essay QA: answers questions about an essay with cited, verbatim quotes. {@link
 * app.essayqa.EssayQa} is the facade every front end talks to; {@link app.essayqa.Main} is the
 * composition root. Packages in pipeline order: config, ingest, index, retrieve, answer, then the
 * front ends cli, telegram and eval.
 */
package app.essayqa;
