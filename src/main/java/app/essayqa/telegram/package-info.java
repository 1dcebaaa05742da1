/**
 * Telegram front end: long-polls the Bot API, answers through the Answerer port, sends cited
 * answers in HTML.
 */
package app.essayqa.telegram;
