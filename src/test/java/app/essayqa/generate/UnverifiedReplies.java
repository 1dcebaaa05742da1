package app.essayqa.generate;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Composed;
import app.essayqa.ingest.Library;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every way a model's reply fails, each as the answer a front end gets: a fault of the server or
 * the connection (its error body written by the "model" side) and each failure of the citation
 * check, after the retry. For the tests of every front end that nothing unverified is shown.
 */
public final class UnverifiedReplies {
  static final String QUESTION = "When and where did the festival begin?";

  /** Text no sentence of the fixture essay holds: any of it shown came from the model. */
  private static final String FABRICATED = "funded by the Ministry of Magic in 1850";

  /**
   * One failed reply.
   *
   * @param name what failed, for the test's report
   * @param unverified the model-side text that failed (replies, error bodies)
   * @param answer the answer a front end is handed
   */
  public record Case(String name, List<String> unverified, Answer answer) {
    /** The first run of three words of the unverified text that {@code shown} holds. */
    public Optional<String> leakedInto(String shown) {
      String seen = " " + words(shown) + " ";
      return unverifiedShingles().stream().filter(w -> seen.contains(" " + w + " ")).findFirst();
    }

    private Set<String> unverifiedShingles() {
      String essayText = " " + words(Passages.ESSAY) + " ";
      Set<String> shingles = new LinkedHashSet<>();
      for (String text : unverified) {
        String[] words = words(text).split(" ");
        for (int i = 0; i + 3 <= words.length; i++) {
          String shingle = String.join(" ", List.of(words).subList(i, i + 3));
          // What the essay says too may be quoted from the essay.
          if (!essayText.contains(" " + shingle + " ")) {
            shingles.add(shingle);
          }
        }
      }
      return shingles;
    }
  }

  /**
   * The cases and the library their citations come from.
   *
   * @param library the fixture essay, parsed
   * @param cases every failure, each composed once
   */
  public record Run(Library library, List<Case> cases) {}

  private UnverifiedReplies() {}

  /** Lower-case letters and digits, one space between runs: text as read, markup aside. */
  private static String words(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** Each case, its server closed when it returns; {@code logged} runs each composing call. */
  public static Run all(Path dir, Consumer<Runnable> logged) {
    Passages essay = Passages.in(dirFor(dir));
    List<Case> cases = new ArrayList<>();
    List<String> quote =
        List.of(
            "The festival was \"" + FABRICATED + "\" [1].",
            "Every lantern was \"paid for by seventeen dragons\" [2].");
    check(essay, cases, logged, "a quote not in the passage it cites", quote, quote);
    List<String> ungiven =
        List.of(
            "The workshop met in Zanzibar under a violet moon [6].",
            "The workshop met in Zanzibar under a violet moon [7].");
    check(essay, cases, logged, "a passage it was not given", ungiven, ungiven);
    List<String> uncited =
        List.of(
            "Seventeen dragons opened the gala in Zanzibar.",
            "The Ministry of Magic opened the gala.");
    check(essay, cases, logged, "no citation", uncited, uncited);
    String fabricated = "It was \"" + FABRICATED + "\" [2].";
    check(
        essay,
        cases,
        logged,
        "one sentence verified, one not",
        List.of("It began in Seoul in December 2019 [1]. " + fabricated),
        List.of(fabricated));
    String body = "the Ministry of Magic forbids this request";
    fault(essay, cases, logged, "server error", new FakeOpenAiServer.Status(500, body, null));
    fault(essay, cases, logged, "bad request", new FakeOpenAiServer.Status(400, body, null));
    fault(essay, cases, logged, "unauthorized", new FakeOpenAiServer.Status(401, body, null));
    fault(essay, cases, logged, "unknown model", new FakeOpenAiServer.Status(404, body, null));
    fault(essay, cases, logged, "rate limited", new FakeOpenAiServer.Status(429, body, "5"));
    fault(essay, cases, logged, "malformed reply", new FakeOpenAiServer.Malformed());
    fault(essay, cases, logged, "empty reply", new FakeOpenAiServer.Text("", 0));
    fault(essay, cases, logged, "no reply in time", new FakeOpenAiServer.Silent(2_000));
    fault(
        essay,
        cases,
        logged,
        "a reply that trickles past the timeout",
        new FakeOpenAiServer.Text(
            "Dragons from the Ministry of Magic came [1]. They stayed for seventeen years [2].",
            150));
    cases.add(unreachable(essay, logged));
    return new Run(essay.library, cases);
  }

  private static void check(
      Passages essay,
      List<Case> cases,
      Consumer<Runnable> logged,
      String name,
      List<String> replies,
      List<String> unverified) {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      replies.forEach(server::thenText);
      cases.add(new Case(name, unverified, ask(essay, server.baseUrl(), 1_500, logged)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fault(
      Passages essay,
      List<Case> cases,
      Consumer<Runnable> logged,
      String name,
      FakeOpenAiServer.Reply reply) {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      server.then(reply);
      // What the fake sends when it is too late is never to be shown either.
      List<String> unverified = List.of("Too late [1].");
      if (reply instanceof FakeOpenAiServer.Status s) {
        unverified = List.of(s.message());
      } else if (reply instanceof FakeOpenAiServer.Text t) {
        unverified = List.of(t.text());
      }
      cases.add(new Case(name, unverified, ask(essay, server.baseUrl(), 400, logged)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case unreachable(Passages essay, Consumer<Runnable> logged) {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Case(
        "nothing listens",
        List.of(),
        ask(essay, "http://127.0.0.1:" + port + "/v1", 1_500, logged));
  }

  private static Answer ask(
      Passages essay, String baseUrl, long timeoutMs, Consumer<Runnable> logged) {
    LlmSettings settings =
        new LlmSettings(
            baseUrl, "tiny-model", Duration.ofMillis(timeoutMs), 200, 0, Optional.empty());
    LlmAnswerComposer composer =
        new LlmAnswerComposer(essay.extractive, new ChatClient(settings), 30_000);
    Composed[] composed = new Composed[1];
    logged.accept(
        () ->
            composed[0] =
                composer.compose(
                    QUESTION,
                    essay.ranked(),
                    List.of("festival", "begin"),
                    List.of(),
                    sentence -> {}));
    Composed c = composed[0];
    return new Answer(
        QUESTION,
        c.text(),
        c.declined(),
        c.citations(),
        List.of(),
        "v1",
        Map.of(),
        List.of(),
        c.generation());
  }

  private static Path dirFor(Path dir) {
    try {
      return Files.createDirectories(dir.resolve("unverified"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
