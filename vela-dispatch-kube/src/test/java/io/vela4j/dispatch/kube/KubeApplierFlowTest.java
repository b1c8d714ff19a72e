package io.vela4j.dispatch.kube;

import static io.vela4j.dispatch.kube.Fixtures.APPLYSET_ID;
import static io.vela4j.dispatch.kube.Fixtures.configMap;
import static io.vela4j.dispatch.kube.Fixtures.crd;
import static io.vela4j.dispatch.kube.Fixtures.deployment;
import static io.vela4j.dispatch.kube.Fixtures.namespace;
import static io.vela4j.dispatch.kube.Fixtures.shop;
import static io.vela4j.dispatch.kube.Fixtures.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.kube.ObjectOutcome.Operation;
import io.vela4j.dispatch.kube.ObjectOutcome.Result;
import io.vela4j.dispatch.kube.internal.Inventory;
import io.vela4j.model.Diagnostic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The apply flow against in-memory API servers: waves, CRD wait, inventory, prune, failures. */
class KubeApplierFlowTest {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Map<String, InMemoryApiServer> servers = new LinkedHashMap<>();

  private ClusterConnections connect(String... names) {
    var b = ClusterConnections.builder();
    for (var n : names) {
      var s = servers.computeIfAbsent(n, InMemoryApiServer::new);
      b.cluster(n, s);
    }
    return b.build();
  }

