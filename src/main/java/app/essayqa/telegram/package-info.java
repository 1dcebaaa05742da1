/**
 * Telegram front end: long-polls the Bot API, answers through the facade, sends cited answers in
 * HTML.
 */
package app.essayqa.telegram;
