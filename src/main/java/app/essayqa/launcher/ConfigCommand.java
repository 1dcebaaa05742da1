package app.essayqa.launcher;

import app.essayqa.cli.ConfigTable;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config} (also {@code --print-config}): the effective configuration and its sources. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the effective configuration: every key, its value and where the value came from"
          + " (default, the configuration file, an environment variable, or --set).",
      "Later sources win: defaults < file < environment (ESSAYQA_<KEY>) < --set.",
    },
    footer = {"", "Example:", "  essay-qa config --set retrieval.top-k=5"})
final class ConfigCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ConfigTable.of(configOptions.load()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
