package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.Dispatchers;
import io.vela4j.dispatch.files.ManifestFiles;
import io.vela4j.dispatch.files.PlacementFile;
import io.vela4j.dispatch.kube.ObjectOutcome.Operation;
import io.vela4j.dispatch.kube.ObjectOutcome.Result;
import io.vela4j.dispatch.kube.internal.Inventory;
import io.vela4j.model.kube.ResourceScopes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans {@code examples/dispatch} with the real planners of vela-dispatch-spi and applies each plan
 * to in-memory API servers: the applier must execute every planner's output as planned.
 */
class PlannerInteropTest {
  private DispatchRequest request;
  private Path dir;

  @BeforeEach
  void readExample() throws Exception {
    var root = Path.of(System.getProperty("vela4j.root.dir", ".."));
    dir = root.resolve("examples/dispatch");
    assumeTrue(Files.isDirectory(dir), "examples/dispatch not found at " + dir.toAbsolutePath());
    request = request(Files.readString(dir.resolve("placement.yaml")));
  }

  private DispatchRequest request(String placementText) throws Exception {
    var placement = PlacementFile.parse(placementText, "placement.yaml");
    var manifests =
        ManifestFiles.read(
            Files.readString(dir.resolve("manifests.yaml")),
            "manifests.yaml",
            placement.namespace(),
            ResourceScopes.builtin());
    return placement.request(manifests, ResourceScopes.builtin());
  }

  private DispatchPlan plan(String via) {
    return Dispatchers.discover().get(via).plan(request);
  }

  private KubeApplier applier(Sleeper sleeper) {
    return KubeApplier.builder().policy(request.policy()).sleeper(sleeper).build();
  }

  @Test
  void directPlanAppliesToEveryClusterWithAnExactInventory() {
    var plan = plan("direct");
    var b = ClusterConnections.builder();
    var servers = new java.util.LinkedHashMap<String, InMemoryApiServer>();
    for (var t : plan.targets()) {
      var name = ((DeliveryTarget.Cluster) t).name();
      servers.put(name, new InMemoryApiServer(name));
      b.cluster(name, servers.get(name));
    }
    var conns = b.build();

    var result = applier(d -> {}).apply(plan, conns);

    assertThat(result.targets()).hasSize(3).allMatch(ClusterOutcome::succeeded);
    for (var t : result.targets()) {
      var desired = new TreeSet<ObjectRef>();
      plan.deliveries(t.target()).stream()
          .filter(d -> d.action() == Delivery.Action.APPLY)
          .map(Delivery::object)
          .filter(o -> !Inventory.isParent(o))
          .forEach(o -> desired.add(ObjectRef.of(o)));
      assertThat(t.inventory()).containsExactlyElementsOf(desired);
      // forced conflicts per the example's policy (Overwrite)
      var server = servers.get(((DeliveryTarget.Cluster) t.target()).name());
      assertThat(server.calls())
          .filteredOn(c -> c.startsWith("apply "))
          .allMatch(c -> c.endsWith(" force"));
      assertThat(t.withResult(Result.ESTABLISHED))
          .extracting(o -> o.ref().name())
          .contains("widgets.example.com");
    }
    // re-applying the same plan prunes nothing
    var again = applier(d -> {}).apply(plan, conns);
    assertThat(again.targets())
        .allSatisfy(
            t ->
                assertThat(t.objects())
                    .noneMatch(
                        o -> o.operation() == Operation.PRUNE && o.result() == Result.DELETED));
  }

  @Test
  void ocmPlanAppliesManifestWorksToTheHubAndTheirStatusFollowsTheAgent() throws Exception {
    var plan = plan("ocm");
    var hub = new InMemoryApiServer("hub");
    for (var cluster : List.of("eu-1", "us-1", "ap-1")) {
      hub.seed(Fixtures.namespace(cluster), "ocm-registration");
    }
    var conns = ClusterConnections.builder().controlPlane(hub).build();
    // the work agent: every check finds the works Applied and Available
    Sleeper agent =
        d -> {
          for (var ref : hub.storedRefs()) {
            if (ref.kind().equals("ManifestWork")) {
              hub.setStatus(
                  ref,
                  Map.of(
                      "conditions",
                      List.of(
                          Map.of("type", "Applied", "status", "True"),
                          Map.of("type", "Available", "status", "True"))));
            }
          }
        };

    var result = applier(agent).apply(plan, conns);

    var cp = result.outcome(DeliveryTarget.CONTROL_PLANE).orElseThrow();
    assertThat(cp.succeeded()).isTrue();
    var works =
        plan.deliveries(DeliveryTarget.CONTROL_PLANE).stream()
            .filter(d -> d.action() == Delivery.Action.APPLY)
            .map(d -> d.key().name())
            .toList();
    assertThat(cp.withResult(Result.APPLIED))
        .extracting(o -> o.ref().name())
        .containsExactlyElementsOf(works);
    assertThat(hub.storedRefs())
        .filteredOn(r -> r.kind().equals("ManifestWork"))
        .extracting(ObjectRef::namespace)
        .containsOnly("eu-1", "us-1", "ap-1");
    // before the agent reports, the works are progressing; afterwards healthy
    assertThat(applier(agent).status(plan, conns).healthy()).isFalse();
    agent.sleep(java.time.Duration.ZERO);
    assertThat(applier(agent).status(plan, conns).healthy()).isTrue();
  }

