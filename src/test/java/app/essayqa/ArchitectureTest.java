package app.essayqa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The package structure the README's "Where is X" table describes, held by the build. */
class ArchitectureTest {
  private static final String ROOT = "app.essayqa";
  private static final String LAUNCHER = ROOT + ".launcher";
  private static final Set<String> FRONT_ENDS =
      Set.of(ROOT + ".cli", ROOT + ".eval", ROOT + ".telegram");

  /** The main classes only, read from the build's output folder rather than found by scanning. */
  private static final JavaClasses MAIN =
      new ClassFileImporter().importPath(Path.of("target", "classes"));

  /** One slice per package, the root package {@code app.essayqa} included. */
  private static final SliceAssignment EACH_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          return p.equals(ROOT) || p.startsWith(ROOT + ".")
              ? SliceIdentifier.of(p)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "each package of " + ROOT;
        }
      };

  @Test
  void should_have_no_cycle_between_packages() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void should_let_no_package_depend_on_the_launcher() {
    noClasses()
        .that()
        .resideOutsideOfPackage(LAUNCHER)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(LAUNCHER)
        .check(MAIN);
  }

  @Test
  void should_have_the_launcher_depend_on_every_front_end() {
    Set<String> used =
        MAIN.stream()
            .filter(c -> c.getPackageName().equals(LAUNCHER))
            .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
            .map(d -> d.getTargetClass().getPackageName())
            .collect(Collectors.toSet());

    assertThat(used).containsAll(FRONT_ENDS);
  }

  @Test
  void should_have_front_ends_ask_through_the_answerer_port_only() {
    noClasses()
        .that()
        .resideInAnyPackage(FRONT_ENDS.toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(EssayQa.class)
        .check(MAIN);
  }

  @Test
  void should_name_every_logger_the_same_way() {
    // Like every other static final field here (MAPPER, YAML, ...): upper case.
    fields()
        .that()
        .haveRawType(Logger.class)
        .should()
        .haveName("LOG")
        .andShould()
        .bePrivate()
        .andShould()
        .beStatic()
        .andShould()
        .beFinal()
        .check(MAIN);
  }
}
