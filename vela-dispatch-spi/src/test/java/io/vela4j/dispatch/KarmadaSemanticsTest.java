package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vela4j.dispatch.Overrider.Annotations;
import io.vela4j.dispatch.Overrider.ContainerArgs;
import io.vela4j.dispatch.Overrider.ContainerCommand;
import io.vela4j.dispatch.Overrider.Image;
import io.vela4j.dispatch.Overrider.ImageComponent;
import io.vela4j.dispatch.Overrider.JsonPatch;
import io.vela4j.dispatch.Overrider.Labels;
import io.vela4j.dispatch.Overrider.ListOperator;
import io.vela4j.dispatch.Overrider.Operator;
import io.vela4j.dispatch.Overrider.PatchOp;
import io.vela4j.dispatch.Overrider.Replicas;
import io.vela4j.dispatch.karmada.KarmadaDispatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Applying our Karmada plan with Karmada's semantics (templates → PropagationPolicy/Webster →
 * OverridePolicies by name, overriders in Karmada's order) must give exactly the shared per-cluster
 * objects that the OCM and direct planners deliver.
 */
class KarmadaSemanticsTest {

  private static final KarmadaDispatcher KARMADA = new KarmadaDispatcher();

  private static void assertKarmadaReproducesDesiredState(DispatchRequest request) {
    DispatchPlan plan = KARMADA.plan(request);
    var viaKarmada = KarmadaInterpreter.propagate(plan);
    var desired = KarmadaInterpreter.desired(DesiredState.compute(request));
    // Zero-replica clusters still get every object (we use plaintext replicas, not Divided).
    assertThat(viaKarmada.keySet()).isEqualTo(desired.keySet());
    for (String c : desired.keySet()) {
      assertThat(viaKarmada.get(c).keySet())
          .as("objects of %s", c)
          .isEqualTo(desired.get(c).keySet());
      for (String k : desired.get(c).keySet()) {
        assertThat(io.vela4j.dispatch.internal.Json.sorted(viaKarmada.get(c).get(k)))
            .as("%s in %s", k, c)
            .isEqualTo(desired.get(c).get(k));
      }
    }
  }

  @Test
  void exampleBundleOverridePoliciesReproduceTheSharedPerClusterObjects() {
    assertKarmadaReproducesDesiredState(Fixtures.exampleRequest());
  }

  @Test
  void zeroReplicaClusterUsesDuplicatedWithPlaintextReplicasSoItStillGetsTheObject() {
    DispatchRequest base = Fixtures.exampleRequest();
    var clusters = new ArrayList<>(base.placement().clusters());
    var first = clusters.get(0);
    clusters.set(0, new ClusterAssignment(first.cluster(), 0, first.overriders()));
    var request =
        new DispatchRequest(
            base.bundle(), new Placement(clusters), base.policy(), base.scopes(), Map.of());
    DispatchPlan plan = KARMADA.plan(request);
    assertThat(plan.deliveries())
        .noneMatch(d -> d.json().contains("\"replicaSchedulingType\":\"Divided\""));
    assertThat(plan.diagnostics()).anyMatch(d -> d.code().equals("CLUSTER_ZERO_REPLICAS"));
    assertKarmadaReproducesDesiredState(request);
  }

  @Test
  void staticWeightsEqualToReplicasAreExactUnderWebster() {
    // karmada pkg/scheduler/core/assignment_test.go::Test_assignByStaticWeightStrategy (v1.16+)
    assertThat(KarmadaInterpreter.webster(12, Map.of("member1", 3, "member2", 2, "member3", 1)))
        .containsExactly(Map.entry("member1", 6), Map.entry("member2", 4), Map.entry("member3", 2));
    assertThat(KarmadaInterpreter.webster(13, Map.of("member1", 3, "member2", 2, "member3", 1)))
        .containsExactly(Map.entry("member1", 7), Map.entry("member2", 4), Map.entry("member3", 2));
    // v1.15 TakeByWeight gave 8,4,2; Webster (v1.16+) gives 7,5,2.
    assertThat(KarmadaInterpreter.webster(14, Map.of("member1", 3, "member2", 2, "member3", 1)))
        .containsExactly(Map.entry("member1", 7), Map.entry("member2", 5), Map.entry("member3", 2));
    assertThat(KarmadaInterpreter.webster(12, Map.of("member1", 1, "member2", 1, "member3", 1)))
        .containsExactly(Map.entry("member1", 4), Map.entry("member2", 4), Map.entry("member3", 4));
    // webstermethod_test.go: A100000/B80000/C30000/D20000 with 8 seats gives A3 B3 C1 D1.
    assertThat(
            KarmadaInterpreter.webster(8, Map.of("A", 100000, "B", 80000, "C", 30000, "D", 20000)))
        .containsExactly(
            Map.entry("A", 3), Map.entry("B", 3), Map.entry("C", 1), Map.entry("D", 1));
    // Our use: weight = replicas, total = sum → each cluster gets exactly its replicas.
    qt().withExamples(200)
        .forAll(SourceDSL.lists().of(SourceDSL.integers().between(1, 50)).ofSizeBetween(1, 12))
        .checkAssert(
            rs -> {
              var weights = new LinkedHashMap<String, Integer>();
              for (int i = 0; i < rs.size(); i++) {
                weights.put(String.format("c%02d", i), rs.get(i));
              }
              int sum = rs.stream().mapToInt(Integer::intValue).sum();
              assertThat(KarmadaInterpreter.webster(sum, weights)).isEqualTo(weights);
            });
  }

