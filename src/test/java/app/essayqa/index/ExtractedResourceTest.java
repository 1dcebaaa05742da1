package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native libraries and model files copied out of the jar, checked before every use. */
class ExtractedResourceTest {
  private static final byte[] LIBRARY =
      "\u007fELF pretend shared library "
          .repeat(500)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @TempDir Path dir;
  private Path cache;
  private URLClassLoader jar;

  @BeforeEach
  void jarWithALibrary() throws IOException {
    Path file = dir.resolve("native.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
      out.putNextEntry(new JarEntry("native/libdemo.so"));
      out.write(LIBRARY);
      out.closeEntry();
    }
    jar = new URLClassLoader(new URL[] {file.toUri().toURL()}, null);
    cache = Files.createDirectory(dir.resolve("cache"));
  }

  @Test
  void should_extract_again_a_cached_copy_of_the_right_size_with_a_flipped_byte()
      throws IOException {
    // given: the same size, one byte changed, as a damaged disk block or an interrupted copy leave
    Path first = extract();
    byte[] damaged = Files.readAllBytes(first);
    damaged[100] ^= 0x40;
    Files.write(first, damaged);

    // when
    Path again = extract();

    // then
    assertThat(again).hasBinaryContent(LIBRARY);
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void should_extract_again_a_truncated_copy() throws IOException {
    Path first = extract();
    Files.write(first, new byte[] {0x7f, 'E', 'L', 'F'});

    assertThat(extract()).hasBinaryContent(LIBRARY);
  }

  @Test
  void should_keep_a_sound_copy_without_writing_it_again() throws IOException {
    Path first = extract();
    long written = Files.getLastModifiedTime(first).toMillis();
    Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));

    Path again = extract();

    assertThat(Files.getLastModifiedTime(again).toMillis()).isEqualTo(written - 60_000);
  }

  @Test
  void should_leave_no_part_file_when_the_copy_fails() {
    // given: a class loader whose resource reads differently from what the jar records for it
    ClassLoader lying =
        new ClassLoader(null) {
          @Override
          public URL getResource(String name) {
            return jar.getResource(name);
          }

          @Override
          public InputStream getResourceAsStream(String name) {
            return new ByteArrayInputStream(new byte[LIBRARY.length]);
          }
        };

    assertThatThrownBy(
            () -> ExtractedResource.extract(lying, "native/libdemo.so", cache, "libdemo.so"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not match the jar's checksum");
    assertThat(partFiles()).isEmpty();
    assertThat(cache.resolve("libdemo.so")).doesNotExist();
  }

  private Path extract() throws IOException {
    return ExtractedResource.extract(jar, "native/libdemo.so", cache, "libdemo.so");
  }

  private java.util.List<Path> partFiles() {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".part")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
