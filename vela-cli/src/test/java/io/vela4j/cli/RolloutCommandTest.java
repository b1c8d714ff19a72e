package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutCommandTest {
  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private static final Path EXAMPLES = Paths.get("..", "examples", "rollouts");

  @Test
  void plansAnExampleAsATable() {
    var r =
        run(
            "rollout",
            "plan",
            "-f",
            EXAMPLES.resolve("canary-10-replicas-4-batches.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("STEP  KIND   NEW  OLD  PAUSE");
    assertThat(r.out()).contains("0     BATCH    1   10  MANUAL", "3     FINAL   10    0");
  }

  @Test
  void jsonOutputIsTheStableSchema() throws Exception {
    var r =
        run(
            "rollout",
            "plan",
            "-f",
            EXAMPLES.resolve("split-3-clusters-12-to-20.yaml").toString(),
            "--output",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    var tree = new ObjectMapper().readTree(r.out());
    assertThat(tree.get("steps")).hasSize(4);
    assertThat(tree.get("steps").get(3).get("clusters").get("eu-west").get("newReplicas").asInt())
        .isEqualTo(10);
    assertThat(tree.get("warnings")).isEmpty();
  }

  @Test
  void svgAndYamlOutputs() {
    var file = EXAMPLES.resolve("waves-canary-cluster-first.yaml").toString();
    assertThat(run("rollout", "plan", "-f", file, "-o", "SVG").out()).startsWith("<svg ");
    assertThat(run("rollout", "plan", "-f", file, "-o", "yaml").out()).startsWith("steps:\n");
  }

  @Test
  void anInvalidSpecExits1WithOneLinePerProblem(@TempDir Path dir) throws Exception {
    var spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "sourceReplicas: -1\nsteps:\n  - replicas: 150%\n  - replicas: ab\n");
    var r = run("rollout", "plan", "-f", spec.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines())
        .containsExactlyInAnyOrder(
            spec
                + ":4:15: error: steps[1].replicas: not an integer or a whole percentage"
                + " (expected 3 or \"20%\", found string \"ab\")",
            spec + ":1:17: error: sourceReplicas: must not be negative (expected >= 0, found -1)",
            spec
                + ":3:15: error: steps[0].replicas: a percentage must not exceed 100%"
                + " (expected 0%..100%, found 150%)");
  }

  @Test
  void aMissingFileExits1() {
    var r = run("rollout", "plan", "-f", "does-not-exist.yaml");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("does-not-exist.yaml: error: cannot read the file");
  }

  @Test
  void usageErrorsExit2() {
    assertThat(run("rollout", "plan").code()).isEqualTo(2);
    assertThat(run("rollout", "plan", "-f", "x.yaml", "--output", "pdf").code()).isEqualTo(2);
    assertThat(run("rollout").code()).isEqualTo(2);
  }
}
