package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vela4j workflow run|resume}. */
class WorkflowCommandTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String WF = EXAMPLES.resolve("workflow").toString();

  /** The text with every run of spaces made one space (no regular expressions). */
  private static String squeezed(String s) {
    var sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != ' ' || sb.length() == 0 || sb.charAt(sb.length() - 1) != ' ') {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  @Test
  void runningTheWalkthroughPrintsItsManifestWorksOnTheHub(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run.json");
    Cli.Run r =
        Cli.run(
            "workflow",
            "run",
            "-f",
            WF + "/app.yaml",
            "-d",
            EXAMPLES.resolve("definitions").toString(),
            "-d",
            WF + "/definitions",
            "--clusters",
            WF + "/clusters.yaml",
            "--time",
            "2026-01-01T00:00:00Z",
            "--objects",
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(squeezed(r.out())).contains("dispatch-comp-rev dispatch-comp-rev succeeded");
    assertThat(squeezed(r.out())).contains("ms 1 control-plane");
    assertThat(r.out())
        .startsWith("STEP ")
        .contains(
            "run succeeded\nhub:\n  ManifestWork dev2/express-server-v1\n  ManifestWork dev2/express-server-traits\n")
        .contains("kind: ManifestWork")
        .contains("rollout express-server -> express-server-v1: batch 1/2, 2/4 replicas");
    var json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.path("phase").asText()).isEqualTo("succeeded");
    assertThat(json.at("/plan/local/0/spec/workload/manifests/0/kind").asText())
        .isEqualTo("Deployment");
    assertThat(json.at("/inputs/definitions").size()).isEqualTo(2);

    Path state = tmp.resolve("state.yaml");
    Files.writeString(
        state,
        """
        time: "2026-01-01T00:10:00Z"
        clusters:
          dev2:
            - apiVersion: standard.oam.dev/v1alpha1
              kind: Rollout
              metadata: {name: express-server, namespace: default}
              status: {rolloutStatus: {currentBatch: 1, rollingState: rollingInBatches}}
        """);
    Cli.Run later = Cli.run("workflow", "resume", out.toString(), "--state", state.toString());
    assertThat(later.code()).as(later.err()).isZero();
    assertThat(later.out())
        .contains("rollout express-server -> express-server-v1: batch 2/2, 4/4 replicas");
    assertThat(new ObjectMapper().readTree(out.toFile()).path("time").asText())
        .isEqualTo("2026-01-01T00:10:00Z");
  }

  @Test
  void anApprovalSuspendsAndIsResumedFromTheFile(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("approval.json");
    Cli.Run r =
        Cli.run(
            "workflow",
            "run",
            "-f",
            WF + "/approval.yaml",
            "--clusters",
            WF + "/clusters.yaml",
            "--time",
            "2026-01-01T00:00:00Z",
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("run suspended: step approve is suspended")
        .contains("cluster beijing:\n  Deployment default/shop-web\n")
        .contains("resume with: vela4j workflow resume " + out);
    Cli.Run resumed =
        Cli.run("workflow", "resume", out.toString(), "--time", "2026-01-01T02:00:00Z");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(squeezed(resumed.out()))
        .contains("approve suspend succeeded")
        .contains("deploy-hangzhou deploy succeeded")
        .contains("ms 1 cluster/hangzhou");
    assertThat(resumed.out())
        .contains("run succeeded")
        .contains(
            "notification slack to https://hooks.slack.example.com/services/T0/B0/XYZ (recorded, not sent)");
    assertThat(Files.readString(out)).contains("\"phase\" : \"succeeded\"");
  }

  @Test
  void aWorkflowThatCannotRunExitsWithItsProblems(@TempDir Path tmp) throws Exception {
    Path app = tmp.resolve("app.yaml");
    Files.writeString(
        app,
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: a, namespace: default}
        spec:
          components: []
          workflow:
            steps:
              - {name: s, type: teleport}
        """);
    Cli.Run r = Cli.run("workflow", "run", "-f", app.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(app + ":8:")
        .contains("spec.workflow.steps[0].type")
        .contains("teleport");
    assertThat(Cli.run("workflow").code()).isEqualTo(2);
  }
}