  @Test
  void karmadaPlanAppliesTemplatesAndPoliciesWaveByWave() {
    var plan = plan("karmada");
    var hub = new InMemoryApiServer("karmada-apiserver");
    var conns = ClusterConnections.builder().controlPlane(hub).build();

    var result = applier(d -> {}).apply(plan, conns);

    var cp = result.outcome(DeliveryTarget.CONTROL_PLANE).orElseThrow();
    assertThat(cp.succeeded()).as(cp.summary()).isTrue();
    var calls = hub.calls();
    int crd =
        calls.indexOf(
            calls.stream()
                .filter(c -> c.startsWith("apply apiextensions.k8s.io/v1/CustomResourceDefinition"))
                .findFirst()
                .orElseThrow());
    int widget =
        calls.indexOf(
            calls.stream()
                .filter(c -> c.startsWith("apply example.com/v1/Widget"))
                .findFirst()
                .orElseThrow());
    int established = calls.indexOf("established? widgets.example.com");
    assertThat(crd).isLessThan(established);
    assertThat(established).isLessThan(widget);
    // templates are judged by bindings Karmada has not created here
    var status = applier(d -> {}).status(plan, conns);
    var deployment =
        status.target(DeliveryTarget.CONTROL_PLANE).orElseThrow().resources().stream()
            .filter(r -> r.ref().kind().equals("Deployment"))
            .findFirst()
            .orElseThrow();
    assertThat(deployment.health()).isEqualTo(Health.PROGRESSING);
    assertThat(deployment.message()).isEqualTo("no ResourceBinding web-deployment yet");
    var resources = status.target(DeliveryTarget.CONTROL_PLANE).orElseThrow().resources();
    assertThat(resources)
        .filteredOn(r -> r.ref().kind().equals("Namespace"))
        .extracting(ResourceStatus::health)
        .containsOnly(Health.HEALTHY);
    assertThat(resources)
        .filteredOn(r -> r.ref().kind().equals("CustomResourceDefinition"))
        .extracting(ResourceStatus::message)
        .containsOnly("no ClusterResourceBinding widgets.example.com-customresourcedefinition yet");
  }

  @Test
  void staleManifestWorksOfAClusterThatLeftThePlacementArePrunedButForeignWorksAreNot()
      throws Exception {
    var hub = new InMemoryApiServer("hub");
    for (var cluster : List.of("eu-1", "us-1", "ap-1")) {
      hub.seed(Fixtures.namespace(cluster), "ocm-registration");
    }
    var foreign =
        InMemoryApiServer.resource(
            "{\"apiVersion\":\"work.open-cluster-management.io/v1\",\"kind\":\"ManifestWork\","
                + "\"metadata\":{\"name\":\"addon\",\"namespace\":\"ap-1\"}}");
    hub.seed(foreign, "addon-manager");
    var otherBundle =
        InMemoryApiServer.resource(
            "{\"apiVersion\":\"work.open-cluster-management.io/v1\",\"kind\":\"ManifestWork\","
                + "\"metadata\":{\"name\":\"cart-ap-1-0\",\"namespace\":\"ap-1\",\"labels\":"
                + "{\"dispatch.vela4j.io/bundle\":\"cart\"}}}");
    hub.seed(otherBundle, "vela4j");
    var conns = ClusterConnections.builder().controlPlane(hub).build();
    applier(d -> {}).apply(plan("ocm"), conns);
    var apWorks =
        hub.storedRefs().stream()
            .filter(r -> r.kind().equals("ManifestWork") && "ap-1".equals(r.namespace()))
            .filter(r -> r.name().startsWith("shop-"))
            .toList();
    assertThat(apWorks).isNotEmpty();

    var text = Files.readString(dir.resolve("placement.yaml"));
    var withoutAp =
        text.substring(0, text.indexOf("- name: ap-1")) + text.substring(text.indexOf("policy:"));
    var v2 = Dispatchers.discover().get("ocm").plan(request(withoutAp));
    var result = applier(d -> {}).apply(v2, conns);

    var cp = result.outcome(DeliveryTarget.CONTROL_PLANE).orElseThrow();
    assertThat(cp.objects())
        .filteredOn(o -> o.operation() == Operation.PRUNE)
        .extracting(o -> o.ref() + " " + o.result())
        .containsExactlyInAnyOrderElementsOf(apWorks.stream().map(r -> r + " DELETED").toList());
    assertThat(hub.stored(ObjectRef.of(foreign))).isPresent();
    assertThat(hub.stored(ObjectRef.of(otherBundle))).isPresent();
    assertThat(hub.storedRefs())
        .filteredOn(r -> r.kind().equals("ManifestWork") && r.name().startsWith("shop-"))
        .extracting(ObjectRef::namespace)
        .containsOnly("eu-1", "us-1");
  }
}
