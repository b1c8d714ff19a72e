package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchCommandTest {
  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private static final Path EXAMPLES = Paths.get("..", "examples", "dispatch");

  @Test
  void planToDirectoryWritesOneFilePerTargetAndPrintsSummary(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cluster-gone.yaml"), "stale");
    Cli.Run r =
        run(
            "dispatch",
            "plan",
            "--via",
            "direct",
            "-f",
            EXAMPLES.resolve("manifests.yaml").toString(),
            "--placement",
            EXAMPLES.resolve("placement.yaml").toString(),
            "-o",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("cluster-eu-1.yaml")).exists();
    assertThat(dir.resolve("cluster-us-1.yaml")).exists();
    assertThat(dir.resolve("cluster-ap-1.yaml")).exists();
    assertThat(dir.resolve("cluster-gone.yaml")).doesNotExist();
    assertThat(Files.readString(dir.resolve("cluster-eu-1.yaml")))
        .startsWith("---\n# wave: 0 action: APPLY\napiVersion: v1\nkind: Namespace");
    assertThat(r.out()).contains("CLUSTER", "OBJECTS", "BYTES", "WAVES", "eu-1", "total");
  }

  @Test
  void planToStdoutAnnotatesEveryDocumentWithTargetAndWave() {
    Cli.Run r =
        run(
            "dispatch",
            "plan",
            "--via",
            "ocm",
            "-f",
            EXAMPLES.resolve("manifests.yaml").toString(),
            "--placement",
            EXAMPLES.resolve("placement.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("---\n# target: control-plane wave: 0 action: APPLY\n");
    assertThat(r.out()).contains("kind: ManifestWork", "name: shop-eu-1-0");
    assertThat(r.err()).contains("CLUSTER");
  }

  @Test
  void invalidPlacementIsReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path placement = dir.resolve("bad.yaml");
    Files.writeString(placement, "bundle: shop\nclusters:\n- name: eu-1\n  replicas: many\n");
    Cli.Run r =
        run(
            "dispatch",
            "plan",
            "--via",
            "karmada",
            "-f",
            EXAMPLES.resolve("manifests.yaml").toString(),
            "--placement",
            placement.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(placement + ":4:").contains("clusters[0].replicas");
  }

  @Test
  void unknownDispatcherNamesTheKnownOnes() {
    Cli.Run r =
        run(
            "dispatch",
            "plan",
            "--via",
            "argo",
            "-f",
            EXAMPLES.resolve("manifests.yaml").toString(),
            "--placement",
            EXAMPLES.resolve("placement.yaml").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("argo").contains("direct").contains("karmada").contains("ocm");
  }
}
