package io.vela4j.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.AppDeployment;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.render.RenderResult.PlacementDecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Application revisions and the legacy AppDeployment. */
class RevisionsTest {
  static final DefinitionRegistry REGISTRY = DefinitionRegistry.catalogue();

  static Application app(String image, String publishVersion) {
    return Fixtures.app(
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata:
          name: hello
          namespace: default
          annotations: {app.oam.dev/publishVersion: "%s"}
        spec:
          components:
            - name: hello
              type: webservice
              properties: {image: "%s", ports: [{port: 8000, expose: true}]}
              traits: [{type: scaler, properties: {replicas: 2}}]
        """
            .formatted(publishVersion, image));
  }

  @Test
  void anUnchangedApplicationReusesItsLatestRevision() {
    var existing = new ArrayList<ApplicationRevision>();
    Revisions.Decision first = Revisions.next(app("hello:1", "a"), REGISTRY, existing);
    assertThat(first.reused()).isFalse();
    assertThat(first.name()).isEqualTo("hello-v1");
    existing.add(first.revision());
    Revisions.Decision again = Revisions.next(app("hello:1", "a"), REGISTRY, existing);
    assertThat(again.reused()).isTrue();
    assertThat(again.name()).isEqualTo("hello-v1");
    Revisions.Decision changed = Revisions.next(app("hello:2", "a"), REGISTRY, existing);
    assertThat(changed.reused()).isFalse();
    assertThat(changed.name()).isEqualTo("hello-v2");
    existing.add(changed.revision());
    // going back to the v1 content reuses hello-v1 (same hash, same spec)
    assertThat(Revisions.next(app("hello:1", "a"), REGISTRY, existing).name())
        .isEqualTo("hello-v1");
  }

  @Test
  void aNewPublishVersionForcesANewRevision() {
    var existing = new ArrayList<ApplicationRevision>();
    existing.add(Revisions.next(app("hello:1", "a"), REGISTRY, existing).revision());
    Revisions.Decision d = Revisions.next(app("hello:1", "b"), REGISTRY, existing);
    assertThat(d.reused()).isFalse();
    assertThat(d.name()).isEqualTo("hello-v2");
  }

  @Test
  void theHashIsPortableAndCoversDefinitions() {
    ApplicationRevision a = Revisions.create(app("hello:1", "a"), REGISTRY, "hello-v1");
    ApplicationRevision b = Revisions.create(app("hello:1", "a"), REGISTRY, "hello-v1");
    assertThat(a.getMetadata().getLabels().get(Revisions.HASH_LABEL))
        .hasSize(64)
        .isEqualTo(b.getMetadata().getLabels().get(Revisions.HASH_LABEL));
    assertThat(a.getSpec().componentDefinitions()).containsKey("webservice");
    assertThat(a.getSpec().traitDefinitions()).containsKey("scaler");
    // written and read back, a revision has the same hash
    ApplicationRevision read = VelaYaml.reader().read(VelaYaml.write(a), ApplicationRevision.class);
    assertThat(Revisions.hashOf(read)).isEqualTo(Revisions.hashOf(a));
    // a definition change changes the hash
    var changed =
        DefinitionRegistry.builder()
            .catalogue()
            .load(
                "scaler.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: TraitDefinition
                metadata: {name: scaler}
                spec:
                  schematic: {cue: {template: "patch: spec: replicas: parameter.replicas\\nparameter: replicas: int\\n"}}
                """)
            .build();
    assertThat(Revisions.hashOf(Revisions.create(app("hello:1", "a"), changed, "hello-v1")))
        .isNotEqualTo(Revisions.hashOf(a));
  }

  @Test
  void definitionChangesAloneKeepTheRevisionUnlessAutoUpdate() {
    var existing = new ArrayList<ApplicationRevision>();
    existing.add(Revisions.next(app("hello:1", "a"), REGISTRY, existing).revision());
    var changed =
        DefinitionRegistry.builder()
            .catalogue()
            .load(
                "scaler.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: TraitDefinition
                metadata: {name: scaler}
                spec:
                  schematic: {cue: {template: "patch: spec: replicas: parameter.replicas\\nparameter: replicas: int\\n"}}
                """)
            .build();
    assertThat(Revisions.next(app("hello:1", "a"), changed, existing).reused()).isTrue();
    Application auto = app("hello:1", "a");
    auto.getMetadata().getAnnotations().put(Revisions.AUTO_UPDATE_ANNOTATION, "true");
    existing.clear();
    existing.add(Revisions.next(auto, REGISTRY, existing).revision());
    assertThat(Revisions.next(auto, changed, existing).reused()).isFalse();
  }

  @Test
  void aRevisionRendersWithTheDefinitionsItStores() {
    var custom =
        DefinitionRegistry.builder()
            .catalogue()
            .load(
                "box.cue",
                """
                box: {
                  type: "component"
                  attributes: workload: definition: {apiVersion: "v1", kind: "ConfigMap"}
                }
                template: {
                  output: {apiVersion: "v1", kind: "ConfigMap", data: v: parameter.v}
                  parameter: v: string
                }
                """)
            .build();
    Application app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: b}
            spec:
              components: [{name: one, type: box, properties: {v: x}}]
            """);
    ApplicationRevision rev = Revisions.create(app, custom, "b-v3");
    // the catalogue alone does not know 'box': the revision brings it
    RenderResult r = Renderer.builder().build().render(rev, RenderOptions.defaults());
    assertThat(r.revision()).isEqualTo("b-v3");
    assertThat(Fixtures.object(r, "ConfigMap", "one").at("/data/v").asText()).isEqualTo("x");
  }

