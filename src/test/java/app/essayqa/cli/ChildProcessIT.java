package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bench's child-process runner on a tiny shell child: input fed, output seen, exit code. */
@Timeout(60)
class ChildProcessIT {
  @Test
  void should_feed_stdin_and_see_the_first_output_and_exit_code() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    ChildProcess child =
        new ChildProcess(
            List.of(
                "/bin/sh", "-c", "read a; read b; echo \"$GREETING $a $b\" >&2; echo out; exit 3"),
            Map.of("GREETING", "hello"));

    ChildProcess.Run run = child.run(List.of("one", "two"));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.stderr()).isEqualTo("hello one two\n");
    assertThat(run.firstOutputMs()).isGreaterThanOrEqualTo(0);
    assertThat(run.wallMs()).isGreaterThanOrEqualTo(run.firstOutputMs());
  }

  @Test
  void should_report_no_output_as_minus_one() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");

    ChildProcess.Run run =
        new ChildProcess(List.of("/bin/sh", "-c", "exit 0"), Map.of()).run(List.of());

    assertThat(run.exitCode()).isZero();
    assertThat(run.firstOutputMs()).isEqualTo(-1);
  }
}
