package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.vela4j.dispatch.kube.internal.Inventory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Properties of retries, the inventory encoding and the apply/prune flow. */
class ApplyInvariantsTest {

  @Test
  void backoffDelaysNeverDecreaseAndNeverExceedTheMaximum() {
    qt().forAll(
            integers().between(1, 10),
            integers().between(0, 2_000),
            integers().between(100, 400),
            integers().between(0, 10_000))
        .checkAssert(
            (attempts, initial, multiplierPercent, max) -> {
              var policy =
                  new RetryPolicy(
                      attempts,
                      Duration.ofMillis(initial),
                      multiplierPercent / 100.0,
                      Duration.ofMillis(max));
              Duration previous = Duration.ZERO;
              for (int attempt = 1; attempt <= 40; attempt++) {
                var delay = policy.delayAfter(attempt);
                assertThat(delay).isLessThanOrEqualTo(Duration.ofMillis(max));
                assertThat(delay).isGreaterThanOrEqualTo(previous);
                previous = delay;
              }
            });
  }

  @Test
  void inventoryMembersRoundTripThroughTheParent() {
    qt().forAll(lists().of(integers().between(0, 59)).ofSizeBetween(0, 30))
        .checkAssert(
            indexes -> {
              var refs = new TreeSet<ObjectRef>();
              indexes.forEach(i -> refs.add(universe(i)));
              var parent = Inventory.withMembers(Fixtures.parent("shop"), refs);
              assertThat(Inventory.members(parent)).containsExactlyElementsOf(refs);
              assertThat(Inventory.isParent(parent)).isTrue();
            });
  }

  @Test
  void objectRefsConvertToResourceKeysAndBack() {
    qt().forAll(integers().between(0, 59))
        .checkAssert(
            i -> {
              var ref = universe(i);
              assertThat(ObjectRef.of(ref.toKey())).isEqualTo(ref);
              assertThat(ref.toKey().canonical())
                  .isEqualTo(
                      ref.group()
                          + "/"
                          + ref.kind()
                          + "/"
                          + (ref.namespace() == null ? "" : ref.namespace())
                          + "/"
                          + ref.name());
            });
  }

  /** Object {@code i} of a fixed universe: ConfigMaps, Deployments and ClusterRoles. */
  private static ObjectRef universe(int i) {
    return switch (i % 3) {
      case 0 -> new ObjectRef("v1", "ConfigMap", "ns" + (i % 2), "c" + i);
      case 1 -> new ObjectRef("apps/v1", "Deployment", "ns" + (i % 2), "d" + i);
      default -> new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "r" + i);
    };
  }

  private static io.fabric8.kubernetes.api.model.GenericKubernetesResource object(int i) {
    return Fixtures.configMap("shop", "c" + i, "v" + i);
  }

  private static Fixtures.PlanBuilder plan(List<Integer> members) {
    var b =
        new Fixtures.PlanBuilder("a")
            .apply(0, Fixtures.namespace("shop"))
            .apply(0, Fixtures.parent("shop"));
    new TreeSet<>(members).forEach(i -> b.apply(1 + i % 3, object(i)));
    return b;
  }

  @Test
  void afterTwoAppliesTheClusterHoldsExactlyTheSecondPlanAndForeignObjectsSurvive() {
    qt().withExamples(60)
        .forAll(
            lists().of(integers().between(0, 11)).ofSizeBetween(0, 8),
            lists().of(integers().between(0, 11)).ofSizeBetween(0, 8),
            integers().between(-1, 11))
        .checkAssert(
            (first, second, failing) -> {
              var server = new InMemoryApiServer("a");
              server.seed(Fixtures.namespace("shop"), "kubectl");
              var foreign = Fixtures.configMap("shop", "foreign", "f");
              foreign.getMetadata().setLabels(Map.of());
              server.seed(foreign, "kubectl");
              var conns = ClusterConnections.builder().cluster("a", server).build();
              var applier = KubeApplier.builder().sleeper(d -> {}).retry(RetryPolicy.NONE).build();
              applier.apply(plan(first).build(), conns);
              boolean fails = failing >= 0 && second.contains(failing);
              if (fails) {
                server.failNext(
                    ObjectRef.of(object(failing)),
                    new ApiServerException(ApiServerException.Kind.PERMANENT, 422, "invalid"));
              }

              var result = applier.applyAll(plan(second).build(), conns);

              var live = new TreeSet<String>();
              server.storedRefs().stream()
                  .filter(r -> r.kind().equals("ConfigMap"))
                  .forEach(r -> live.add(r.name()));
              var inventory = new TreeSet<String>();
              Inventory.members(server.stored(ObjectRef.of(Fixtures.parent("shop"))).orElseThrow())
                  .stream()
                  .filter(r -> r.kind().equals("ConfigMap"))
                  .forEach(r -> inventory.add(r.name()));
              var expected = new TreeSet<String>();
              if (!fails) {
                second.forEach(i -> expected.add("c" + i));
                assertThat(result.succeeded()).isTrue();
                assertThat(inventory).isEqualTo(expected);
              } else {
                // the failed wave stops the run: nothing pruned, the failed object not recorded
                first.forEach(i -> expected.add("c" + i));
                second.stream()
                    .filter(i -> i % 3 < failing % 3)
                    .forEach(i -> expected.add("c" + i));
                second.stream()
                    .filter(i -> i % 3 == failing % 3 && i != failing)
                    .forEach(i -> expected.add("c" + i));
                if (!first.contains(failing)) {
                  expected.remove("c" + failing);
                }
                assertThat(result.succeeded()).isFalse();
                assertThat(inventory).isEqualTo(expected);
              }
              var expectedLive = new TreeSet<>(expected);
              expectedLive.add("foreign");
              assertThat(live).isEqualTo(expectedLive);
            });
  }
}
