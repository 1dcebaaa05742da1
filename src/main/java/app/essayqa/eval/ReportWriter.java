package app.essayqa.eval;

import app.essayqa.config.Config;
import app.essayqa.error.EssayQaException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Writes the three reports of one suite run into the report folder. */
final class ReportWriter {
  private final Path dir;

  ReportWriter(Path dir) {
    this.dir = dir;
  }

  /** Returns the files written: {@code <stem>.json}, {@code .junit.xml}, {@code .html}. */
  List<Path> write(
      String stem,
      RunResult run,
      Optional<RunResult> baseline,
      List<RunResult.GateResult> gates,
      Config config,
      CaseSpill cases) {
    // The effective settings go into the JSON so two reports can be told apart later.
    Map<String, String> settings = new LinkedHashMap<>();
    new TreeSet<>(config.values().keySet()).forEach(key -> settings.put(key, config.display(key)));
    Path json = dir.resolve(stem + ".json");
    Path xml = dir.resolve(stem + ".junit.xml");
    Path html = dir.resolve(stem + ".html");
    try {
      JsonReport.write(json, run, baseline, gates, settings, cases);
      JunitXmlReport.write(xml, run, gates, cases);
      HtmlReport.write(html, run, baseline, gates, cases);
    } catch (IOException e) {
      throw new EssayQaException("cannot write reports to " + dir + ": " + e.getMessage(), e);
    }
    return List.of(json, xml, html);
  }
}
