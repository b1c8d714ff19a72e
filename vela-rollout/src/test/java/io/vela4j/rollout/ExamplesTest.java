package io.vela4j.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.rollout.RolloutPlanWriter.Format;
import io.vela4j.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans every spec in {@code examples/rollouts/} and compares all output formats to golden files.
 */
class ExamplesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "canary-10-replicas-4-batches",
        "split-3-clusters-12-to-20",
        "waves-canary-cluster-first"
      })
  void examplePlansMatchTheirGoldenOutputs(String name) throws IOException {
    var file = root().resolve("examples/rollouts/" + name + ".yaml");
    var spec = RolloutSpecReader.read(Files.readString(file), file.getFileName().toString());
    var plan = RolloutPlanner.plan(spec);
    for (var format : Format.values()) {
      var ext = format == Format.TABLE ? "txt" : format.name().toLowerCase(Locale.ROOT);
      Golden.assertMatches("examples/" + name + "." + ext, RolloutPlanWriter.write(plan, format));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "canary-10-replicas-4-batches",
        "split-3-clusters-12-to-20",
        "waves-canary-cluster-first"
      })
  void examplesAreCleanPlans(String name) throws IOException {
    var file = root().resolve("examples/rollouts/" + name + ".yaml");
    var plan = RolloutPlanner.plan(RolloutSpecReader.read(Files.readString(file), name));
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.last().kind()).isEqualTo(RolloutPlan.StepKind.FINAL);
  }

  /** The repository root (surefire sets {@code vela4j.root.dir}; else the module's parent). */
  private static java.nio.file.Path root() {
    var p = System.getProperty("vela4j.root.dir");
    return p == null ? java.nio.file.Path.of("..") : java.nio.file.Path.of(p);
  }
}
