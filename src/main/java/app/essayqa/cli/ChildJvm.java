package app.essayqa.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start this program again in a child JVM, the way the launcher started this one. */
final class ChildJvm {
  private ChildJvm() {}

  /** java, this JVM's own flags (the launcher's), -jar and the jar. */
  static List<String> command(Path jar) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(flags(jar));
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  /**
   * The flags this JVM was started with, so the children start the way the launcher starts the
   * program. The launcher names its class-data archive in {@code essayqa.cds}: the children map it
   * when it is newer than the jar (the launcher's rule; an older one no longer matches the jar),
   * and never dump it themselves.
   */
  static List<String> flags(Path jar) {
    List<String> flags = ownFlags();
    String cds = System.getProperty("essayqa.cds");
    if (cds != null && newer(Path.of(cds), jar)) {
      flags.add("-XX:SharedArchiveFile=" + cds);
      flags.add("-Xlog:cds=off");
      flags.add("-Xlog:cds+dynamic=off");
    }
    return flags;
  }

  /** This JVM's flags without its class-data archive and agents (a debugger, coverage). */
  static List<String> ownFlags() {
    List<String> flags = new ArrayList<>();
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      boolean archive =
          flag.startsWith("-XX:ArchiveClassesAtExit")
              || flag.startsWith("-XX:SharedArchiveFile")
              || flag.startsWith("-Xlog:cds");
      boolean agent = flag.startsWith("-agentlib:") || flag.startsWith("-javaagent:");
      if (!archive && !agent) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /**
   * The JIT flags the launcher gives {@code ask} and {@code repl} (it names them in {@code
   * essayqa.short-run-jit}), put before this JVM's own flags so an {@code ESSAYQA_JAVA_OPTS} flag
   * still wins; none when this JVM was not started by the launcher.
   */
  static List<String> shortRunFlags() {
    String flags = System.getProperty("essayqa.short-run-jit", "").strip();
    return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
  }

  private static boolean newer(Path file, Path than) {
    try {
      return Files.isRegularFile(file)
          && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The jar this program runs from, else the one the build makes in the project folder. */
  static Path jar(Path home) {
    try {
      Path self =
          Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (self.toString().endsWith(".jar")) {
        return self;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Not run from a jar: use the project's.
    }
    return home.resolve("target/essay-qa.jar");
  }

  /** This JVM's launcher binary, so the child runs on the same Java. */
  static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static String shellQuoted(List<String> command) {
    return String.join(
        " ",
        command.stream()
            .map(a -> a.matches("[A-Za-z0-9_./:=+,@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
            .toList());
  }
}
