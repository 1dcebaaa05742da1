package app.essayqa.telegram;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The bot as {@code essay-qa telegram} runs it ({@link BotService#serve}: state folder lock, {@link
 * StopSignal}, exit statuses) but over a {@link ScriptedAnswerer}, so that the crash tests can
 * start and kill it many times quickly. Arguments: Bot API URL, state folder, gap in ms between
 * messages to one chat, answer delay in ms. The token comes from {@code TELEGRAM_BOT_TOKEN}.
 */
public final class ScriptedBot {
  private ScriptedBot() {}

  public static void main(String[] args) throws Exception {
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    BotSettings settings =
        new BotSettings(
            URI.create(args[0]),
            List.of(),
            500,
            1000,
            args.length > 4 ? Integer.parseInt(args[4]) : 4,
            Path.of(args[1]),
            Duration.ofSeconds(1),
            new BotSettings.SendRatesSpec(Long.parseLong(args[2]), 20, 30),
            Duration.ofSeconds(3));
    ToIntFunction<BotService.Outcome> status =
        outcome ->
            switch (outcome) {
              case STOPPED -> 0;
              case REFUSED -> 2;
              case UNREACHABLE -> 3;
            };
    BotService.Outcome outcome =
        BotService.serve(
            System.getenv(BotSettings.TOKEN_ENV),
            settings,
            () -> new ScriptedAnswerer(Long.parseLong(args[3])),
            err,
            status);
    System.exit(status.applyAsInt(outcome));
  }
}
