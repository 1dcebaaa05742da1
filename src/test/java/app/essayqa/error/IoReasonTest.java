package app.essayqa.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IoReasonTest {
  @TempDir Path dir;

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new AccessDeniedException("/srv/seeds"), "permission denied"),
        Arguments.of(new NoSuchFileException("/srv/seeds"), "no such file or folder"),
        Arguments.of(new NotDirectoryException("/srv/seeds"), "not a folder"),
        Arguments.of(new FileAlreadyExistsException("/srv/cache"), "already exists"),
        Arguments.of(
            new FileSystemException("/srv", null, "No space left on device"),
            "no space left on device"),
        Arguments.of(new IOException("Is a directory"), "is a directory"),
        Arguments.of(new IOException(), "IOException"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void should_name_the_cause_not_repeat_the_path(IOException e, String reason) {
    assertThat(IoReason.of(e)).isEqualTo(reason);
  }

  @Test
  void should_name_the_cause_of_a_real_failure() throws IOException {
    Path file = Files.writeString(dir.resolve("cache"), "a file where a folder should be");

    IOException failure = null;
    try {
      Files.createDirectories(file.resolve("index"));
    } catch (IOException e) {
      failure = e;
    }

    assertThat(failure).isNotNull();
    assertThat(IoReason.of(failure)).isEqualTo("not a directory").doesNotContain(dir.toString());
  }
}
