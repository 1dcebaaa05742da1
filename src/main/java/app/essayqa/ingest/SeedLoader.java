package app.essayqa.ingest;

import app.essayqa.error.EssayQaException;
import app.essayqa.error.IoReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every document directly in the seeds folder: plain text and Markdown (UTF-8), HTML, PDF and
 * Word ({@code .docx}), each format by its {@link DocumentReader}. A file that is empty, binary
 * text, not UTF-8, corrupt, encrypted or without a text layer is skipped with a one-line warning
 * naming it, and the rest are read; a missing folder, or one with no usable file, is an error.
 */
public final class SeedLoader {
  private static final Logger LOG = LoggerFactory.getLogger(SeedLoader.class);

  /** Seeds are essays, not data dumps; a bigger file is almost surely a mistake. */
  static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  private final DocumentParser parser = new DocumentParser();

  /**
   * A seed file's name and its text, read and checked but not parsed: a {@code .txt} file as it is,
   * another format as its reader extracted it.
   *
   * @param pageStarts where each page starts in {@code text}, for a paged format (PDF); else empty
   */
  public record SeedFile(String name, String text, List<Integer> pageStarts) {
    public SeedFile {
      pageStarts = List.copyOf(pageStarts);
    }

    /** A file without pages. */
    public SeedFile(String name, String text) {
      this(name, text, List.of());
    }
  }

  /** The usable seed files, in name order, and a warning for each file skipped. */
  public record Seeds(List<SeedFile> files, List<String> warnings) {
    public Seeds {
      files = List.copyOf(files);
      warnings = List.copyOf(warnings);
    }
  }

  /** Reads and parses every seed file. */
  public Library load(Path folder) {
    long started = System.nanoTime();
    Seeds seeds = read(folder, List.of());
    List<Document> documents = new ArrayList<>();
    for (SeedFile file : seeds.files()) {
      documents.add(parser.parse(file.name(), file.text(), file.pageStarts()));
    }
    LOG.debug(
        "ingest: {} documents, {} skipped in {} ms",
        documents.size(),
        seeds.warnings().size(),
        (System.nanoTime() - started) / 1_000_000);
    return new Library(documents, seeds.warnings());
  }

  /**
   * Reads the seed files of {@code folder} and of each extra folder (documents added for a run,
   * e.g. distractors in an evaluation), without parsing them; a name already taken by an earlier
   * folder is skipped with a warning.
   */
  public Seeds read(Path folder, List<Path> extraFolders) {
    List<SeedFile> files = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    readFolder(folder, files, warnings);
    java.util.Set<String> names = new java.util.HashSet<>();
    files.forEach(f -> names.add(f.name()));
    for (Path extra : extraFolders) {
      List<SeedFile> more = new ArrayList<>();
      readFolder(extra, more, warnings);
      for (SeedFile f : more) {
        if (names.add(f.name())) {
          files.add(f);
        } else {
          String warning = "skipped seed file " + extra.resolve(f.name()) + ": name already used";
          LOG.warn(warning);
          warnings.add(warning);
        }
      }
    }
    if (files.isEmpty()) {
      throw new EssayQaException(
          "no usable document (.txt, .md, .html, .pdf or .docx) in seeds folder "
              + folder
              + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
    }
    return new Seeds(files, warnings);
  }

  private static void readFolder(Path folder, List<SeedFile> documents, List<String> warnings) {
    if (!Files.exists(folder)) {
      throw new EssayQaException("seeds folder not found: " + folder);
    }
    if (!Files.isDirectory(folder)) {
      throw new EssayQaException("seeds folder is not a folder: " + folder);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(Files::isRegularFile)
              .filter(SeedLoader::hasSeedExtension)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new EssayQaException("cannot read seeds folder " + folder + ": " + IoReason.of(e), e);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String problem = null;
      try {
        byte[] bytes = Files.size(file) > MAX_FILE_BYTES ? null : Files.readAllBytes(file);
        if (bytes == null) {
          problem = "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB";
        } else if (isBlankText(bytes)) {
          problem = "empty";
        } else {
          Extracted extracted = DocumentFormat.of(name, bytes).reader().read(bytes);
          if (extracted.text().chars().allMatch(c -> DocumentParser.isSpace((char) c))) {
            problem = "no text in it";
          } else {
            documents.add(new SeedFile(name, extracted.text(), extracted.pageStarts()));
          }
        }
      } catch (IOException e) {
        problem = "cannot be read: " + IoReason.of(e);
      } catch (UnreadableFile e) {
        problem = e.getMessage();
      } catch (RuntimeException e) {
        // A reader library failing on odd input costs this file, not the rest of the folder.
        problem = "cannot be read (" + e.getClass().getSimpleName() + ")";
      }
      if (problem != null) {
        String warning = "skipped seed file " + name + ": " + problem;
        LOG.warn(warning);
        warnings.add(warning);
      }
    }
  }

  private static boolean hasSeedExtension(Path file) {
    String name = file.getFileName().toString();
    return DocumentFormat.byName(name).isPresent() && !name.startsWith(".");
  }

  private static boolean isBlankText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.chars().allMatch(c -> DocumentParser.isSpace((char) c));
  }
}
