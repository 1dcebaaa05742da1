package app.essayqa.eval;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The suite the program ships, {@code eval/essay.yaml} on the class path, so {@code eval} and
 * {@code bench} with no argument work from the jar alone. Suites are read as files (twice: checked,
 * then streamed), so inside a jar it is reached through the jar's own file system.
 */
final class ShippedSuite {
  static final String RESOURCE = "eval/essay.yaml";

  private ShippedSuite() {}

  /** The shipped suite as a path: a file under the build's classes, or an entry of the jar. */
  static Path path() {
    URL url = ShippedSuite.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new SuiteException(RESOURCE + ": not in this build; name a suite file");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try {
          // Left open: it is the running jar, read-only, and lives as long as the process.
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          // Opened by an earlier call.
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new SuiteException(RESOURCE + ": cannot open the shipped suite: " + e.getMessage());
    }
  }
}