  // ---- random placements over the example bundle --------------------------------------------

  private static final List<ResourceSelector> SELECTORS =
      List.of(
          ResourceSelector.ALL,
          ResourceSelector.of("Deployment", "web"),
          new ResourceSelector(null, "ConfigMap", null, null),
          new ResourceSelector(null, null, "shop", null),
          new ResourceSelector("batch/v1", "Job", null, null));

  private static Gen<Overrider> override() {
    Gen<ResourceSelector> sel =
        SourceDSL.integers().between(0, SELECTORS.size() - 1).map(SELECTORS::get);
    Gen<Operator> op = SourceDSL.arbitrary().enumValues(Operator.class);
    Gen<String> word = SourceDSL.arbitrary().pick(List.of("a", "b", "gold", "v2", "x-1"));
    Gen<Overrider> image =
        SourceDSL.arbitrary()
            .enumValues(ImageComponent.class)
            .zip(op, word, sel, (c, o, w, s) -> new Image(c, o, o == Operator.REMOVE ? "" : w, s));
    Gen<Overrider> labels = op.zip(word, word, sel, (o, k, v, s) -> new Labels(o, Map.of(k, v), s));
    Gen<Overrider> annotations =
        op.zip(
            word, word, sel, (o, k, v, s) -> new Annotations(o, Map.of("example.com/" + k, v), s));
    Gen<String> container = SourceDSL.arbitrary().pick(List.of("web", "sidecar", "migrate"));
    Gen<Overrider> args =
        container.zip(
            SourceDSL.booleans().all(),
            word,
            sel,
            (c, add, w, s) ->
                new ContainerArgs(
                    c, add ? ListOperator.ADD : ListOperator.REMOVE, List.of("--" + w), s));
    Gen<Overrider> command =
        container.zip(
            SourceDSL.booleans().all(),
            word,
            sel,
            (c, add, w, s) ->
                new ContainerCommand(
                    c, add ? ListOperator.ADD : ListOperator.REMOVE, List.of("/bin/" + w), s));
    Gen<Overrider> patch =
        word.zip(
            SourceDSL.integers().between(0, 2),
            (w, which) ->
                switch (which) {
                  case 0 ->
                      new JsonPatch(
                          List.of(
                              new PatchOp(
                                  Operator.ADD,
                                  "/data/" + w,
                                  JsonNodeFactory.instance.textNode(w))),
                          new ResourceSelector(null, "ConfigMap", null, "web-config"));
                  case 1 ->
                      new JsonPatch(
                          List.of(
                              new PatchOp(
                                  Operator.REPLACE,
                                  "/spec/template/spec/containers/0/name",
                                  JsonNodeFactory.instance.textNode("web"))),
                          ResourceSelector.of("Deployment", "web"));
                  default -> new Replicas(w.length(), ResourceSelector.of("Deployment", "web"));
                });
    return SourceDSL.integers()
        .between(0, 6)
        .zip(
            image,
            labels,
            annotations,
            (i, a, b, c) ->
                switch (i) {
                  case 0 -> a;
                  case 1 -> b;
                  default -> c;
                })
        .zip(
            args,
            command,
            patch,
            SourceDSL.integers().between(0, 3),
            (x, a, c, p, i) ->
                switch (i) {
                  case 0 -> x;
                  case 1 -> a;
                  case 2 -> c;
                  default -> p;
                });
  }

  @Test
  void randomOverridesAndReplicasGiveTheSameObjectsThroughKarmada() {
    DispatchRequest base = Fixtures.exampleRequest();
    Gen<Integer> replicas = SourceDSL.integers().between(-1, 4);
    Gen<List<Overrider>> overrides = SourceDSL.lists().of(override()).ofSizeBetween(0, 5);
    Gen<List<Object[]>> clusters =
        SourceDSL.lists()
            .of(replicas.zip(overrides, (r, o) -> new Object[] {r, o}))
            .ofSizeBetween(1, 4);
    qt().withExamples(150)
        .forAll(clusters)
        .checkAssert(
            cs -> {
              var list = new ArrayList<ClusterAssignment>();
              for (int i = 0; i < cs.size(); i++) {
                int r = (Integer) cs.get(i)[0];
                @SuppressWarnings("unchecked")
                var o = (List<Overrider>) cs.get(i)[1];
                list.add(new ClusterAssignment(MemberCluster.named("c" + i), r < 0 ? null : r, o));
              }
              var request =
                  new DispatchRequest(
                      base.bundle(), new Placement(list), base.policy(), base.scopes(), Map.of());
              assertKarmadaReproducesDesiredState(request);
            });
  }

