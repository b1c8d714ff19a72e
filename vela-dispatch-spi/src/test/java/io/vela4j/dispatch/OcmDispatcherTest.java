package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vela4j.dispatch.ocm.OcmDispatcher;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScope;
import io.vela4j.model.kube.ResourceScopes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcmDispatcherTest {
  private static final OcmDispatcher OCM = new OcmDispatcher();
  private static final ObjectMapper M = new ObjectMapper();

  static DispatchRequest withPolicy(DispatchRequest r, DispatchPolicy p) {
    return new DispatchRequest(r.bundle(), r.placement(), p, r.scopes(), r.options());
  }

  static List<JsonNode> works(DispatchPlan plan, String cluster) {
    return plan.deliveries().stream()
        .filter(d -> d.action() == Delivery.Action.APPLY)
        .map(Delivery::body)
        .filter(b -> b.path("metadata").path("namespace").asText().equals(cluster))
        .map(JsonNode.class::cast)
        .toList();
  }

  static int manifestBytes(JsonNode work) {
    int n = 0;
    for (JsonNode m : work.path("spec").path("workload").path("manifests")) {
      n += m.toString().getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }

  @Test
  void oneWorkPerClusterInTheClusterNamespaceWhenUnderTheLimit() {
    DispatchPlan plan = OCM.plan(Fixtures.exampleRequest());
    assertThat(plan.deliveries()).allMatch(d -> d.target() instanceof DeliveryTarget.ControlPlane);
    for (String c : List.of("ap-1", "eu-1", "us-1")) {
      List<JsonNode> works = works(plan, c);
      assertThat(works).hasSize(1);
      assertThat(works.get(0).path("metadata").path("name").asText()).isEqualTo("shop-" + c + "-0");
      assertThat(works.get(0).path("spec").path("workload").path("manifests")).hasSize(9);
    }
  }

  @Test
  void overSizeBundlesSplitIntoDeterministicChunksWithNamespaceAndCrdChunkFirst() {
    DispatchRequest base = Fixtures.exampleRequest();
    int limit = 1500;
    DispatchPlan plan =
        OCM.plan(withPolicy(base, base.policy().toBuilder().maxPayloadBytes(limit).build()));
    List<JsonNode> works = works(plan, "eu-1");
    assertThat(works.size()).isGreaterThan(2);
    for (int i = 0; i < works.size(); i++) {
      // OCM's webhook sums manifest sizes per work; ours stay within the limit.
      assertThat(manifestBytes(works.get(i))).isLessThanOrEqualTo(limit);
      assertThat(
              works
                  .get(i)
                  .path("metadata")
                  .path("labels")
                  .path("dispatch.vela4j.io/chunk")
                  .asText())
          .isEqualTo(Integer.toString(i));
    }
    JsonNode first = works.get(0).path("spec").path("workload").path("manifests");
    List<String> firstKinds = new ArrayList<>();
    first.forEach(m -> firstKinds.add(m.path("kind").asText()));
    assertThat(firstKinds).containsOnly("Namespace", "CustomResourceDefinition");
    // Foundation chunk in wave 0 followed by a barrier on it; the rest in wave 1.
    var eu =
        plan.deliveries().stream()
            .filter(d -> d.key().namespace() != null && d.key().namespace().equals("eu-1"))
            .toList();
    assertThat(eu.get(0).wave()).isZero();
    assertThat(eu.get(1).action()).isEqualTo(Delivery.Action.WAIT_ESTABLISHED);
    assertThat(eu.get(1).key()).isEqualTo(eu.get(0).key());
    assertThat(eu.subList(2, eu.size()))
        .allMatch(d -> d.wave() == 1 && d.action() == Delivery.Action.APPLY);
    // All manifests are still delivered exactly once, in wave order.
    List<String> names = new ArrayList<>();
    works.forEach(
        w ->
            w.path("spec")
                .path("workload")
                .path("manifests")
                .forEach(
                    m ->
                        names.add(
                            m.path("kind").asText()
                                + "/"
                                + m.path("metadata").path("name").asText())));
    assertThat(names).hasSize(9).doesNotHaveDuplicates();
  }

  @Test
  void anObjectLargerThanTheLimitIsAnErrorNotASilentlyRejectedWork() {
    DispatchRequest base = Fixtures.exampleRequest();
    assertThatThrownBy(
            () ->
                OCM.plan(withPolicy(base, base.policy().toBuilder().maxPayloadBytes(300).build())))
        .isInstanceOf(DispatchException.class)
        .satisfies(
            e ->
                assertThat(((DispatchException) e).diagnostics())
                    .extracting(Diagnostic::code)
                    .contains("PAYLOAD_TOO_LARGE")
                    .doesNotContainNull());
  }

  @Test
  void manifestConfigsUsePluralResourcesIncludingBundleCrdsAndFieldManagerUnderWorkAgent() {
    DispatchPlan plan = OCM.plan(Fixtures.exampleRequest());
    JsonNode work = works(plan, "eu-1").get(0);
    var byName = new java.util.HashMap<String, JsonNode>();
    work.path("spec")
        .path("manifestConfigs")
        .forEach(
            c ->
                byName.put(
                    c.path("resourceIdentifier").path("name").asText()
                        + "/"
                        + c.path("resourceIdentifier").path("resource").asText(),
                    c));
    assertThat(byName)
        .containsKeys(
            "storefront/widgets",
            "web/deployments",
            "shop/namespaces",
            "widgets.example.com/customresourcedefinitions",
            "shop-reader/clusterroles",
            "migrate/jobs");
    JsonNode ns = byName.get("shop/namespaces").path("resourceIdentifier");
    assertThat(ns.has("namespace")).as("cluster-scoped: no namespace").isFalse();
    JsonNode dep = byName.get("web/deployments");
    assertThat(dep.path("resourceIdentifier").path("group").asText()).isEqualTo("apps");
    assertThat(dep.path("updateStrategy").path("type").asText()).isEqualTo("ServerSideApply");
    assertThat(dep.path("updateStrategy").path("serverSideApply").path("fieldManager").asText())
        .isEqualTo("work-agent-shop-deployer");
    assertThat(dep.path("updateStrategy").path("serverSideApply").path("force").asBoolean())
        .isTrue();
    assertThat(dep.path("feedbackRules").toString())
        .isEqualTo(
            "[{\"type\":\"WellKnownStatus\"},{\"jsonPaths\":[{\"name\":\"readyReplicas\",\"path\":\".readyReplicas\"}],\"type\":\"JSONPaths\"}]");
    assertThat(byName.get("web-config/configmaps").has("feedbackRules")).isFalse();
  }

  @Test
  void perClusterReplicasAndOverridesAreBakedIntoEachClustersManifests() {
    DispatchPlan plan = OCM.plan(Fixtures.exampleRequest());
    JsonNode eu = deployment(works(plan, "eu-1").get(0));
    JsonNode ap = deployment(works(plan, "ap-1").get(0));
    assertThat(eu.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(eu.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("registry.example.com/shop/web:1.1");
    assertThat(eu.at("/metadata/labels/tier").asText()).isEqualTo("gold");
    assertThat(ap.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(ap.at("/spec/template/spec/containers/1/image").asText())
        .isEqualTo("mirror.ap.example.com/shop/proxy:2.3");
    // Server-populated fields never travel.
    assertThat(eu.has("status")).isFalse();
    assertThat(eu.path("metadata").has("uid")).isFalse();
    assertThat(eu.path("metadata").has("resourceVersion")).isFalse();
  }

  static JsonNode deployment(JsonNode work) {
    for (JsonNode m : work.path("spec").path("workload").path("manifests")) {
      if (m.path("kind").asText().equals("Deployment")) {
        return m;
      }
    }
    throw new AssertionError("no Deployment");
  }

  @Test
  void deletionPolicyMapsToDeleteOption() {
    DispatchRequest base = Fixtures.exampleRequest();
    JsonNode fg = works(OCM.plan(base), "eu-1").get(0);
    JsonNode orphan =
        works(
                OCM.plan(
                    withPolicy(
                        base,
                        base.policy().toBuilder()
                            .deletion(DispatchPolicy.Deletion.ORPHAN)
                            .build())),
                "eu-1")
            .get(0);
    assertThat(fg.at("/spec/deleteOption/propagationPolicy").asText()).isEqualTo("Foreground");
    assertThat(orphan.at("/spec/deleteOption/propagationPolicy").asText()).isEqualTo("Orphan");
  }

  @Test
  void fieldManagerAlreadyUnderWorkAgentIsKept() {
    assertThat(
            OcmDispatcher.fieldManager(
                DispatchPolicy.builder().fieldManager("work-agent-x").build()))
        .isEqualTo("work-agent-x");
    assertThat(OcmDispatcher.fieldManager(DispatchPolicy.defaults()))
        .isEqualTo("work-agent-vela4j");
  }

  @Test
  void workNamesLongerThanTheAppliedManifestWorkLimitAreRejected() {
    assertThat(OcmDispatcher.workName("b", "c", 3)).isEqualTo("b-c-3");
    String longName = "x".repeat(180);
    assertThatThrownBy(() -> OcmDispatcher.workName(longName, "cluster", 0))
        .isInstanceOf(DispatchException.class)
        .hasMessageContaining("188");
  }

  @Test
  void namespacesAreStrippedFromClusterScopedObjects() throws Exception {
    var ns =
        Manifest.of(
            M.readTree(
                "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"r\",\"namespace\":\"oops\"}}"));
    var request =
        DispatchRequest.of(
            Bundle.of("b", List.of(ns)), Placement.of("c1"), DispatchPolicy.defaults());
    JsonNode work = works(OCM.plan(request), "c1").get(0);
    assertThat(work.at("/spec/workload/manifests/0/metadata").has("namespace")).isFalse();
    assertThat(work.at("/spec/manifestConfigs/0/resourceIdentifier").has("namespace")).isFalse();
  }

  @Test
  void unknownKindsWarnAndGetAGuessedPlural() throws Exception {
    var cr =
        Manifest.of(
            M.readTree(
                "{\"apiVersion\":\"acme.io/v1\",\"kind\":\"Policy\",\"metadata\":{\"name\":\"p\",\"namespace\":\"x\"}}"));
    var request =
        DispatchRequest.of(
            Bundle.of("b", List.of(cr)), Placement.of("c1"), DispatchPolicy.defaults());
    DispatchPlan plan = OCM.plan(request);
    assertThat(plan.diagnostics()).extracting(Diagnostic::code).containsExactly("CR_WITHOUT_CRD");
    assertThat(
            works(plan, "c1")
                .get(0)
                .at("/spec/manifestConfigs/0/resourceIdentifier/resource")
                .asText())
        .isEqualTo("policies");
    var registered =
        new DispatchRequest(
            request.bundle(),
            request.placement(),
            request.policy(),
            ResourceScopes.builtin()
                .with(new ResourceScope("acme.io", "Policy", "acmepolicies", true)),
            Map.of());
    DispatchPlan plan2 = OCM.plan(registered);
    assertThat(plan2.diagnostics()).isEmpty();
    assertThat(
            works(plan2, "c1")
                .get(0)
                .at("/spec/manifestConfigs/0/resourceIdentifier/resource")
                .asText())
        .isEqualTo("acmepolicies");
  }

  static DispatchRequest uniform() {
    DispatchRequest base = Fixtures.exampleRequest();
    return new DispatchRequest(
        base.bundle(),
        Placement.of("c1", "c2", "c3"),
        base.policy(),
        base.scopes(),
        Map.of(
            OcmDispatcher.OPTION_SCHEDULING,
            "placement",
            OcmDispatcher.OPTION_NAMESPACE,
            "apps",
            OcmDispatcher.OPTION_CLUSTER_SETS,
            "prod, edge"));
  }

  @Test
  void ocmSideSchedulingEmitsAPlacementAndAManifestWorkReplicaSet() {
    DispatchPlan plan = OCM.plan(uniform());
    assertThat(plan.deliveries())
        .extracting(d -> d.key().kind())
        .containsExactly("Placement", "ManifestWorkReplicaSet");
    JsonNode placement = plan.deliveries().get(0).body();
    assertThat(placement.at("/metadata/namespace").asText()).isEqualTo("apps");
    assertThat(placement.at("/spec/clusterSets").toString()).isEqualTo("[\"prod\",\"edge\"]");
    assertThat(placement.at("/spec/numberOfClusters").asInt()).isEqualTo(3);
    assertThat(
            placement
                .at("/spec/predicates/0/requiredClusterSelector/labelSelector/matchExpressions/0")
                .toString())
        .isEqualTo("{\"key\":\"name\",\"operator\":\"In\",\"values\":[\"c1\",\"c2\",\"c3\"]}");
    JsonNode mwrs = plan.deliveries().get(1).body();
    assertThat(mwrs.at("/spec/placementRefs/0/name").asText()).isEqualTo("shop");
    assertThat(mwrs.at("/spec/manifestWorkTemplate/workload/manifests")).hasSize(9);
    assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("OCM_FEATURE_GATE");
  }

  @Test
  void ocmSideSchedulingRefusesPerClusterDifferences() {
    DispatchRequest base = Fixtures.exampleRequest();
    var request = base.withOption(OcmDispatcher.OPTION_SCHEDULING, "placement");
    assertThatThrownBy(() -> OCM.plan(request))
        .isInstanceOf(DispatchException.class)
        .hasMessageContaining("ManifestWorkReplicaSet has no per-cluster overrides");
    assertThatThrownBy(() -> OCM.plan(base.withOption(OcmDispatcher.OPTION_SCHEDULING, "magic")))
        .hasMessageContaining("explicit or placement");
  }
}