  @Test
  void aWorkloadDefinitionIsAComponentTypeWhenNoComponentDefinitionHasTheName() {
    var registry =
        DefinitionRegistry.builder()
            .catalogue()
            .load(
                "wd.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: WorkloadDefinition
                metadata: {name: legacy}
                spec:
                  definitionRef: {name: configmaps}
                  schematic:
                    cue:
                      template: |
                        output: {apiVersion: "v1", kind: "ConfigMap", data: v: parameter.v}
                        parameter: v: string
                """)
            .build();
    Application app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: old}
            spec:
              components: [{name: c, type: legacy, properties: {v: kept}}]
            """);
    RenderResult r =
        Renderer.builder().registry(registry).build().render(app, RenderOptions.defaults());
    assertThat(Fixtures.object(r, "ConfigMap", "c").at("/data/v").asText()).isEqualTo("kept");
    ApplicationRevision rev = Revisions.create(app, registry, "old-v1");
    assertThat(rev.getSpec().workloadDefinitions()).containsKey("legacy");
    assertThat(Renderer.builder().build().render(rev, RenderOptions.defaults()).objects())
        .hasSize(1);
  }

  @Test
  void theDiffNamesWhatChanged() {
    ApplicationRevision a = Revisions.create(app("hello:1", "a"), REGISTRY, "hello-v1");
    ApplicationRevision b = Revisions.create(app("hello:2", "b"), REGISTRY, "hello-v2");
    assertThat(Revisions.diff(a, b))
        .containsExactly(
            new Revisions.Change("component", "hello", "changed", List.of("/properties/image")),
            new Revisions.Change(
                "metadata",
                "publishVersion",
                "changed",
                List.of("/metadata/annotations/app.oam.dev~1publishVersion")));
    assertThat(Revisions.diff(a, a)).isEmpty();
  }

  static final String DEPLOYMENT =
      """
      apiVersion: core.oam.dev/v1beta1
      kind: AppDeployment
      metadata: {name: cross, namespace: default}
      spec:
        appRevisions:
          - revisionName: hello-v1
            placement:
              - clusterSelector: {name: prod-cluster-1}
                distribution: {replicas: 3}
          - revisionName: hello-v2
            placement:
              - clusterSelector: {labels: {region: eu}}
                distribution: {replicas: 1}
      """;

  List<ApplicationRevision> revisions() {
    return List.of(
        Revisions.create(app("hello:1", "a"), REGISTRY, "hello-v1"),
        Revisions.create(app("hello:2", "a"), REGISTRY, "hello-v2"));
  }

  @Test
  void anAppDeploymentRendersEachRevisionOnEachPlacement() {
    AppDeployment ad = Fixtures.doc(DEPLOYMENT).as(AppDeployment.class);
    RenderResult r =
        Renderer.builder()
            .clusters(Fixtures.clusters())
            .build()
            .render(ad, revisions(), RenderOptions.defaults());
    assertThat(r.steps())
        .extracting(RenderResult.Step::name)
        .containsExactly("hello-v1", "hello-v2");
    assertThat(r.steps().get(0).placements())
        .extracting(PlacementDecision::cluster)
        .containsExactly("prod-cluster-1");
    // labels alone select every matching cluster (a Vela4J extension)
    assertThat(r.steps().get(1).placements())
        .extracting(PlacementDecision::cluster)
        .containsExactly("prod-cluster-1", "prod-cluster-2");
    var v1 = r.steps().get(0).placements().get(0);
    assertThat(v1.components().get(0).workload().at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(v1.objects())
        .allSatisfy(
            o -> {
              assertThat(o.at("/metadata/labels/app.oam.dev~1appDeployment").asText())
                  .isEqualTo("cross");
              assertThat(o.at("/metadata/labels/app.oam.dev~1appRevision").asText())
                  .isEqualTo("hello-v1");
            });
    // the Service is not a workload: its spec has no replicas
    assertThat(v1.objects().get(1).at("/spec/replicas").isMissingNode()).isTrue();
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
        .isEqualTo("hello:2");
  }

  @Test
  void aNamedClusterMustCarryTheSelectorsLabels() {
    AppDeployment ad =
        Fixtures.doc(
                DEPLOYMENT.replace(
                    "clusterSelector: {name: prod-cluster-1}",
                    "clusterSelector: {name: prod-cluster-1, labels: {region: us}}"))
            .as(AppDeployment.class);
    assertThatThrownBy(
            () ->
                Renderer.builder()
                    .clusters(Fixtures.clusters())
                    .build()
                    .render(ad, revisions(), RenderOptions.defaults()))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.diagnostics().get(0).code())
                  .isEqualTo(RenderException.PLACEMENT_MISMATCH);
              assertThat(e.diagnostics().get(0).path())
                  .isEqualTo("spec.appRevisions[0].placement[0].clusterSelector.labels");
            });
  }

  @Test
  void anUnknownRevisionIsAnError() {
    AppDeployment ad = Fixtures.doc(DEPLOYMENT).as(AppDeployment.class);
    assertThatThrownBy(
            () ->
                Renderer.builder()
                    .build()
                    .render(ad, revisions().subList(0, 1), RenderOptions.defaults()))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.diagnostics().get(0).code()).isEqualTo(RenderException.UNKNOWN_REVISION);
              assertThat(e.diagnostics().get(0).actual()).isEqualTo("hello-v2");
            });
  }
}
