/**
 * Answer: picks the sentences that answer a question, cites them, or says the essay does not say.
 */
package app.essayqa.answer;
