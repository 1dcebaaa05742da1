package app.essayqa.telegram;

/** Who the bot is, from {@code getMe}: its user id and username (without {@code @}). */
record BotIdentity(long id, String username) {}
