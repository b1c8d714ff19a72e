package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.Dispatchers;
import io.vela4j.dispatch.files.ManifestFiles;
import io.vela4j.dispatch.files.PlacementFile;
import io.vela4j.model.kube.ResourceScopes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: applies a direct plan to real API servers. Runs only when the environment variable {@code
 * VELA4J_IT_KUBECONFIG} names a kubeconfig file; every context in it is a target cluster (or only
 * those listed, comma-separated, in {@code VELA4J_IT_CONTEXTS}). Creates a namespace {@code
 * vela4j-it-<random>} and a CRD {@code widgets.<random>.it.vela4j.io} on each cluster and deletes
 * both afterwards.
 */
class RealClusterIT {
  private static Path kubeconfig;
  private static List<String> clusters;
  private static String id;
  private static ClusterConnections connections;

  @BeforeAll
  static void configure() {
    var env = System.getenv("VELA4J_IT_KUBECONFIG");
    assumeTrue(env != null && !env.isBlank(), "VELA4J_IT_KUBECONFIG is not set");
    kubeconfig = Path.of(env);
    assumeTrue(Files.isRegularFile(kubeconfig), "VELA4J_IT_KUBECONFIG is not a file: " + env);
    connections = ClusterConnections.fromKubeconfig(kubeconfig);
    var only = System.getenv("VELA4J_IT_CONTEXTS");
    clusters = new ArrayList<>(connections.clusterNames());
    if (only != null && !only.isBlank()) {
      clusters.retainAll(List.of(only.split(",")));
    }
    assumeTrue(!clusters.isEmpty(), "no contexts selected");
    var bytes = new byte[4];
    ThreadLocalRandom.current().nextBytes(bytes);
    id = HexFormat.of().formatHex(bytes);
  }

  @AfterAll
  static void cleanUp() {
    if (connections == null) {
      return;
    }
    for (var cluster : clusters) {
      connections
          .server(DeliveryTarget.cluster(cluster))
          .ifPresent(
              api -> {
                api.delete(new ObjectRef("v1", "Namespace", null, "vela4j-it-" + id), false);
                api.delete(
                    new ObjectRef(
                        "apiextensions.k8s.io/v1",
                        "CustomResourceDefinition",
                        null,
                        "widgets." + id + ".it.vela4j.io"),
                    false);
              });
    }
    connections.close();
  }

  private static DispatchPlan plan(boolean withExtra) {
    var ns = "vela4j-it-" + id;
    var group = id + ".it.vela4j.io";
    var manifests =
        new StringBuilder()
            .append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ")
            .append(ns)
            .append('\n')
            .append("---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n")
            .append("metadata:\n  name: widgets.")
            .append(group)
            .append('\n')
            .append("spec:\n  group: ")
            .append(group)
            .append('\n')
            .append(
                "  scope: Namespaced\n  names: {kind: Widget, plural: widgets, singular: widget,"
                    + " listKind: WidgetList}\n")
            .append("  versions:\n  - name: v1\n    served: true\n    storage: true\n")
            .append(
                "    schema:\n      openAPIV3Schema: {type: object, "
                    + "x-kubernetes-preserve-unknown-fields: true}\n")
            .append("---\napiVersion: ")
            .append(group)
            .append("/v1\nkind: Widget\n")
            .append("metadata:\n  name: w1\nspec:\n  size: 3\n")
            .append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n")
            .append("data:\n  mode: it\n");
    if (withExtra) {
      manifests
          .append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n")
          .append("data:\n  gone: soon\n");
    }
    var placement =
        new StringBuilder("bundle: it")
            .append(id)
            .append("\nnamespace: ")
            .append(ns)
            .append("\nclusters:\n");
    clusters.forEach(c -> placement.append("- name: ").append(c).append('\n'));
    placement
        .append(
            "policy:\n  fieldManager: vela4j-it\n  conflict: Abort\n"
                + "  deletion: Delete\n  prune: true\n  inventoryNamespace: ")
        .append(ns)
        .append('\n');
    var pf = PlacementFile.parse(placement.toString(), "it-placement.yaml");
    var objects =
        ManifestFiles.read(
            manifests.toString(), "it-manifests.yaml", pf.namespace(), ResourceScopes.builtin());
    return Dispatchers.discover().get("direct").plan(pf.request(objects, ResourceScopes.builtin()));
  }

  @Test
  void appliesWavesWaitsForTheCrdReportsStatusAndPrunes() {
    var applier = KubeApplier.builder().concurrency(4).readyTimeout(Duration.ofSeconds(60)).build();

    var first = applier.apply(plan(true), connections);

    assertThat(first.targets()).hasSize(clusters.size()).allMatch(ClusterOutcome::succeeded);
    var report = applier.status(plan(true), connections);
    assertThat(report.healthy()).as(report.toString()).isTrue();

    var second = applier.apply(plan(false), connections);

    var extra = new ObjectRef("v1", "ConfigMap", "vela4j-it-" + id, "extra");
    for (var cluster : clusters) {
      var outcome = second.outcome(DeliveryTarget.cluster(cluster)).orElseThrow();
      assertThat(outcome.objects())
          .filteredOn(o -> o.operation() == ObjectOutcome.Operation.PRUNE)
          .extracting(o -> o.ref().name() + ":" + o.result())
          .containsExactly("extra:DELETED");
      var api = connections.server(DeliveryTarget.cluster(cluster)).orElseThrow();
      assertThat(api.get(extra)).isEmpty();
      assertThat(api.crdEstablished("widgets." + id + ".it.vela4j.io")).isTrue();
    }
  }
}
