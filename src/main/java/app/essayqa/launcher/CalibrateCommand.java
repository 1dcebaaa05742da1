package app.essayqa.launcher;

import app.essayqa.Answerer;
import app.essayqa.answer.DecisionModel;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.error.EssayQaException;
import app.essayqa.error.IoReason;
import app.essayqa.error.UsageException;
import app.essayqa.eval.DecisionFit;
import app.essayqa.eval.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calibrate SUITE...}: fits the decision model behind {@code abstention.decision}. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Fits the calibrated decision model (abstention.decision=calibrated): asks a suite's"
          + " questions with the rules deciding, fits a logistic regression to the features of"
          + " the passages judged (labelled by the suite's expected evidence), chooses its penalty"
          + " and its threshold by cross-validation, prints the out-of-fold figures and writes the"
          + " weights for the configured embedding model. Rebuild (mvn package) to ship them.",
    })
final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Parameters(
      arity = "0..*",
      paramLabel = "SUITE",
      description =
          "Suites to fit on (default: the tuning suite, " + Evaluation.SHIPPED_SUITE + ").")
  List<Path> suiteFiles = new ArrayList<>();

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "5",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--refusal-error",
      paramLabel = "SHARE",
      defaultValue = "0.04",
      description =
          "Most answerable questions the threshold may refuse, as a share (default:"
              + " ${DEFAULT-VALUE}).")
  double refusalError;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where to write the weights (default: the model's resource under src/main/resources"
              + " in the project folder).")
  Path out;

  private final Answerer.Opener opener;

  CalibrateCommand(Answerer.Opener opener) {
    this.opener = opener;
  }

  @Override
  public Integer call() {
    DecisionFit fit;
    try {
      fit = new DecisionFit(folds, refusalError);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--folds / --refusal-error: " + e.getMessage());
    }
    // The features do not depend on who decides, but the rules are the fixed reference the
    // printed figures compare with.
    Config config = configOptions.load().with(ConfigKeys.ABSTENTION_DECISION, "rules", "calibrate");
    String model = config.getString(ConfigKeys.EMBEDDING_MODEL);
    Path target =
        (out != null
                ? out
                : ConfigOptions.home()
                    .resolve("src/main/resources/app/essayqa/answer")
                    .resolve(DecisionModel.resourceName(model)))
            .toAbsolutePath();
    // Found out now, not after minutes of questions.
    DecisionFit.check(suiteFiles);
    Path folder = prepare(target);
    PrintWriter console = spec.commandLine().getOut();
    DecisionFit.Result result;
    try (Answerer source = opener.open(config)) {
      result =
          fit.fit(
              source,
              suiteFiles,
              ConfigKeys.decisionInputs(config),
              command(),
              spec.commandLine().getErr());
    }
    console.print(result.summary());
    console.flush();
    StringBuilder file = new StringBuilder();
    file.append("# Decision model for the embedding model ").append(model).append('\n');
    result.summary().lines().forEach(l -> file.append("# ").append(l).append('\n'));
    file.append(result.model().properties());
    try {
      // Written whole or not at all: a half-written resource would break the next build's start.
      Path temp = Files.createTempFile(folder, ".decision-", ".tmp");
      try {
        Files.writeString(temp, file.toString(), StandardCharsets.UTF_8);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new EssayQaException("cannot write " + target + ": " + IoReason.of(e), e);
    }
    console.println("Wrote " + target + " (rebuild with mvn package to ship it)");
    return ExitCode.OK.code();
  }

  /** The folder {@code target} goes in, created and checked writable. */
  private static Path prepare(Path target) {
    Path folder = target.getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new EssayQaException("cannot create " + folder + ": " + IoReason.of(e), e);
    }
    if (!Files.isWritable(folder) || (Files.exists(target) && !Files.isWritable(target))) {
      throw new EssayQaException("cannot write " + target + ": not writable");
    }
    return folder;
  }

  /** This command as typed, for the file's header: what reproduces the fit. */
  private String command() {
    StringBuilder command = new StringBuilder("./essay-qa calibrate");
    if (configOptions.configFile != null) {
      command.append(" --config ").append(quoted(configOptions.configFile.toString()));
    }
    configOptions.sets.forEach((k, v) -> command.append(" --set ").append(quoted(k + "=" + v)));
    if (folds != 5) {
      command.append(" --folds ").append(folds);
    }
    if (refusalError != 0.04) {
      command.append(" --refusal-error ").append(refusalError);
    }
    suiteFiles.forEach(f -> command.append(' ').append(quoted(f.toString())));
    return command.toString();
  }

  private static String quoted(String word) {
    return word.matches("[\\w./=:,@+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
