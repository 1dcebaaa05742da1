package app.essayqa.telegram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bot in a child JVM, for tests that kill it: its stderr is read line by line as it comes, so a
 * test can wait for a log line instead of sleeping.
 */
final class BotProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private BotProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "bot-process-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code mainClass} with {@code args} on the test class path.
   *
   * @param jvmOptions extra JVM options, such as {@code -Dessayqa.telegram.crash-at=sending}
   */
  static BotProcess start(
      String mainClass, List<String> jvmOptions, List<String> args, Map<String, String> env)
      throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return startCommand(command, env);
  }

  /** Starts {@code command} as given, e.g. the launcher script with its own JVM flags. */
  static BotProcess startCommand(List<String> command, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("ESSAYQA_LOG_LEVEL");
    builder.environment().remove("TELEGRAM_API_URL");
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return new BotProcess(builder.start());
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
    synchronized (this) {
      notifyAll();
    }
  }

  /** Waits (bounded) for a stderr line matching {@code match}, and returns it. */
  synchronized String awaitLine(Predicate<String> match, String what, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    int seen = 0;
    while (true) {
      for (; seen < lines.size(); seen++) {
        if (match.test(lines.get(seen))) {
          return lines.get(seen);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
        throw new AssertionError(
            "no line "
                + what
                + " in the bot's log after "
                + max
                + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                + ":\n  "
                + String.join("\n  ", lines));
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  String awaitLine(String contains, Duration max) throws InterruptedException {
    return awaitLine(l -> l.contains(contains), "containing '" + contains + "'", max);
  }

  /** The log so far, and all of it once the process has exited and its stderr is read. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits (bounded) for the process to end and its stderr to be read; returns its status. */
  int awaitExit(Duration max) throws InterruptedException {
    if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the bot is still running after " + max);
    }
    reader.join(max.toMillis());
    return process.exitValue();
  }

  /** The process id: the JVM's own when the command execs it, as the launcher does. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** kill -9. (Through the handle: {@link Process#destroy} would also close our end of stderr.) */
  void kill() {
    process.toHandle().destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, as from {@code systemd} or {@code docker stop}. */
  void terminate() {
    process.toHandle().destroy();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