  static Manifest workload(String apiVersion, String kind, String name) {
    var n = JsonNodeFactory.instance.objectNode();
    n.put("apiVersion", apiVersion).put("kind", kind);
    n.putObject("metadata").put("name", name).put("namespace", "apps");
    var spec = n.putObject("spec");
    spec.put("replicas", 1);
    spec.putObject("template")
        .putObject("spec")
        .putArray("containers")
        .addObject()
        .put("name", "c")
        .put("image", "reg.io/app:1");
    return Manifest.of(n);
  }

  @Test
  void onlyKindsKarmadaDividesUseWeightsOthersGetPlaintextReplicasInTheFirstOverridePolicy() {
    var bundle =
        Bundle.of(
            "b",
            List.of(
                workload("apps/v1", "Deployment", "d"),
                workload("apps/v1", "StatefulSet", "s"),
                workload("apps/v1", "ReplicaSet", "r"),
                workload("apps/v1beta2", "Deployment", "old")));
    for (List<Integer> replicas : List.of(List.of(3, 1, 2), List.of(2, 0, 5), List.of(4, -1, 1))) {
      var cs = new ArrayList<ClusterAssignment>();
      for (int i = 0; i < replicas.size(); i++) {
        int r = replicas.get(i);
        cs.add(
            new ClusterAssignment(
                MemberCluster.named("m" + i),
                r < 0 ? null : r,
                List.of(new Labels(Operator.ADD, Map.of("i", "" + i), ResourceSelector.ALL))));
      }
      var request = DispatchRequest.of(bundle, new Placement(cs), DispatchPolicy.defaults());
      DispatchPlan plan = KARMADA.plan(request);
      boolean divided = replicas.stream().allMatch(r -> r > 0);
      var replicasPolicy =
          plan.deliveries().stream().filter(d -> d.key().name().equals("b-replicas")).toList();
      assertThat(replicasPolicy).hasSize(divided ? 1 : 0);
      if (divided) {
        String selectors = replicasPolicy.get(0).body().at("/spec/resourceSelectors").toString();
        assertThat(selectors)
            .contains("\"StatefulSet\"", "\"name\":\"d\"")
            .doesNotContain("ReplicaSet")
            .doesNotContain("apps/v1beta2");
      }
      var op000 =
          plan.deliveries().stream()
              .filter(d -> d.key().name().equals("b-000"))
              .findFirst()
              .orElseThrow();
      assertThat(op000.body().at("/spec/resourceSelectors").toString())
          .contains("ReplicaSet", "apps/v1beta2");
      assertKarmadaReproducesDesiredState(request);
    }
  }

  @Test
  void conflictAndDeletionPoliciesMapToKarmadaFields() {
    DispatchRequest base = Fixtures.exampleRequest();
    var policy =
        base.policy().toBuilder()
            .conflict(DispatchPolicy.Conflict.ABORT)
            .deletion(DispatchPolicy.Deletion.ORPHAN)
            .build();
    DispatchPlan plan =
        KARMADA.plan(
            new DispatchRequest(
                base.bundle(),
                base.placement(),
                policy,
                base.scopes(),
                Map.of(KarmadaDispatcher.OPTION_PRIORITY, "7")));
    var pps =
        plan.deliveries().stream()
            .filter(d -> d.key().kind().endsWith("PropagationPolicy"))
            .toList();
    assertThat(pps).hasSize(3);
    for (Delivery d : pps) {
      var spec = d.body().get("spec");
      assertThat(spec.path("conflictResolution").asText()).isEqualTo("Abort");
      assertThat(spec.path("preserveResourcesOnDeletion").asBoolean()).isTrue();
      assertThat(spec.path("priority").asInt()).isEqualTo(7);
      assertThat(spec.path("preemption").asText()).isEqualTo("Always");
    }
    // Policies precede the templates they select; CRDs get a barrier before custom resources.
    int crdWait = -1;
    int widget = -1;
    for (int i = 0; i < plan.deliveries().size(); i++) {
      Delivery d = plan.deliveries().get(i);
      if (d.action() == Delivery.Action.WAIT_ESTABLISHED) {
        crdWait = i;
      }
      if (d.key().kind().equals("Widget")) {
        widget = i;
      }
    }
    assertThat(crdWait).isBetween(0, widget);
    assertThat(plan.deliveries().get(widget).wave())
        .isGreaterThan(plan.deliveries().get(crdWait).wave());
  }
}
