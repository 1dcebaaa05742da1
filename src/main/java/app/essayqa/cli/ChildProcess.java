package app.essayqa.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs this program in a child JVM for the bench, measuring what only a separate process shows: the
 * wall time from launch to the first answer, and the peak resident memory.
 */
final class ChildProcess {
  private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

  /** Long enough for a first index of ~10 MB of seeds on two busy cores. */
  private static final long TIMEOUT_SECONDS = 3600;

  /** What one run showed; {@code firstOutputMs} is -1 when nothing was printed. */
  record Run(
      int exitCode,
      double firstOutputMs,
      double wallMs,
      long peakRssKb,
      String stderr,
      String stdout) {}

  private final List<String> command;
  private final Map<String, String> environment;

  /**
   * @param command the full command line: java, its flags, {@code -jar}, the jar, the arguments
   */
  ChildProcess(List<String> command, Map<String, String> environment) {
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
  }

  /**
   * Starts the process, writes {@code stdinLines} to it and closes its input, and waits for it to
   * end, watching {@code /proc/<pid>/status} for the memory high-water mark while it runs.
   */
  Run run(List<String> stdinLines) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process process = builder.start();
    long[] firstOutput = {-1};
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    Thread outReader = drain("bench-child-out", process.getInputStream(), stdout, firstOutput);
    Thread errReader = drain("bench-child-err", process.getErrorStream(), stderr, null);
    Thread writer = feed(process.getOutputStream(), stdinLines);
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    long peakKb = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
      peakKb = Math.max(peakKb, highWaterMarkKb(status).orElse(-1L));
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        process.waitFor();
        break;
      }
    }
    long ended = System.nanoTime();
    writer.join();
    outReader.join();
    errReader.join();
    double wall = (ended - started) / 1e6;
    // The reader thread may see the output only after the exit was noticed; it was written before.
    double first = firstOutput[0] < 0 ? -1 : Math.min(wall, (firstOutput[0] - started) / 1e6);
    return new Run(
        process.exitValue(),
        first,
        wall,
        peakKb,
        stderr.toString(StandardCharsets.UTF_8),
        stdout.toString(StandardCharsets.UTF_8));
  }

  static Optional<Long> highWaterMarkKb(Path status) {
    try {
      Matcher m = VM_HWM.matcher(Files.readString(status, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux, or the process just ended
    }
  }

  /** Reads a stream to its end so the child never blocks on a full pipe. */
  private static Thread drain(String name, InputStream in, OutputStream copy, long[] firstByte) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  if (firstByte != null && firstByte[0] < 0) {
                    firstByte[0] = System.nanoTime();
                  }
                  if (copy != null) {
                    copy.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // The child ended; whatever it printed is what there is.
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Thread feed(OutputStream stdin, List<String> lines) {
    Thread t =
        new Thread(
            () -> {
              try (stdin) {
                for (String line : lines) {
                  stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // The child stopped reading early; its exit code tells what happened.
              }
            },
            "bench-child-in");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Copies a list into a new mutable one, for building command lines. */
  static List<String> listOf(List<String> first, List<String> rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(rest);
    return all;
  }
}