  private KubeApplier.Builder applier() {
    return KubeApplier.builder()
        .retry(new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)))
        .sleeper(sleeps::add)
        .pollInterval(Duration.ofMillis(500))
        .readyTimeout(Duration.ofSeconds(2));
  }

  private static ObjectRef ref(io.fabric8.kubernetes.api.model.GenericKubernetesResource o) {
    return ObjectRef.of(o);
  }

  private static int indexOf(List<String> calls, String prefix) {
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no call starting with " + prefix + " in " + calls);
  }

  @Test
  void appliesWaveByWaveAndWaitsForTheCrdBeforeItsCustomResources() {
    var plan = shop("a").build();
    var conns = connect("a");
    servers.get("a").establishAfter(3);

    var result = applier().build().apply(plan, conns);

    assertThat(result.succeeded()).isTrue();
    var calls = servers.get("a").calls();
    int ns = indexOf(calls, "apply v1/Namespace//shop");
    int crd = indexOf(calls, "apply apiextensions.k8s.io/v1/CustomResourceDefinition");
    int established = calls.lastIndexOf("established? widgets.example.com");
    int cm = indexOf(calls, "apply v1/ConfigMap/shop/settings");
    int widget = indexOf(calls, "apply example.com/v1/Widget/shop/big");
    assertThat(ns).isLessThan(crd);
    assertThat(crd).isLessThan(established);
    assertThat(established).isLessThan(cm);
    assertThat(cm).isLessThan(widget);
    // established on the third check: two polls slept in between, no real waiting
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    var outcome = result.outcome(DeliveryTarget.cluster("a")).orElseThrow();
    assertThat(outcome.withResult(Result.ESTABLISHED))
        .extracting(o -> o.ref().name())
        .containsExactly("widgets.example.com");
    assertThat(outcome.withResult(Result.APPLIED)).hasSize(5);
  }

  @Test
  void inventoryParentIsRecordedBeforeEachWaveAndListsExactlyTheMembers() {
    var plan = shop("a").build();
    var conns = connect("a");

    var result = applier().build().apply(plan, conns);

    var a = servers.get("a");
    var parent = a.stored(ref(Fixtures.parent("shop"))).orElseThrow();
    var expected =
        List.of(
            ref(namespace("shop")),
            ref(crd()),
            ref(configMap("shop", "settings", "v1")),
            ref(deployment("shop", "web", 2)),
            ref(widget("shop", "big")));
    assertThat(Inventory.members(parent)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(parent.getMetadata().getAnnotations())
        .containsEntry(
            Inventory.GROUP_KINDS,
            "ConfigMap,CustomResourceDefinition.apiextensions.k8s.io,Deployment.apps,Namespace,"
                + "Widget.example.com")
        .containsEntry("applyset.kubernetes.io/tooling", "vela4j/v1");
    assertThat(result.targets().get(0).inventory()).containsExactlyInAnyOrderElementsOf(expected);
    // every member carries the part-of label, even when the plan did not set it
    for (var r : expected) {
      assertThat(a.stored(r).orElseThrow().getMetadata().getLabels())
          .containsEntry(Inventory.PART_OF_LABEL, APPLYSET_ID);
    }
    // the parent lives in "shop", which did not exist yet: the first record gets a 404, the
    // wave's Namespace is applied, then the record is repeated
    var calls = a.calls();
    assertThat(calls.subList(0, 4))
        .containsExactly(
            "get v1/Secret/shop/applyset-shop",
            "apply v1/Secret/shop/applyset-shop",
            "apply v1/Namespace//shop",
            "apply v1/Secret/shop/applyset-shop");
    assertThat(calls).filteredOn(c -> c.equals("apply v1/Namespace//shop")).hasSize(1);
    // the parent is written before the wave-2 objects are applied
    int lastParentBeforeWave2 = -1;
    for (int i = 0; i < indexOf(calls, "apply apps/v1/Deployment"); i++) {
      if (calls.get(i).startsWith("apply v1/Secret/shop/applyset-shop")) {
        lastParentBeforeWave2 = i;
      }
    }
    assertThat(lastParentBeforeWave2).isPositive();
  }

  @Test
  void prunesOnlyMembersThatLeftThePlanAndNeverForeignObjects() {
    var conns = connect("a");
    var a = servers.get("a");
    applier().build().apply(shop("a").apply(1, configMap("shop", "old", "x")).build(), conns);
    // an object with our label but another ApplySet id, and one without any label
    var foreign = configMap("shop", "foreign", "y");
    foreign.getMetadata().setLabels(Map.of(Inventory.PART_OF_LABEL, "applyset-other-v1"));
    a.seed(foreign, "kubectl");
    var unlabelled = configMap("shop", "manual", "z");
    unlabelled.getMetadata().setLabels(Map.of());
    a.seed(unlabelled, "kubectl");

    // v2: "old" and the Widget CR left the bundle
    var v2 =
        new Fixtures.PlanBuilder("a")
            .apply(0, namespace("shop"))
            .apply(0, crd())
            .apply(0, Fixtures.parent("shop"))
            .apply(1, configMap("shop", "settings", "v2"))
            .apply(2, deployment("shop", "web", 3))
            .build();
    var result = applier().build().apply(v2, conns);

    var outcome = result.targets().get(0);
    assertThat(outcome.objects())
        .filteredOn(o -> o.operation() == Operation.PRUNE)
        .extracting(o -> o.ref().name() + ":" + o.result())
        .containsExactlyInAnyOrder("old:DELETED", "big:DELETED");
    assertThat(a.stored(ref(configMap("shop", "old", "x")))).isEmpty();
    assertThat(a.stored(ref(widget("shop", "big")))).isEmpty();
    assertThat(a.stored(ref(foreign))).isPresent();
    assertThat(a.stored(ref(unlabelled))).isPresent();
    assertThat(Inventory.members(a.stored(ref(Fixtures.parent("shop"))).orElseThrow()))
        .extracting(ObjectRef::name)
        .containsExactlyInAnyOrder("shop", "widgets.example.com", "settings", "web");
  }

  @Test
  void pruneFindsLabelledMembersMissingFromTheRecordedListButKeepsNamespacesAndCrds() {
    var conns = connect("a");
    var a = servers.get("a");
    applier().build().apply(shop("a").build(), conns);
    // labelled as ours but never recorded (e.g. a crash between apply and record in another tool)
    a.seed(configMap("shop", "stray", "s"), "vela4j");

    var v2 =
        new Fixtures.PlanBuilder("a")
            .apply(0, Fixtures.parent("shop"))
            .apply(1, configMap("shop", "settings", "v2"))
            .build();
    var result = applier().build().apply(v2, conns);

    var outcome = result.targets().get(0);
    assertThat(a.stored(ref(configMap("shop", "stray", "s")))).isEmpty();
    assertThat(a.stored(ref(namespace("shop")))).isPresent();
    assertThat(a.stored(ref(crd()))).isPresent();
    assertThat(outcome.objects())
        .filteredOn(o -> o.operation() == Operation.PRUNE)
        .filteredOn(o -> o.result() == Result.SKIPPED)
        .extracting(o -> o.ref().kind())
        .containsExactlyInAnyOrder("Namespace", "CustomResourceDefinition");
  }

  @Test
  void noPruneWhenThePolicyDisablesIt() {
    var conns = connect("a");
    applier().build().apply(shop("a").apply(1, configMap("shop", "old", "x")).build(), conns);

    applier()
        .build()
        .apply(shop("a").policy(DispatchPolicy.builder().prune(false).build()).build(), conns);

    assertThat(servers.get("a").stored(ref(configMap("shop", "old", "x")))).isPresent();
  }

  @Test
  void oneClusterWithAConflictFailsWhileTheOtherTwoSucceed() {
    var conns = connect("a", "b", "c");
    // someone else owns spec.replicas of b's Deployment with another value
    servers.get("b").seed(namespace("shop"), "kubectl");
    servers.get("b").seed(deployment("shop", "web", 5), "kubectl");

    var plan = shop("a", "b", "c").apply(3, configMap("shop", "late", "l")).build();
    assertThatThrownBy(() -> applier().build().apply(plan, conns))
        .isInstanceOfSatisfying(
            KubeApplyException.class,
            e -> {
              assertThat(e.diagnostics())
                  .extracting(Diagnostic::code, Diagnostic::path)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("APPLY_CONFLICT", "cluster/b"));
              assertThat(e.diagnostics().get(0).message())
                  .contains(
                      "wave 2",
                      "Deployment shop/web",
                      "conflict with \"kubectl\"",
                      ".spec.replicas");
              assertThat(e.getMessage()).contains("apply failed on 1 of 3 targets");
              var result = e.result();
              assertThat(result.outcome(DeliveryTarget.cluster("a")).orElseThrow().succeeded())
                  .isTrue();
              assertThat(result.outcome(DeliveryTarget.cluster("c")).orElseThrow().succeeded())
                  .isTrue();
              var b = result.outcome(DeliveryTarget.cluster("b")).orElseThrow();
              assertThat(b.succeeded()).isFalse();
              assertThat(b.failedWave()).isEqualTo(2);
              // the widget in the same wave was still applied; wave 3 was not attempted
              assertThat(b.objects())
                  .filteredOn(o -> o.result() == Result.SKIPPED)
                  .extracting(o -> o.ref().name())
                  .containsExactly("late");
              // b's inventory lists exactly what exists: not the conflicting Deployment
              assertThat(b.inventory())
                  .extracting(ObjectRef::name)
                  .containsExactlyInAnyOrder("shop", "widgets.example.com", "settings", "big");
            });
    var bParent = servers.get("b").stored(ref(Fixtures.parent("shop"))).orElseThrow();
    assertThat(Inventory.members(bParent))
        .extracting(ObjectRef::name)
        .containsExactlyInAnyOrder("shop", "widgets.example.com", "settings", "big");
    assertThat(servers.get("b").stored(ref(configMap("shop", "late", "l")))).isEmpty();
    assertThat(servers.get("c").stored(ref(configMap("shop", "late", "l")))).isPresent();
  }

  @Test
  void overwritePolicyForcesTheConflictAway() {
    var conns = connect("b");
    servers.get("b").seed(namespace("shop"), "kubectl");
    servers.get("b").seed(deployment("shop", "web", 5), "kubectl");

    var result =
        applier()
            .build()
            .apply(
                shop("b")
                    .policy(
                        DispatchPolicy.builder()
                            .conflict(DispatchPolicy.Conflict.OVERWRITE)
                            .build())
                    .build(),
                conns);

    assertThat(result.succeeded()).isTrue();
    assertThat(servers.get("b").calls()).contains("apply apps/v1/Deployment/shop/web force");
    assertThat(
            servers
                .get("b")
                .stored(ref(deployment("shop", "web", 2)))
                .orElseThrow()
                .getAdditionalProperties()
                .get("spec"))
        .asString()
        .contains("replicas=2");
  }

  @Test
  void aFailedWaveAfterAnEarlierSuccessKeepsOldMembersAndSkipsPrune() {
    var conns = connect("a");
    var a = servers.get("a");
    applier().build().apply(shop("a").apply(1, configMap("shop", "old", "x")).build(), conns);
    a.failNext(
        ref(configMap("shop", "new", "n")),
        new ApiServerException(
            ApiServerException.Kind.PERMANENT, 422, "ConfigMap \"new\" is invalid"));

    var v2 =
        new Fixtures.PlanBuilder("a")
            .apply(0, namespace("shop"))
            .apply(0, crd())
            .apply(0, Fixtures.parent("shop"))
            .apply(1, configMap("shop", "settings", "v2"))
            .apply(1, configMap("shop", "new", "n"))
            .apply(2, deployment("shop", "web", 2))
            .build();
    var result = applier().build().applyAll(v2, conns);

    var outcome = result.targets().get(0);
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.result()).isEqualTo(Result.FAILED);
              assertThat(f.message()).contains("422", "is invalid");
            });
    assertThat(outcome.objects()).noneMatch(o -> o.operation() == Operation.PRUNE);
    assertThat(a.stored(ref(configMap("shop", "old", "x")))).isPresent();
    // old members stay recorded (they still exist); "new" failed and is not recorded
    assertThat(Inventory.members(a.stored(ref(Fixtures.parent("shop"))).orElseThrow()))
        .extracting(ObjectRef::name)
        .containsExactlyInAnyOrder("shop", "widgets.example.com", "settings", "old", "web", "big");
  }

  @Test
  void transientErrorsAreRetriedWithBackoff() {
    var conns = connect("a");
    servers
        .get("a")
        .failNext(
            ref(configMap("shop", "settings", "v1")),
            new ApiServerException(ApiServerException.Kind.TRANSIENT, 503, "unavailable"),
            new ApiServerException(ApiServerException.Kind.TRANSIENT, 429, "slow down"));

    var result = applier().build().apply(shop("a").build(), conns);

    assertThat(result.succeeded()).isTrue();
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(servers.get("a").calls())
        .filteredOn(c -> c.startsWith("apply v1/ConfigMap/shop/settings"))
        .hasSize(3);
  }

  @Test
  void anUnreachableClusterFailsAfterBoundedRetriesAndOthersContinue() {
    var conns = connect("a", "b", "c");
    servers.get("c").down(true);

    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            KubeApplyException.class,
            () -> applier().build().apply(shop("a", "b", "c").build(), conns));

    assertThat(e.result().failed())
        .extracting(t -> t.target().display())
        .containsExactly("cluster/c");
    assertThat(e.diagnostics()).extracting(Diagnostic::code).containsExactly("TARGET_FAILED");
    assertThat(e.diagnostics().get(0).message()).contains("Connection refused");
    // 3 attempts: the inventory read; then every delivery is reported as not attempted
    assertThat(servers.get("c").calls()).hasSize(3);
    var c = e.result().outcome(DeliveryTarget.cluster("c")).orElseThrow();
    assertThat(c.objects()).hasSize(6).allMatch(o -> o.result() == Result.SKIPPED);
    assertThat(servers.get("a").stored(ref(widget("shop", "big")))).isPresent();
  }

  @Test
  void aWaveWhoseInventoryCannotBeRecordedIsNotApplied() {
    var conns = connect("a");
    var a = servers.get("a");
    a.seed(namespace("shop"), "kubectl");
    var parentRef = ref(Fixtures.parent("shop"));
    var plan =
        new Fixtures.PlanBuilder("a")
            .apply(0, Fixtures.parent("shop"))
            .apply(0, configMap("shop", "first", "1"))
            .apply(1, configMap("shop", "second", "2"))
            .build();
    var listener = new CopyOnWriteArrayList<String>();
    // the record before wave 0 succeeds; the one before wave 1 is forbidden
    var watching =
        applier()
            .listener(
                new ApplyListener() {
                  @Override
                  public void waveFinished(DeliveryTarget t, int wave, int objects, boolean ok) {
                    listener.add(wave + ":" + ok);
                    if (wave == 0) {
                      a.failNext(
                          parentRef,
                          new ApiServerException(
                              ApiServerException.Kind.PERMANENT, 403, "secrets is forbidden"));
                    }
                  }
                })
            .build();

    var result = watching.applyAll(plan, conns);

    var outcome = result.targets().get(0);
    assertThat(listener).containsExactly("0:true", "1:false");
    assertThat(outcome.objects())
        .extracting(o -> o.operation() + ":" + o.ref().name() + ":" + o.result())
        .containsExactly(
            "APPLY:first:APPLIED", "INVENTORY:applyset-shop:FAILED", "APPLY:second:SKIPPED");
    assertThat(a.stored(ref(configMap("shop", "second", "2")))).isEmpty();
    assertThat(new KubeApplyException(result).diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("INVENTORY_FAILED");
  }

  @Test
  void aCrdThatNeverBecomesEstablishedStopsThatClusterOnly() {
    var conns = connect("a", "b");
    servers.get("b").establishAfter(0);

    var result = applier().build().applyAll(shop("a", "b").build(), conns);

    var b = result.outcome(DeliveryTarget.cluster("b")).orElseThrow();
    assertThat(b.failedWave()).isZero();
    assertThat(b.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.operation()).isEqualTo(Operation.WAIT_ESTABLISHED);
              assertThat(f.message()).contains("not Established after 5 checks");
            });
    assertThat(b.withResult(Result.SKIPPED)).hasSize(3);
    assertThat(servers.get("b").stored(ref(widget("shop", "big")))).isEmpty();
    assertThat(result.outcome(DeliveryTarget.cluster("a")).orElseThrow().succeeded()).isTrue();
    assertThat(new KubeApplyException(result).diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("OBJECT_NOT_READY");
  }

  @Test
  void explicitWaitAndDeleteDeliveriesAreExecuted() {
    var conns = connect("a");
    var a = servers.get("a");
    a.seed(namespace("shop"), "kubectl");
    a.seed(configMap("shop", "legacy", "l"), "kubectl");
    var plan =
        new Fixtures.PlanBuilder("a")
            .apply(0, crd())
            .waitFor(0, crd())
            .delete(1, configMap("shop", "legacy", "l"))
            .delete(1, configMap("shop", "gone", "g"))
            .apply(1, widget("shop", "w"))
            .build();

    var outcome = applier().build().apply(plan, conns).targets().get(0);

    assertThat(outcome.objects())
        .extracting(o -> o.operation() + ":" + o.ref().name() + ":" + o.result())
        .containsExactly(
            "APPLY:widgets.example.com:APPLIED",
            "WAIT_ESTABLISHED:widgets.example.com:ESTABLISHED",
            "DELETE:legacy:DELETED",
            "DELETE:gone:ABSENT",
            "APPLY:w:APPLIED");
    assertThat(outcome.inventory()).isEmpty();
  }

  @Test
  void aMissingConnectionFailsOnlyThatCluster() {
    var conns = connect("a");

    var result = applier().build().applyAll(shop("a", "zz").build(), conns);

    var zz = result.outcome(DeliveryTarget.cluster("zz")).orElseThrow();
    assertThat(zz.succeeded()).isFalse();
    assertThat(zz.error()).isEqualTo("no connection for cluster zz (known clusters: a)");
    assertThat(result.outcome(DeliveryTarget.cluster("a")).orElseThrow().succeeded()).isTrue();
  }

  @Test
  void clustersRunInParallelWithBoundedConcurrency() {
    var max = new AtomicInteger();
    var inFlight = new AtomicInteger();
    var names = List.of("c1", "c2", "c3", "c4", "c5");
    var b = ClusterConnections.builder();
    for (var n : names) {
      var s = new InMemoryApiServer(n, inFlight, max).latency(2);
      servers.put(n, s);
      b.cluster(n, s);
    }
    var finished = new CopyOnWriteArrayList<String>();
    var listener =
        new ApplyListener() {
          @Override
          public void targetFinished(ClusterOutcome outcome) {
            finished.add(outcome.summary());
          }
        };

    var result =
        applier()
            .concurrency(2)
            .listener(listener)
            .build()
            .apply(shop(names.toArray(String[]::new)).build(), b.build());

    assertThat(result.targets()).hasSize(5).allMatch(ClusterOutcome::succeeded);
    assertThat(max.get()).isEqualTo(2);
    assertThat(finished).hasSize(5).allMatch(s -> s.endsWith(": ok, 5 applied"));
  }

  @Test
  void readOnlyStrategyOnlyChecksExistenceAndNeverWritesOrDeletes() {
    var conns = connect("a");
    var a = servers.get("a");
    a.seed(namespace("shop"), "kubectl");
    a.seed(configMap("shop", "legacy", "l"), "kubectl");
    var plan =
        new Fixtures.PlanBuilder("a")
            .apply(0, namespace("shop"))
            .apply(0, Fixtures.parent("shop"))
            .apply(0, configMap("shop", "missing", "m"))
            .delete(0, configMap("shop", "legacy", "l"))
            .policy(
                DispatchPolicy.builder()
                    .updateStrategy(DispatchPolicy.UpdateStrategy.READ_ONLY)
                    .build())
            .build();

    var result = applier().build().applyAll(plan, conns);

    assertThat(result.targets().get(0).objects())
        .extracting(o -> o.ref().name() + ":" + o.result())
        .containsExactly("shop:UNCHANGED", "missing:FAILED", "legacy:SKIPPED");
    assertThat(a.calls()).noneMatch(c -> c.startsWith("apply") || c.startsWith("delete"));
    assertThat(result.targets().get(0).inventory()).isEmpty();
  }

  @Test
  void createOnlyStrategyCreatesMissingObjectsAndLeavesExistingOnes() {
    var conns = connect("a");
    var a = servers.get("a");
    a.seed(namespace("shop"), "kubectl");
    a.seed(configMap("shop", "settings", "theirs"), "kubectl");

    var result =
        applier()
            .build()
            .apply(
                new Fixtures.PlanBuilder("a")
                    .apply(0, configMap("shop", "settings", "ours"))
                    .apply(0, configMap("shop", "fresh", "ours"))
                    .policy(
                        DispatchPolicy.builder()
                            .updateStrategy(DispatchPolicy.UpdateStrategy.CREATE_ONLY)
                            .build())
                    .build(),
                conns);

    assertThat(result.targets().get(0).objects())
        .extracting(o -> o.ref().name() + ":" + o.result())
        .containsExactly("settings:UNCHANGED", "fresh:APPLIED");
    assertThat(
            a.stored(ref(configMap("shop", "settings", "x")))
                .orElseThrow()
                .getAdditionalProperties()
                .get("data"))
        .isEqualTo(Map.of("key", "theirs"));
  }

  @Test
  void applyingTheSamePlanTwiceIsIdempotent() {
    var conns = connect("a");
    var applier = applier().build();
    applier.apply(shop("a").build(), conns);
    var before = servers.get("a").storedRefs();

    var second = applier.apply(shop("a").build(), conns);

    assertThat(servers.get("a").storedRefs()).isEqualTo(before);
    assertThat(second.targets().get(0).objects()).noneMatch(o -> o.operation() == Operation.PRUNE);
    var names = new ArrayList<String>();
    second.targets().get(0).withResult(Result.APPLIED).forEach(o -> names.add(o.ref().name()));
    assertThat(names).containsExactly("shop", "widgets.example.com", "settings", "web", "big");
  }
}
