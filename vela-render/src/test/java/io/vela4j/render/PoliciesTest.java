package io.vela4j.render;

import static io.vela4j.render.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.oam.Application;
import io.vela4j.render.RenderResult.PlacementDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topology, override and replication policies, and the deploy steps, as KubeVela applies them. */
class PoliciesTest {

  static RenderResult render(String yaml) {
    ParsedDocument d = Fixtures.doc(yaml);
    return Renderer.builder()
        .clusters(Fixtures.clusters())
        .build()
        .render(d.as(Application.class), RenderOptions.defaults().withSourceMap(d.sourceMap()));
  }

  static final String HEAD =
      """
      apiVersion: core.oam.dev/v1beta1
      kind: Application
      metadata: {name: pay, namespace: pay}
      spec:
        components:
          - name: api
            type: webservice
            properties: {image: api:1}
            traits: [{type: scaler, properties: {replicas: 2}}]
          - name: db
            type: worker
            properties: {image: db:1}
      """;

  @Test
  void withoutAWorkflowEachTopologyIsADeployStepWithEveryOverride() {
    RenderResult r =
        render(
            HEAD
                + """
                  policies:
                    - name: eu
                      type: topology
                      properties: {clusterLabelSelector: {region: eu}, namespace: pay-eu}
                    - name: us
                      type: topology
                      properties: {clusters: [us-east-1]}
                    - name: bigger
                      type: override
                      properties:
                        components:
                          - name: api
                            traits: [{type: scaler, properties: {replicas: 5}}]
                """);
    assertThat(r.steps())
        .extracting(RenderResult.Step::name)
        .containsExactly("deploy-eu", "deploy-us");
    List<PlacementDecision> eu = r.steps().get(0).placements();
    assertThat(eu)
        .extracting(PlacementDecision::cluster)
        .containsExactly("prod-cluster-1", "prod-cluster-2");
    assertThat(eu).extracting(PlacementDecision::namespace).containsOnly("pay-eu");
    // the placement's namespace replaces every object's, and is the context's
    assertThat(eu.get(0).objects()).allSatisfy(o -> assertThat(o.namespace()).isEqualTo("pay-eu"));
    assertThat(eu.get(0).components().get(0).context().path("namespace").asText())
        .isEqualTo("pay-eu");
    assertThat(eu.get(0).components().get(0).context().path("cluster").asText())
        .isEqualTo("prod-cluster-1");
    // the label keeps the application's namespace, as KubeVela's
    assertThat(eu.get(0).objects().get(0).at("/metadata/labels/app.oam.dev~1namespace").asText())
        .isEqualTo("pay");
    // the override applies in every step
    assertThat(r.placements())
        .allSatisfy(
            p ->
                assertThat(p.components().get(0).workload().at("/spec/replicas").intValue())
                    .isEqualTo(5));
    assertThat(r.steps().get(1).placements())
        .extracting(PlacementDecision::cluster)
        .containsExactly("us-east-1");
    assertThat(r.steps().get(1).placements().get(0).namespace()).isEqualTo("pay");
  }

