package app.essayqa.telegram;

import app.essayqa.EssayQaException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The bot as {@code essay-qa telegram} runs it (state folder lock, {@link TelegramBot#run}, {@link
 * StopSignal}, exit statuses) but over a {@link ScriptedAnswerer}, so that the crash tests can
 * start and kill it many times quickly. Arguments: Bot API URL, state folder, gap in ms between
 * messages to one chat, answer delay in ms. The token comes from {@code TELEGRAM_BOT_TOKEN}.
 */
public final class ScriptedBot {
  private ScriptedBot() {}

  public static void main(String[] args) throws Exception {
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    StopSignal signal = new StopSignal();
    int status = 3;
    try {
      BotSettings settings =
          new BotSettings(
              URI.create(args[0]),
              List.of(),
              500,
              1000,
              4,
              Path.of(args[1]),
              Duration.ofSeconds(1),
              new BotSettings.SendRatesSpec(Long.parseLong(args[2]), 20, 30),
              Duration.ofSeconds(3));
      try (UpdateJournal journal = UpdateJournal.open(settings.stateDir());
          BotApi api =
              new BotApi(
                  System.getenv(BotSettings.TOKEN_ENV), settings.apiUrl(), settings.pollTimeout());
          ScriptedAnswerer qa = new ScriptedAnswerer(Long.parseLong(args[3]))) {
        BotIdentity me = TelegramBot.identify(api);
        Optional<String> failure = TelegramBot.run(qa, api, settings, me, journal, signal);
        failure.ifPresent(f -> err.println("error: " + f));
        status = failure.isPresent() ? 2 : 0;
      }
    } catch (EssayQaException e) {
      err.println("error: " + e.getMessage());
      status = 2;
    } finally {
      signal.finish(status);
    }
    System.exit(status);
  }
}
