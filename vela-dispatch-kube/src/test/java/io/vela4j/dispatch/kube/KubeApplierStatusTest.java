package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link KubeApplier#status} on direct, OCM and Karmada plans against in-memory servers. */
class KubeApplierStatusTest {

  @Test
  void directPlanReportsEachObjectAndTheWorstHealthPerCluster() {
    var a = new InMemoryApiServer("a");
    var b = new InMemoryApiServer("b");
    var conns = ClusterConnections.builder().cluster("a", a).cluster("b", b).build();
    var plan = Fixtures.shop("a", "b").build();
    KubeApplier.builder().sleeper(d -> {}).build().apply(plan, conns);
    var web = ObjectRef.of(Fixtures.deployment("shop", "web", 2));
    a.setStatus(web, Map.of("observedGeneration", 1, "updatedReplicas", 2, "availableReplicas", 2));
    b.setStatus(web, Map.of("observedGeneration", 1, "updatedReplicas", 2, "availableReplicas", 0));

    var report = KubeApplier.create().status(plan, conns);

    assertThat(report.healthy()).isFalse();
    var sa = report.target(DeliveryTarget.cluster("a")).orElseThrow();
    var sb = report.target(DeliveryTarget.cluster("b")).orElseThrow();
    assertThat(sa.health()).isEqualTo(Health.HEALTHY);
    assertThat(sa.resources())
        .extracting(r -> r.ref().name())
        .containsExactly("shop", "widgets.example.com", "settings", "web", "big");
    assertThat(sb.health()).isEqualTo(Health.PROGRESSING);
    assertThat(sb.resources())
        .filteredOn(r -> r.ref().equals(web))
        .singleElement()
        .extracting(ResourceStatus::message)
        .isEqualTo("0/2 available, 2/2 updated");
  }

  @Test
  void missingObjectsAndUnreachableClustersAreReported() {
    var a = new InMemoryApiServer("a");
    var conns = ClusterConnections.builder().cluster("a", a).build();
    var plan = Fixtures.shop("a", "b").build();

    var report = KubeApplier.builder().sleeper(d -> {}).build().status(plan, conns);

    assertThat(report.target(DeliveryTarget.cluster("a")).orElseThrow().health())
        .isEqualTo(Health.MISSING);
    var b = report.target(DeliveryTarget.cluster("b")).orElseThrow();
    assertThat(b.health()).isEqualTo(Health.UNKNOWN);
    assertThat(b.error()).startsWith("no connection for cluster b");
  }

  @Test
  void karmadaTemplatesAreJudgedByTheirResourceBinding() {
    var hub = new InMemoryApiServer("karmada");
    var conns = ClusterConnections.builder().controlPlane(hub).build();
    var deployment = Fixtures.deployment("default", "web", 3);
    var pp =
        InMemoryApiServer.resource(
            "{\"apiVersion\":\"policy.karmada.io/v1alpha1\","
                + "\"kind\":\"PropagationPolicy\",\"metadata\":{\"name\":\"shop\",\"namespace\":"
                + "\"default\"},\"spec\":{\"resourceSelectors\":[{\"apiVersion\":\"apps/v1\","
                + "\"kind\":\"Deployment\",\"name\":\"web\"}]}}");
    var plan =
        DispatchPlan.of(
            "karmada",
            List.of(
                Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, deployment),
                Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, pp)),
            List.of());
    KubeApplier.builder().sleeper(d -> {}).build().apply(plan, conns);
    // Karmada creates the binding; it reports FullyApplied but member2 is not healthy
    hub.seed(
        InMemoryApiServer.resource(
            "{\"apiVersion\":\"work.karmada.io/v1alpha2\","
                + "\"kind\":\"ResourceBinding\",\"metadata\":{\"name\":\"web-deployment\","
                + "\"namespace\":\"default\"},\"spec\":{\"clusters\":[{\"name\":\"member1\"},"
                + "{\"name\":\"member2\"}]}}"),
        "karmada-controller-manager");
    var bindingRef =
        new ObjectRef("work.karmada.io/v1alpha2", "ResourceBinding", "default", "web-deployment");
    hub.setStatus(
        bindingRef,
        Map.of(
            "conditions", List.of(Map.of("type", "FullyApplied", "status", "True")),
            "aggregatedStatus",
                List.of(
                    Map.of("clusterName", "member1", "applied", true, "health", "Healthy"),
                    Map.of("clusterName", "member2", "applied", true, "health", "Unhealthy"))));

    var report = KubeApplier.create().status(plan, conns);

    var cp = report.target(DeliveryTarget.CONTROL_PLANE).orElseThrow();
    assertThat(cp.health()).isEqualTo(Health.UNHEALTHY);
    assertThat(cp.resources())
        .extracting(r -> r.ref().kind() + ":" + r.health())
        .containsExactly("Deployment:UNHEALTHY", "PropagationPolicy:HEALTHY");
    assertThat(cp.resources().get(0).feedback()).containsEntry("member2.health", "Unhealthy");
  }

  @Test
  void ocmWorksAreJudgedByTheirConditionsAndFeedback() {
    var hub = new InMemoryApiServer("hub");
    hub.seed(Fixtures.namespace("east"), "ocm");
    var conns = ClusterConnections.builder().controlPlane(hub).build();
    var work =
        InMemoryApiServer.resource(
            "{\"apiVersion\":\"work.open-cluster-management.io/v1\","
                + "\"kind\":\"ManifestWork\",\"metadata\":{\"name\":\"shop-east-0\",\"namespace\":"
                + "\"east\"},\"spec\":{\"workload\":{\"manifests\":[]}}}");
    var plan =
        DispatchPlan.of(
            "ocm",
            List.of(
                Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, work),
                Delivery.of(
                    DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.WAIT_ESTABLISHED, work)),
            List.of());
    // the agent reports Applied on the second check
    var applier =
        KubeApplier.builder()
            .sleeper(
                d ->
                    hub.setStatus(
                        ObjectRef.of(work),
                        Map.of(
                            "conditions",
                            List.of(
                                Map.of("type", "Applied", "status", "True"),
                                Map.of("type", "Available", "status", "True")))))
            .build();

    var result = applier.apply(plan, conns);

    assertThat(result.targets().get(0).withResult(ObjectOutcome.Result.ESTABLISHED)).hasSize(1);
    var report = applier.status(plan, conns);
    assertThat(report.healthy()).isTrue();
  }
}
