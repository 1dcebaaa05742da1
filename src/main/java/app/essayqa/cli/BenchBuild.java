package app.essayqa.cli;

import app.essayqa.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One build the bench starts in child JVMs: its jar, the JVM flags it runs with, and a cache folder
 * of its own, so two builds whose index formats differ never overwrite each other's index. Its
 * first, untimed start fills that cache and records a class-data archive for the build, as the
 * launcher's first run does; the timed starts then map it.
 */
final class BenchBuild {
  private final String label;
  private final Path jar;
  private final List<String> flags;
  private final List<String> shortRunFlags;
  private final Path cache;
  private final List<String> configArgs;
  private final Map<String, String> environment;

  /**
   * @param flags JVM flags for every mode
   * @param shortRunFlags JVM flags before {@code flags} for {@code ask} and {@code repl}: the
   *     launcher's JIT flags for those modes
   * @param cache this build's cache folder (index, model, class-data archive)
   * @param configArgs the configuration options of this run, passed on to every child
   */
  BenchBuild(
      String label,
      Path jar,
      List<String> flags,
      List<String> shortRunFlags,
      Path cache,
      List<String> configArgs,
      Map<String, String> environment) {
    this.label = label;
    this.jar = jar;
    this.flags = List.copyOf(flags);
    this.shortRunFlags = List.copyOf(shortRunFlags);
    this.cache = cache;
    this.configArgs = List.copyOf(configArgs);
    this.environment = Map.copyOf(environment);
  }

  String label() {
    return label;
  }

  Path jar() {
    return jar;
  }

  long jarBytes() {
    try {
      return Files.size(jar);
    } catch (IOException e) {
      return -1;
    }
  }

  private Path archive() {
    return cache.resolve("cds").resolve("bench.jsa");
  }

  /** Untimed: fills the cache and records the class-data archive (kept if the run succeeded). */
  ChildProcess.Run prepare(String question) throws IOException, InterruptedException {
    Files.createDirectories(archive().getParent());
    Path partial = archive().resolveSibling("bench.jsa.part");
    Files.deleteIfExists(archive());
    List<String> archiving =
        List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    ChildProcess.Run run = child(archiving, "ask", List.of("--", question)).run(List.of());
    if (run.exitCode() == 0 && Files.isRegularFile(partial)) {
      Files.move(partial, archive());
    } else {
      Files.deleteIfExists(partial);
    }
    return run;
  }

  /** One question from the command line: start to first answer. */
  ChildProcess askOne(String question) {
    return child(mapped(), "ask", List.of("--", question));
  }

  /** {@code ask --json --file -} fed the questions on standard input. */
  ChildProcess batch() {
    return child(mapped(), "ask", List.of("--json", "--file", "-"));
  }

  /** The REPL fed the questions on standard input. */
  ChildProcess repl() {
    return child(mapped(), "repl", List.of());
  }

  private List<String> mapped() {
    return Files.isRegularFile(archive())
        ? List.of("-XX:SharedArchiveFile=" + archive(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
        : List.of();
  }

  /** The command line of a child, for the bench's output. */
  List<String> command(String mode) {
    return command(mapped(), mode, List.of());
  }

  private ChildProcess child(List<String> archiveFlags, String mode, List<String> tail) {
    return new ChildProcess(command(archiveFlags, mode, tail), environment);
  }

  private List<String> command(List<String> archiveFlags, String mode, List<String> tail) {
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.javaBinary());
    if (mode.equals("ask") || mode.equals("repl")) {
      command.addAll(shortRunFlags);
    }
    command.addAll(flags);
    command.addAll(archiveFlags);
    command.add("-jar");
    command.add(jar.toString());
    command.add(mode);
    command.addAll(configArgs);
    command.add("--set=" + ConfigKeys.CACHE_DIR + "=" + cache);
    command.addAll(tail);
    return command;
  }
}