  @Test
  void overridesWithoutTopologyMakeOneDeployStepOnTheHub() {
    RenderResult r =
        render(
            HEAD
                + """
                  policies:
                    - type: override
                      properties:
                        components: [{type: worker, properties: {image: db:2}}]
                """);
    assertThat(r.steps()).extracting(RenderResult.Step::name).containsExactly("deploy");
    assertThat(r.placements()).extracting(PlacementDecision::cluster).containsExactly("local");
    assertThat(object(r, "Deployment", "db").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("db:2");
    assertThat(object(r, "Deployment", "api").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("api:1");
  }

  @Test
  void explicitDeployStepsUseTheirOwnPoliciesInOrder() {
    RenderResult r =
        render(
            HEAD
                + """
                  policies:
                    - {name: eu, type: topology, properties: {clusters: [prod-cluster-1]}}
                    - {name: us, type: topology, properties: {clusters: [us-east-1]}}
                    - name: us-image
                      type: override
                      properties:
                        components: [{name: api, properties: {image: api:us}}]
                  workflow:
                    steps:
                      - {name: first, type: deploy, properties: {policies: [eu]}}
                      - {name: wait, type: suspend}
                      - name: group
                        type: step-group
                        subSteps:
                          - {name: second, type: deploy, properties: {policies: [us, us-image]}}
                """);
    assertThat(r.steps()).extracting(RenderResult.Step::name).containsExactly("first", "second");
    assertThat(
            r.steps()
                .get(0)
                .placements()
                .get(0)
                .components()
                .get(0)
                .workload()
                .at("/spec/template/spec/containers/0/image")
                .asText())
        .isEqualTo("api:1");
    assertThat(
            r.steps()
                .get(1)
                .placements()
                .get(0)
                .components()
                .get(0)
                .workload()
                .at("/spec/template/spec/containers/0/image")
                .asText())
        .isEqualTo("api:us");
  }

  @Test
  void aWorkflowOfCustomStepsOnlyRendersWhatTheDefaultWorkflowWould() {
    // vela dry-run renders every component when no step is a deploy step
    RenderResult r =
        render(
            HEAD
                + """
                  workflow:
                    steps:
                      - {name: ship, type: dispatch-somehow}
                """);
    assertThat(r.steps()).extracting(RenderResult.Step::name).containsExactly("api", "db");
    assertThat(r.objects()).extracting(RenderResult.RenderedObject::kind).contains("Deployment");
  }

  @Test
  void anOverrideNameIsAnUnanchoredPatternAndANewNameAddsAComponent() {
    RenderResult r =
        render(
            HEAD
                + """
                  policies:
                    - type: override
                      properties:
                        components:
                          - {name: "a*", properties: {image: api:2}}
                          - {name: cache, type: worker, properties: {image: redis}}
                        selector: [api, cache]
                """);
    var comps = r.placements().get(0).components();
    assertThat(comps)
        .extracting(RenderResult.RenderedComponent::name)
        .containsExactly("api", "cache");
    assertThat(comps.get(0).workload().at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("api:2");
  }

  @Test
  void overridePropertiesMergeMapsAndReplaceListsAndDisableRemovesATrait() {
    RenderResult r =
        render(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components:
                - name: w
                  type: webservice
                  properties:
                    image: x
                    env: [{name: A, value: "1"}, {name: B, value: "2"}]
                    labels: {keep: "1", change: old}
                  traits: [{type: scaler, properties: {replicas: 2}}]
              policies:
                - type: override
                  properties:
                    components:
                      - name: w
                        properties: {env: [{name: C, value: "3"}], labels: {change: new}}
                        traits: [{type: scaler, disable: true}]
            """);
    var w = object(r, "Deployment", "w");
    assertThat(w.at("/spec/template/spec/containers/0/env").size()).isEqualTo(1);
    assertThat(w.at("/spec/template/spec/containers/0/env/0/name").asText()).isEqualTo("C");
    assertThat(w.at("/spec/template/metadata/labels/keep").asText()).isEqualTo("1");
    assertThat(w.at("/spec/template/metadata/labels/change").asText()).isEqualTo("new");
    assertThat(w.at("/spec/replicas").isMissingNode()).isTrue();
  }

  @Test
  void replicationAppendsOneCopyPerKeyWithItsReplicaKey() {
    RenderResult r =
        render(
            HEAD
                + """
                  policies:
                    - name: copies
                      type: replication
                      properties: {keys: [blue, green], selector: [api]}
                    - name: here
                      type: topology
                      properties: {clusters: [local]}
                  workflow:
                    steps:
                      - {name: deploy, type: deploy, properties: {policies: [here, copies]}}
                """);
    var comps = r.placements().get(0).components();
    assertThat(comps)
        .extracting(RenderResult.RenderedComponent::name)
        .containsExactly("db", "api", "api");
    assertThat(comps)
        .extracting(RenderResult.RenderedComponent::replicaKey)
        .containsExactly("", "blue", "green");
    assertThat(comps.get(2).context().path("replicaKey").asText()).isEqualTo("green");
    // no label marks the copies (KubeVela sets none): templates must name them apart themselves
    assertThat(r.warnings())
        .extracting(Diagnostic::code)
        .contains(RenderException.DUPLICATE_OBJECT);
  }

  @Test
  void policyProblemsAreLocated() {
    assertThatThrownBy(
            () ->
                render(
                    HEAD
                        + """
                          policies:
                            - {name: t, type: topology, properties: {clusters: [mars], colour: red}}
                            - {name: n, type: topology, properties: {clusterLabelSelector: {region: moon}}}
                          workflow:
                            steps:
                              - {name: d, type: deploy, properties: {policies: [t, missing]}}
                              - {name: e, type: deploy, properties: {policies: [n]}}
                        """))
        .isInstanceOfSatisfying(
            RenderException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::code, Diagnostic::path)
                    .contains(
                        org.assertj.core.groups.Tuple.tuple(
                            RenderException.UNKNOWN_POLICY,
                            "spec.workflow.steps[0].properties.policies[1]"),
                        org.assertj.core.groups.Tuple.tuple(
                            RenderException.INVALID_POLICY, "spec.policies[0].properties.colour"),
                        org.assertj.core.groups.Tuple.tuple(
                            RenderException.INVALID_POLICY,
                            "spec.policies[1].properties.clusterLabelSelector")));
  }

  @Test
  void allowEmptyTopologiesPlaceNothing() {
    RenderResult r =
        render(
            HEAD
                + """
                  policies:
                    - {name: none, type: topology, properties: {clusterLabelSelector: {region: moon}, allowEmpty: true}}
                """);
    assertThat(r.steps().get(0).placements()).isEmpty();
  }

  @Test
  void builtInPolicyPropertiesAreCheckedAgainstTheirDefinitions() {
    assertThatThrownBy(
            () ->
                render(
                    HEAD
                        + """
                          policies:
                            - {name: gc, type: garbage-collect, properties: {keepLegacyResource: "yes"}}
                        """))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.diagnostics().get(0).code()).isEqualTo(RenderException.INVALID_POLICY);
              assertThat(e.diagnostics().get(0).path())
                  .isEqualTo("spec.policies[0].properties.keepLegacyResource");
            });
  }
}
