package app.essayqa.eval;

import app.essayqa.config.Yaml;
import app.essayqa.error.IoReason;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads suite files with Jackson's streaming YAML parser, one case at a time, so a suite of any
 * size is checked and run in flat memory. {@link #validate} reads the whole file once and rejects a
 * malformed suite before anything runs; {@link #cases} streams the cases again for the run.
 */
final class SuiteReader implements AutoCloseable {
  private static final Set<String> TOP_KEYS = Set.of("name", "thresholds", "cases");
  private static final Set<String> CASE_KEYS =
      Set.of("id", "question", "evidence", "answer_contains", "abstain", "tags", "short");
  private static final YAMLFactory YAML = yamlFactory();

  private final Path file;
  private final JsonParser parser;

  private SuiteReader(Path file) {
    this.file = file;
    if (Files.isDirectory(file)) {
      throw new SuiteException(file + ": is a folder, not a suite file");
    }
    try {
      this.parser = YAML.createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new SuiteException(file + ": no such suite file");
    } catch (IOException e) {
      throw new SuiteException(file + ": cannot read the suite: " + IoReason.of(e));
    }
  }

  private static YAMLFactory yamlFactory() {
    // SnakeYAML refuses documents over 3 MB by default; a 10,000-case suite may be larger.
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(512 * 1024 * 1024);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /**
   * Checks the whole suite: structure, keys, types, duplicate ids, thresholds.
   *
   * @throws SuiteException naming file, line and field of the first mistake
   */
  static Suite validate(Path file) {
    try (SuiteReader reader = new SuiteReader(file)) {
      return reader.readSuite();
    }
  }

  /** Streams the cases of a validated suite; close it when done. */
  static CaseStream cases(Suite suite) {
    SuiteReader reader = new SuiteReader(suite.file());
    reader.guarded(reader::skipToCases);
    return reader.new CaseStream();
  }

  /** The cases of a suite, one at a time, parsed only when asked for. */
  final class CaseStream implements Iterator<EvalCase>, AutoCloseable {
    private EvalCase next;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      if (next == null && !exhausted) {
        next = guarded(() -> parser.nextToken() == JsonToken.START_OBJECT ? readCase() : null);
        // Past the end of the list the parser is in the suite's other keys; never read on.
        exhausted = next == null;
      }
      return next != null;
    }

    @Override
    public EvalCase next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      EvalCase c = next;
      next = null;
      return c;
    }

    @Override
    public void close() {
      SuiteReader.this.close();
    }
  }

  private Suite readSuite() {
    return guarded(
        () -> {
          JsonToken first = parser.nextToken();
          if (first == null) {
            throw error(1, "", "the suite is empty (expected name, thresholds and cases)");
          }
          if (first != JsonToken.START_OBJECT) {
            throw error(line(), "", "the suite must be a mapping with name, thresholds and cases");
          }
          String name = null;
          List<PendingThreshold> thresholds = new ArrayList<>();
          Set<String> ids = new HashSet<>();
          Set<String> tags = new LinkedHashSet<>();
          int size = -1;
          Set<String> seen = new HashSet<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line();
            if (!seen.add(key)) {
              throw error(keyLine, key, "appears twice");
            }
            parser.nextToken();
            switch (key) {
              case "name" -> name = scalar("name");
              case "thresholds" -> readThresholds(thresholds);
              case "cases" -> size = readAllCases(ids, tags);
              default ->
                  throw error(keyLine, key, "unknown key (expected one of " + TOP_KEYS + ")");
            }
          }
          if (size < 0) {
            throw error(line(), "cases", "missing: a suite needs a list of cases");
          }
          if (size == 0) {
            throw error(line(), "cases", "the list is empty: a suite needs at least one case");
          }
          List<Threshold> checked = new ArrayList<>();
          for (PendingThreshold t : thresholds) {
            if (!t.key().tag().isEmpty() && !tags.contains(t.key().tag())) {
              throw error(
                  t.line(),
                  "thresholds." + t.key().name(),
                  "no case carries tag '" + t.key().tag() + "'");
            }
            checked.add(t.threshold());
          }
          String suiteName = name != null ? name : stem(file);
          return new Suite(file, suiteName, checked, size, tags);
        });
  }

  private record PendingThreshold(MetricKey key, Threshold threshold, int line) {}

  private void readThresholds(List<PendingThreshold> out) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error(
          line(), "thresholds", "must be a mapping of metric name to bound, e.g. hit@3: 0.95");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String metric = parser.currentName();
      int at = line();
      String field = "thresholds." + metric;
      MetricKey key;
      try {
        key = MetricKey.parse(metric);
      } catch (IllegalArgumentException e) {
        throw error(at, field, e.getMessage());
      }
      JsonToken value = parser.nextToken();
      if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
        throw error(at, field, "the bound must be a number, got '" + parser.getText() + "'");
      }
      try {
        Threshold t = Threshold.of(key, parser.getDoubleValue(), file.getFileName() + ":" + at);
        out.add(new PendingThreshold(key, t, at));
      } catch (IllegalArgumentException e) {
        throw error(at, field, e.getMessage());
      }
    }
  }

  private int readAllCases(Set<String> ids, Set<String> tags) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error(line(), "cases", "must be a list of cases");
    }
    int count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      EvalCase c = readCase();
      if (!ids.add(c.id())) {
        throw error(c.line(), "id", "duplicate id '" + c.id() + "'");
      }
      tags.addAll(c.tags());
      count++;
    }
    return count;
  }

  private void skipToCases() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw error(line(), "", "the suite changed since it was checked");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      if (key.equals("cases")) {
        return;
      }
      parser.skipChildren();
    }
    throw error(line(), "cases", "the suite changed since it was checked");
  }

  /** Reads one case; the parser stands on its START_OBJECT and ends on its END_OBJECT. */
  private EvalCase readCase() throws IOException {
    int start = line();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error(start, "cases", "each case must be a mapping with id, question and expectations");
    }
    String id = null;
    String question = null;
    List<String> evidence = List.of();
    List<List<String>> answerContains = List.of();
    boolean abstain = false;
    List<String> tags = List.of();
    Optional<String> shortAnswer = Optional.empty();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int keyLine = line();
      if (!seen.add(key)) {
        throw error(keyLine, key, "appears twice in one case");
      }
      parser.nextToken();
      switch (key) {
        case "id" -> id = scalar("id");
        case "question" -> question = scalar("question");
        case "evidence" -> evidence = stringList("evidence");
        case "answer_contains" -> answerContains = termGroups();
        case "abstain" -> abstain = bool("abstain");
        case "tags" -> tags = stringList("tags");
        case "short" -> shortAnswer = Optional.of(scalar("short"));
        default ->
            throw error(
                keyLine, key, "unknown key in a case (expected one of " + sorted(CASE_KEYS) + ")");
      }
    }
    String named = id == null ? "" : " '" + id + "'";
    if (id == null) {
      throw error(start, "id", "missing: every case needs an id");
    }
    if (question == null) {
      throw error(start, "question", "missing in case" + named);
    }
    if (abstain && (!evidence.isEmpty() || !answerContains.isEmpty())) {
      throw error(
          start,
          "abstain",
          "case" + named + " expects a refusal but also evidence or answer_contains; choose one");
    }
    if (!abstain && evidence.isEmpty() && answerContains.isEmpty()) {
      throw error(
          start,
          "evidence",
          "case" + named + " checks nothing: give evidence, answer_contains or abstain: true");
    }
    if (abstain && shortAnswer.isPresent()) {
      throw error(start, "short", "case" + named + " expects a refusal, which has no short answer");
    }
    return new EvalCase(id, question, evidence, answerContains, abstain, tags, start, shortAnswer);
  }

  private String scalar(String field) throws IOException {
    JsonToken t = parser.currentToken();
    if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
      throw error(line(), field, "must be a text value");
    }
    String text = parser.getText().strip();
    if (text.isEmpty()) {
      throw error(line(), field, "is empty");
    }
    return text;
  }

  private boolean bool(String field) throws IOException {
    JsonToken t = parser.currentToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw error(line(), field, "must be true or false, got '" + parser.getText() + "'");
    }
    return t == JsonToken.VALUE_TRUE;
  }

  /** A list of texts; a single text is read as a list of one, as people often write. */
  private List<String> stringList(String field) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      return List.of(scalar(field));
    }
    List<String> out = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (!parser.currentToken().isScalarValue()) {
        throw error(line(), field, "must be a list of texts");
      }
      out.add(scalar(field));
    }
    return out;
  }

  /** A list of any-of groups; a plain text entry is a group of one term. */
  private List<List<String>> termGroups() throws IOException {
    String field = "answer_contains";
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error(line(), field, "must be a list of any-of lists, e.g. [[\"Seoul\"], [\"2019\"]]");
    }
    List<List<String>> groups = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      List<String> group = stringList(field);
      if (group.isEmpty()) {
        throw error(line(), field, "has an empty group");
      }
      groups.add(group);
    }
    return groups;
  }

  private int line() {
    JsonLocation at = parser.currentTokenLocation();
    return at == null ? 0 : Math.max(1, at.getLineNr());
  }

  private SuiteException error(int line, String field, String problem) {
    String where = field.isEmpty() ? "" : field + ": ";
    return new SuiteException(file + ":" + line + ": " + where + problem);
  }

  private interface IoStep<T> {
    T run() throws IOException;
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private void guarded(IoAction action) {
    guarded(
        () -> {
          action.run();
          return null;
        });
  }

  /** Turns parser failures into one-line messages with the file and line. */
  private <T> T guarded(IoStep<T> step) {
    try {
      return step.run();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      String problem = Yaml.oneLine(e.getOriginalMessage());
      throw new SuiteException(file + ":" + line + ": YAML syntax error: " + problem);
    } catch (IOException e) {
      throw new SuiteException(file + ": cannot read the suite: " + IoReason.of(e));
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Closing a reader we only read from cannot lose data.
    }
  }
}
