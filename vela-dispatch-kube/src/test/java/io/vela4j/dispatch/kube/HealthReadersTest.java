package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.kube.internal.HealthReaders;
import org.junit.jupiter.api.Test;

/** Health rules per kind, on status shapes as real controllers write them. */
class HealthReadersTest {

  private static ResourceStatus read(String json) {
    GenericKubernetesResource o = InMemoryApiServer.resource(json);
    return HealthReaders.read(ObjectRef.of(o), o);
  }

  private static String deployment(int replicas, long generation, String status) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\","
        + "\"namespace\":\"shop\",\"generation\":"
        + generation
        + "},\"spec\":{\"replicas\":"
        + replicas
        + "},\"status\":"
        + status
        + "}";
  }

  @Test
  void deploymentIsHealthyWhenUpdatedAndAvailableReplicasReachTheDesiredCount() {
    assertThat(
            read(deployment(
                    3,
                    2,
                    "{\"observedGeneration\":2,\"updatedReplicas\":3,\"availableReplicas\":3}"))
                .health())
        .isEqualTo(Health.HEALTHY);
  }

  @Test
  void deploymentWithFewerAvailableReplicasIsProgressing() {
    var s =
        read(
            deployment(
                3, 2, "{\"observedGeneration\":2,\"updatedReplicas\":3,\"availableReplicas\":1}"));
    assertThat(s.health()).isEqualTo(Health.PROGRESSING);
    assertThat(s.message()).isEqualTo("1/3 available, 3/3 updated");
  }

  @Test
  void deploymentWhoseNewGenerationIsNotObservedIsProgressingEvenWithOldReplicasAvailable() {
    var s =
        read(
            deployment(
                3, 3, "{\"observedGeneration\":2,\"updatedReplicas\":3,\"availableReplicas\":3}"));
    assertThat(s.health()).isEqualTo(Health.PROGRESSING);
    assertThat(s.message()).contains("generation 3 not yet observed");
  }

  @Test
  void deploymentPastItsProgressDeadlineIsUnhealthy() {
    var s =
        read(
            deployment(
                3,
                1,
                "{\"observedGeneration\":1,\"conditions\":[{\"type\":"
                    + "\"Progressing\",\"status\":\"False\",\"reason\":\"ProgressDeadlineExceeded\","
                    + "\"message\":\"ReplicaSet web-1 has timed out progressing.\"}]}"));
    assertThat(s.health()).isEqualTo(Health.UNHEALTHY);
  }

  @Test
  void deploymentWithoutStatusIsProgressingAndReplicasDefaultToOne() {
    assertThat(
            read("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":"
                    + "\"w\",\"namespace\":\"s\"},\"spec\":{}}")
                .health())
        .isEqualTo(Health.PROGRESSING);
    assertThat(
            read("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":"
                    + "\"w\",\"namespace\":\"s\"},\"spec\":{},\"status\":{\"updatedReplicas\":1,"
                    + "\"availableReplicas\":1}}")
                .health())
        .isEqualTo(Health.HEALTHY);
  }

  @Test
  void statefulSetUsesAvailableReplicasAndFallsBackToReadyReplicas() {
    var base =
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":"
            + "\"db\",\"namespace\":\"s\"},\"spec\":{\"replicas\":2},\"status\":";
    assertThat(read(base + "{\"availableReplicas\":2,\"updatedReplicas\":2}}").health())
        .isEqualTo(Health.HEALTHY);
    assertThat(read(base + "{\"readyReplicas\":2,\"updatedReplicas\":2}}").health())
        .isEqualTo(Health.HEALTHY);
    assertThat(
            read(base + "{\"availableReplicas\":1,\"readyReplicas\":2," + "\"updatedReplicas\":2}}")
                .health())
        .isEqualTo(Health.PROGRESSING);
  }

  @Test
  void daemonSetComparesAvailableAndUpdatedWithDesiredScheduled() {
    var base =
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":"
            + "\"agent\",\"namespace\":\"s\"},\"status\":";
    assertThat(
            read(base
                    + "{\"desiredNumberScheduled\":4,\"numberAvailable\":4,"
                    + "\"updatedNumberScheduled\":4}}")
                .health())
        .isEqualTo(Health.HEALTHY);
    assertThat(
            read(base
                    + "{\"desiredNumberScheduled\":4,\"numberAvailable\":4,"
                    + "\"updatedNumberScheduled\":3}}")
                .health())
        .isEqualTo(Health.PROGRESSING);
  }

  @Test
  void jobIsHealthyWhenCompleteAndUnhealthyWhenFailed() {
    var base =
        "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"m\","
            + "\"namespace\":\"s\"},\"status\":";
    assertThat(
            read(base
                    + "{\"succeeded\":1,\"conditions\":[{\"type\":\"Complete\","
                    + "\"status\":\"True\"}]}}")
                .health())
        .isEqualTo(Health.HEALTHY);
    assertThat(
            read(base
                    + "{\"failed\":6,\"conditions\":[{\"type\":\"Failed\",\"status\":"
                    + "\"True\",\"reason\":\"BackoffLimitExceeded\"}]}}")
                .message())
        .isEqualTo("failed: BackoffLimitExceeded");
    assertThat(read(base + "{\"active\":1}}").health()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void crdIsHealthyOnlyWhenEstablished() {
    var base =
        "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
            + "\"metadata\":{\"name\":\"widgets.example.com\"},\"status\":";
    assertThat(
            read(base + "{\"conditions\":[{\"type\":\"Established\",\"status\":\"True\"}]}}")
                .health())
        .isEqualTo(Health.HEALTHY);
    assertThat(
            read(base
                    + "{\"conditions\":[{\"type\":\"NamesAccepted\",\"status\":\"False\","
                    + "\"message\":\"kind Widget is already in use\"}]}}")
                .health())
        .isEqualTo(Health.UNHEALTHY);
    assertThat(read(base + "{}}").health()).isEqualTo(Health.PROGRESSING);
  }

  private static String work(String conditions, String manifests) {
    return "{\"apiVersion\":\"work.open-cluster-management.io/v1\",\"kind\":\"ManifestWork\","
        + "\"metadata\":{\"name\":\"shop-east-0\",\"namespace\":\"east\"},\"status\":{"
        + "\"conditions\":"
        + conditions
        + ",\"resourceStatus\":{\"manifests\":"
        + manifests
        + "}}}";
  }

  private static final String APPLIED_AVAILABLE =
      "[{\"type\":\"Applied\",\"status\":\"True\","
          + "\"reason\":\"AppliedManifestWorkComplete\"},{\"type\":\"Available\",\"status\":\"True\","
          + "\"reason\":\"ResourcesAvailable\"}]";

  private static String manifest(String feedback, String applied) {
    return "{\"resourceMeta\":{\"ordinal\":0,\"group\":\"apps\",\"version\":\"v1\",\"kind\":"
        + "\"Deployment\",\"resource\":\"deployments\",\"name\":\"web\",\"namespace\":\"shop\"},"
        + "\"conditions\":[{\"type\":\"Applied\",\"status\":\""
        + applied
        + "\",\"reason\":"
        + "\"AppliedManifestFailed\",\"message\":\"Failed to apply manifest: conflict\"}],"
        + "\"statusFeedback\":{\"values\":"
        + feedback
        + "}}";
  }

  @Test
  void manifestWorkAppliedAndAvailableWithWorkloadFeedbackReachedIsHealthy() {
    var s =
        read(
            work(
                APPLIED_AVAILABLE,
                "["
                    + manifest(
                        "[{\"name\":\"replicas\",\"fieldValue\":"
                            + "{\"type\":\"Integer\",\"integer\":2}},{\"name\":\"availableReplicas\",\"fieldValue\":"
                            + "{\"type\":\"Integer\",\"integer\":2}}]",
                        "True")
                    + "]"));
    assertThat(s.health()).isEqualTo(Health.HEALTHY);
    assertThat(s.feedback())
        .containsEntry("Deployment/shop/web.replicas", 2)
        .containsEntry("Deployment/shop/web.availableReplicas", 2);
  }

  @Test
  void manifestWorkAvailableOnlyMeansTheObjectsExistSoFeedbackShortfallIsProgressing() {
    var s =
        read(
            work(
                APPLIED_AVAILABLE,
                "["
                    + manifest(
                        "[{\"name\":\"replicas\",\"fieldValue\":"
                            + "{\"type\":\"Integer\",\"integer\":3}},{\"name\":\"availableReplicas\",\"fieldValue\":"
                            + "{\"type\":\"Integer\",\"integer\":1}}]",
                        "True")
                    + "]"));
    assertThat(s.health()).isEqualTo(Health.PROGRESSING);
    assertThat(s.message()).isEqualTo("Deployment/shop/web 1/3 available");
  }

  @Test
  void manifestWorkWithAManifestNotAppliedIsUnhealthyAndNamesIt() {
    var s =
        read(
            work(
                "[{\"type\":\"Applied\",\"status\":\"False\",\"reason\":"
                    + "\"AppliedManifestWorkFailed\",\"message\":\"Failed to apply manifest work\"}]",
                "[" + manifest("[]", "False") + "]"));
    assertThat(s.health()).isEqualTo(Health.UNHEALTHY);
    assertThat(s.message())
        .contains("work Applied=False", "Deployment/shop/web Applied=False (AppliedManifestFailed");
  }

  @Test
  void manifestWorkWithoutConditionsIsProgressing() {
    var s =
        read(
            "{\"apiVersion\":\"work.open-cluster-management.io/v1\",\"kind\":"
                + "\"ManifestWork\",\"metadata\":{\"name\":\"w\",\"namespace\":\"east\"}}");
    assertThat(s.health()).isEqualTo(Health.PROGRESSING);
    assertThat(s.message()).isEqualTo("work not yet Applied on the cluster");
  }

  private static String binding(String conditions, String aggregated) {
    return "{\"apiVersion\":\"work.karmada.io/v1alpha2\",\"kind\":\"ResourceBinding\","
        + "\"metadata\":{\"name\":\"web-deployment\",\"namespace\":\"shop\"},\"spec\":{"
        + "\"clusters\":[{\"name\":\"member1\",\"replicas\":2},{\"name\":\"member2\","
        + "\"replicas\":1}]},\"status\":{\"conditions\":"
        + conditions
        + ",\"aggregatedStatus\":"
        + aggregated
        + "}}";
  }

  private static final String FULLY_APPLIED =
      "[{\"type\":\"Scheduled\",\"status\":\"True\"},"
          + "{\"type\":\"FullyApplied\",\"status\":\"True\"}]";

  @Test
  void karmadaBindingFullyAppliedButHealthUnknownIsNotHealthy() {
    // karmada#5867: FullyApplied=True while a member's workload is not healthy
    var s =
        read(
            binding(
                FULLY_APPLIED,
                "[{\"clusterName\":\"member1\",\"applied\":true,"
                    + "\"health\":\"Healthy\"},{\"clusterName\":\"member2\",\"applied\":true,"
                    + "\"health\":\"Unknown\"}]"));
    assertThat(s.health()).isEqualTo(Health.UNKNOWN);
    assertThat(s.message())
        .contains("member2: health Unknown", "FullyApplied=True only means applied, not healthy");
    assertThat(s.feedback())
        .containsEntry("member2.health", "Unknown")
        .containsEntry("member1.applied", true);
  }

  @Test
  void karmadaBindingWithAnUnhealthyOrUnappliedMemberIsUnhealthy() {
    var s =
        read(
            binding(
                FULLY_APPLIED,
                "[{\"clusterName\":\"member1\",\"applied\":false,"
                    + "\"appliedMessage\":\"deployments.apps \\\"web\\\" already exists\",\"health\":"
                    + "\"Unknown\"},{\"clusterName\":\"member2\",\"applied\":true,\"health\":\"Unhealthy\"}]"));
    assertThat(s.health()).isEqualTo(Health.UNHEALTHY);
    assertThat(s.message())
        .contains(
            "member1: not applied (deployments.apps \"web\" already " + "exists)",
            "member2: Unhealthy");
  }

  @Test
  void karmadaBindingIsHealthyOnlyWhenEveryScheduledClusterReportsAppliedAndHealthy() {
    var both =
        "[{\"clusterName\":\"member1\",\"applied\":true,\"health\":\"Healthy\"},"
            + "{\"clusterName\":\"member2\",\"applied\":true,\"health\":\"Healthy\"}]";
    assertThat(read(binding(FULLY_APPLIED, both)).health()).isEqualTo(Health.HEALTHY);
    var one = "[{\"clusterName\":\"member1\",\"applied\":true,\"health\":\"Healthy\"}]";
    var s = read(binding(FULLY_APPLIED, one));
    assertThat(s.health()).isEqualTo(Health.PROGRESSING);
    assertThat(s.message()).contains("member2: no status yet");
  }

  @Test
  void karmadaBindingNotScheduledIsUnhealthy() {
    var s =
        read(
            binding(
                "[{\"type\":\"Scheduled\",\"status\":\"False\",\"message\":"
                    + "\"0/3 clusters are available\"}]",
                "[]"));
    assertThat(s.health()).isEqualTo(Health.UNHEALTHY);
  }

  @Test
  void otherKindsAreHealthyWhenTheyExistAndMissingOtherwise() {
    assertThat(
            read("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\","
                    + "\"namespace\":\"s\"}}")
                .health())
        .isEqualTo(Health.HEALTHY);
    var ref = new ObjectRef("v1", "ConfigMap", "s", "c");
    assertThat(HealthReaders.read(ref, null).health()).isEqualTo(Health.MISSING);
  }
}
