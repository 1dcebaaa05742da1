package app.essayqa.eval;

import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the evidence phrases of a suite that occur in no seed file, before the suite runs: such a
 * phrase can never be quoted, so its case would fail for a reason the report does not say (a typo
 * in the phrase, or a suite written for other seeds). Matched as {@link Matching} matches quotes.
 */
final class EvidenceCheck {
  /** Warnings beyond this many are counted, not listed: a suite for other seeds misses them all. */
  static final int MAX_LISTED = 10;

  private EvidenceCheck() {}

  /** One line per phrase no seed file holds, then a count of any not listed. */
  static List<String> missing(Suite suite, Library library) {
    List<String> seeds = new ArrayList<>();
    for (Document d : library.documents()) {
      seeds.add(Matching.normalize(d.text()));
    }
    List<String> lines = new ArrayList<>();
    int unlisted = 0;
    try (SuiteReader.CaseStream cases = SuiteReader.cases(suite)) {
      while (cases.hasNext()) {
        EvalCase c = cases.next();
        for (String phrase : c.evidence()) {
          String p = Matching.normalize(phrase);
          if (seeds.stream().anyMatch(s -> s.contains(p))) {
            continue;
          }
          if (lines.size() < MAX_LISTED) {
            lines.add(
                String.format(
                    java.util.Locale.ROOT,
                    "%s:%d: case %s: evidence \"%s\" occurs in no seed file; the case cannot hit",
                    suite.file(),
                    c.line(),
                    c.id(),
                    phrase));
          } else {
            unlisted++;
          }
        }
      }
    }
    if (unlisted > 0) {
      lines.add("... and " + unlisted + " more evidence phrases in no seed file");
    }
    return lines;
  }
}
