package io.vela4j.render;

import static io.vela4j.render.Fixtures.object;
import static io.vela4j.render.Fixtures.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.Diagnostic;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.render.RenderResult.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-component render: KubeVela's order, labels, names, namespaces, errors. */
class RendererTest {

  static final String WEB =
      """
      apiVersion: core.oam.dev/v1beta1
      kind: Application
      metadata:
        name: shop
        namespace: prod
        labels: {team: web}
        annotations: {owner: alice, kubectl.kubernetes.io/last-applied-configuration: "{}"}
      spec:
        components:
          - name: web
            type: webservice
            properties:
              image: nginx:1.27
              ports: [{port: 80, expose: true}]
            traits:
              - type: scaler
                properties: {replicas: 3}
              - type: sidecar
                properties: {name: log, image: fluent-bit:3}
              - type: labels
                properties: {tier: front}
      """;

  @Test
  void theWorkloadCarriesKubeVelasLabelsNameAndNamespace() {
    RenderedObject d = object(render(WEB), "Deployment", "web");
    assertThat(d.role()).isEqualTo(Role.WORKLOAD);
    assertThat(d.namespace()).isEqualTo("prod");
    assertThat(Map.copyOf(d.resource().getMetadata().getLabels()))
        .containsAllEntriesOf(
            Map.of(
                "app.oam.dev/name", "shop",
                "app.oam.dev/component", "web",
                "app.oam.dev/appRevision", "shop-v1",
                "app.oam.dev/namespace", "prod",
                "app.oam.dev/resourceType", "WORKLOAD",
                "workload.oam.dev/type", "webservice",
                "team", "web",
                "tier", "front"));
    // app annotations are copied, kubectl's last-applied-configuration never
    assertThat(d.at("/metadata/annotations").has("owner")).isTrue();
    assertThat(
            d.at("/metadata/annotations").has("kubectl.kubernetes.io/last-applied-configuration"))
        .isFalse();
  }

  @Test
  void traitsPatchTheWorkloadInSpecOrder() {
    RenderResult r = render(WEB);
    RenderedObject d = object(r, "Deployment", "web");
    assertThat(d.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(d.at("/spec/template/spec/containers/0/name").asText()).isEqualTo("web");
    assertThat(d.at("/spec/template/spec/containers/1/name").asText()).isEqualTo("log");
    var trace = r.steps().get(0).placements().get(0).components().get(0).trace();
    assertThat(trace)
        .contains(
            new RenderResult.Change("scaler", 0, "workload", "/spec/replicas", "add"),
            new RenderResult.Change(
                "sidecar", 1, "workload", "/spec/template/spec/containers/1", "add"));
  }

  static final String TWO_CONTAINERS =
      """
      apiVersion: core.oam.dev/v1beta1
      kind: Application
      metadata: {name: a}
      spec:
        components:
          - name: w
            type: webservice
            properties: {image: x}
            traits:
              - {type: sidecar, properties: {name: s, image: y}}
              - type: %s
                properties: %s
      """;

  @Test
  void anOpenPatchListAppliesItsElementToEveryContainer() {
    // lifecycle patches containers: [...{lifecycle: ...}]: CUE unifies the element with every item
    RenderedObject d =
        object(
            render(
                TWO_CONTAINERS.formatted(
                    "lifecycle", "{preStop: {exec: {command: [sleep, '5']}}}")),
            "Deployment",
            "w");
    assertThat(d.at("/spec/template/spec/containers/0/lifecycle/preStop/exec/command/1").asText())
        .isEqualTo("5");
    assertThat(d.at("/spec/template/spec/containers/1/lifecycle/preStop/exec/command/1").asText())
        .isEqualTo("5");
  }

  @Test
  void aClosedPatchListShorterThanTheTargetConflictsAsInKubeVela() {
    // resource patches containers: [{resources: ...}] without the key: positional, and one item
    // cannot unify with two
    assertThatThrownBy(() -> render(TWO_CONTAINERS.formatted("resource", "{cpu: 1}")))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.diagnostics().get(0).code()).isEqualTo(RenderException.PATCH_CONFLICT);
              assertThat(e.diagnostics().get(0).message()).contains("incompatible list lengths");
            });
  }

  @Test
  void auxiliariesAreLabelledWithTheirTraitAndOutputName() {
    RenderedObject svc = object(render(WEB), "Service", "web");
    assertThat(svc.role()).isEqualTo(Role.AUXILIARY);
    assertThat(svc.at("/metadata/labels/trait.oam.dev~1type").asText())
        .isEqualTo("AuxiliaryWorkload");
    assertThat(svc.at("/metadata/labels/app.oam.dev~1resourceType").asText()).isEqualTo("TRAIT");
    assertThat(svc.at("/metadata/labels/trait.oam.dev~1resource").asText()).isEqualTo(svc.output());
  }

  @Test
  void withoutWorkflowOrPoliciesEachComponentIsAnApplyComponentStepOnTheHub() {
    RenderResult r =
        render(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components:
                - {name: one, type: worker, properties: {image: busybox}}
                - {name: two, type: worker, properties: {image: busybox}}
            """);
    assertThat(r.namespace()).isEqualTo("default");
    assertThat(r.steps()).extracting(RenderResult.Step::name).containsExactly("one", "two");
    assertThat(r.steps()).extracting(RenderResult.Step::type).containsOnly("apply-component");
    assertThat(r.placements())
        .extracting(RenderResult.PlacementDecision::cluster)
        .containsOnly("local");
    assertThat(
            r.steps()
                .get(0)
                .placements()
                .get(0)
                .components()
                .get(0)
                .context()
                .path("cluster")
                .asText())
        .isEqualTo("local");
  }

  @Test
  void theContextHasKubeVelasFields() {
    RenderResult r = render(WEB);
    var ctx = r.steps().get(0).placements().get(0).components().get(0).context();
    assertThat(ctx.path("name").asText()).isEqualTo("web");
    assertThat(ctx.path("namespace").asText()).isEqualTo("prod");
    assertThat(ctx.path("appName").asText()).isEqualTo("shop");
    assertThat(ctx.path("appRevision").asText()).isEqualTo("shop-v1");
    assertThat(ctx.path("appRevisionNum").intValue()).isEqualTo(1);
    assertThat(ctx.path("clusterVersion").path("minor").intValue()).isEqualTo(31);
    assertThat(ctx.path("components").get(0).path("name").asText()).isEqualTo("web");
    assertThat(ctx.path("appLabels").path("team").asText()).isEqualTo("web");
    assertThat(ctx.path("parameter").path("image").asText()).isEqualTo("nginx:1.27");
  }

  @Test
  void propertiesReachTemplatesThroughGoJsonNumbers() {
    // KubeVela unmarshals properties into float64 and marshals them again: 3.0 is the int 3
    RenderedObject d =
        object(
            render(
                """
                apiVersion: core.oam.dev/v1beta1
                kind: Application
                metadata: {name: a}
                spec:
                  components:
                    - name: w
                      type: webservice
                      properties: {image: x}
                      traits: [{type: scaler, properties: {replicas: 3.0}}]
                """),
            "Deployment",
            "w");
    assertThat(d.at("/spec/replicas").isIntegralNumber()).isTrue();
    assertThat(d.at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void anUnknownTypeIsLocatedInTheApplication() {
    assertThatThrownBy(
            () ->
                render(
                    """
                    apiVersion: core.oam.dev/v1beta1
                    kind: Application
                    metadata: {name: a}
                    spec:
                      components:
                        - name: one
                          type: webservise
                          properties: {image: x}
                    """))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              Diagnostic d = e.diagnostics().get(0);
              assertThat(d.code()).isEqualTo(RenderException.UNKNOWN_DEFINITION);
              assertThat(d.path()).isEqualTo("spec.components[0].type");
              assertThat(d.source()).isEqualTo("app.yaml");
              assertThat(d.line()).isEqualTo(7);
              assertThat(d.actual()).isEqualTo("webservise");
            });
  }

  @Test
  void aWrongPropertyTypeIsReportedAtTheProperty() {
    assertThatThrownBy(
            () ->
                render(
                    """
                    apiVersion: core.oam.dev/v1beta1
                    kind: Application
                    metadata: {name: a}
                    spec:
                      components:
                        - name: one
                          type: webservice
                          properties: {image: x}
                          traits:
                            - type: scaler
                              properties:
                                replicas: three
                    """))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              Diagnostic d = e.diagnostics().get(0);
              assertThat(d.code()).isEqualTo(RenderException.TEMPLATE_ERROR);
              assertThat(d.path()).isEqualTo("spec.components[0].traits[0].properties.replicas");
              assertThat(d.line()).isEqualTo(12);
              assertThat(d.message()).contains("trait scaler").contains("component one");
            });
  }

  @Test
  void aMissingRequiredPropertyFailsTheRender() {
    assertThatThrownBy(
            () ->
                render(
                    """
                    apiVersion: core.oam.dev/v1beta1
                    kind: Application
                    metadata: {name: a}
                    spec:
                      components:
                        - {name: one, type: webservice}
                    """))
        .isInstanceOfSatisfying(
            RenderException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::code)
                    .contains(RenderException.INCOMPLETE_OUTPUT));
  }

  @Test
  void conflictingTraitsNameTheTraitAndThePath() {
    assertThatThrownBy(
            () ->
                render(
                    """
                    apiVersion: core.oam.dev/v1beta1
                    kind: Application
                    metadata: {name: a}
                    spec:
                      components:
                        - name: one
                          type: webservice
                          properties: {image: x}
                          traits:
                            - type: json-merge-patch
                              properties: {spec: {minReadySeconds: 5}}
                            - type: json-patch
                              properties:
                                operations: [{op: remove, path: /spec/nothing}]
                    """))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              Diagnostic d = e.diagnostics().get(0);
              assertThat(d.code()).isEqualTo(RenderException.PATCH_CONFLICT);
              assertThat(d.path()).isEqualTo("spec.components[0].traits[1]");
              assertThat(d.message()).contains("trait json-patch").contains("/spec/nothing");
            });
  }

  @Test
  void everyProblemOfEveryComponentIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                render(
                    """
                    apiVersion: core.oam.dev/v1beta1
                    kind: Application
                    metadata: {name: a}
                    spec:
                      components:
                        - {name: one, type: nope}
                        - name: two
                          type: worker
                          properties: {image: x}
                          traits: [{type: nada}]
                    """))
        .isInstanceOfSatisfying(
            RenderException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::path)
                    .containsExactly(
                        "spec.components[0].type", "spec.components[1].traits[0].type"));
  }

  @Test
  void clusterScopedObjectsGetNoNamespace() {
    RenderResult r =
        render(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a, namespace: team}
            spec:
              components:
                - name: rbac
                  type: k8s-objects
                  properties:
                    objects:
                      - {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: reader}}
                      - {apiVersion: v1, kind: Namespace, metadata: {name: extra}}
                      - {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}}
            """);
    assertThat(object(r, "ClusterRole", "reader").namespace()).isEmpty();
    assertThat(object(r, "Namespace", "extra").namespace()).isEmpty();
    assertThat(object(r, "ConfigMap", "cfg").namespace()).isEqualTo("team");
  }

  @Test
  void filterAnnotationsRemoveLabelsAndAnnotations() {
    RenderResult r =
        render(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata:
              name: a
              labels: {team: x, secret: y}
              annotations:
                filter.oam.dev/label-keys: "secret, app.oam.dev/namespace"
                filter.oam.dev/annotation-keys: "private"
                private: "1"
                public: "2"
            spec:
              components:
                - {name: w, type: worker, properties: {image: busybox}}
            """);
    RenderedObject w = object(r, "Deployment", "w");
    assertThat(w.at("/metadata/labels").has("team")).isTrue();
    assertThat(w.at("/metadata/labels").has("secret")).isFalse();
    assertThat(w.at("/metadata/labels").has("app.oam.dev/namespace")).isFalse();
    assertThat(w.at("/metadata/annotations").has("public")).isTrue();
    assertThat(w.at("/metadata/annotations").has("private")).isFalse();
    assertThat(w.at("/metadata/annotations").has("filter.oam.dev/annotation-keys")).isFalse();
  }

  @Test
  void revisionOnlyApplicationsRenderAsAPreview() {
    RenderResult r =
        render(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a, annotations: {app.oam.dev/revision-only: "true"}}
            spec:
              components:
                - {name: w, type: worker, properties: {image: busybox}}
            """);
    assertThat(r.revisionOnly()).isTrue();
    assertThat(r.objects()).hasSize(1);
  }

  @Test
  void theRevisionComesFromTheOptionsOrTheApplicationStatus() {
    var app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components:
                - {name: w, type: worker, properties: {image: busybox}}
            status:
              latestRevision: {name: a-v7, revision: 7}
            """);
    Renderer renderer = Renderer.builder().build();
    assertThat(renderer.render(app, RenderOptions.defaults()).revision()).isEqualTo("a-v7");
    RenderResult r = renderer.render(app, RenderOptions.defaults().withRevision("a-v9"));
    assertThat(r.revision()).isEqualTo("a-v9");
    assertThat(
            object(r, "Deployment", "w").at("/metadata/labels/app.oam.dev~1appRevision").asText())
        .isEqualTo("a-v9");
  }

  @Test
  void theClusterVersionSelectsApis() {
    String cron =
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: a}
        spec:
          components:
            - {name: c, type: cron-task, properties: {image: busybox, schedule: "* * * * *"}}
        """;
    var app = Fixtures.app(cron);
    Renderer renderer = Renderer.builder().build();
    assertThat(object(renderer.render(app, RenderOptions.defaults()), "CronJob", "c").apiVersion())
        .isEqualTo("batch/v1");
    assertThat(
            object(
                    renderer.render(app, RenderOptions.defaults().withClusterVersion("1.19")),
                    "CronJob",
                    "c")
                .apiVersion())
        .isEqualTo("batch/v1beta1");
  }

  @Test
  void versionedTypesResolveAndLabelAsKubeVela() {
    var registry =
        DefinitionRegistry.builder()
            .catalogue()
            .load(
                "defs.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: ComponentDefinition
                metadata: {name: box}
                spec:
                  version: 1.2.0
                  workload: {definition: {apiVersion: v1, kind: ConfigMap}}
                  schematic:
                    cue:
                      template: |
                        output: {apiVersion: "v1", kind: "ConfigMap", data: v: "1.2.0"}
                ---
                apiVersion: core.oam.dev/v1beta1
                kind: ComponentDefinition
                metadata: {name: box}
                spec:
                  version: 2.0.0
                  workload: {definition: {apiVersion: v1, kind: ConfigMap}}
                  schematic:
                    cue:
                      template: |
                        output: {apiVersion: "v1", kind: "ConfigMap", data: v: "2.0.0"}
                """)
            .build();
    var app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components:
                - {name: old, type: box@v1.2.0}
                - {name: new, type: box}
            """);
    RenderResult r =
        Renderer.builder().registry(registry).build().render(app, RenderOptions.defaults());
    assertThat(object(r, "ConfigMap", "old").at("/data/v").asText()).isEqualTo("1.2.0");
    assertThat(object(r, "ConfigMap", "old").at("/metadata/labels/workload.oam.dev~1type").asText())
        .isEqualTo("box-v1.2.0");
    assertThat(object(r, "ConfigMap", "new").at("/data/v").asText()).isEqualTo("2.0.0");
  }

  @Test
  void templateErrorsPointIntoTheDefinitionFile() {
    assertThatThrownBy(
            () ->
                DefinitionRegistry.builder()
                    .load(
                        "defs.yaml",
                        """
                        apiVersion: core.oam.dev/v1beta1
                        kind: TraitDefinition
                        metadata: {name: broken}
                        spec:
                          schematic:
                            cue:
                              template: |
                                patch: spec: replicas: parameter.replicas
                                parameter: replicas: int
                                outputs: x: {
                                  kind:
                                }
                        """)
                    .build())
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              Diagnostic d = e.diagnostics().get(0);
              assertThat(d.code()).isEqualTo(RenderException.INVALID_DEFINITION);
              assertThat(d.source()).isEqualTo("defs.yaml");
              assertThat(d.line()).isEqualTo(12); // the "}" where the value of kind is missing
              assertThat(d.column()).isEqualTo(9);
            });
  }

  @Test
  void rendersAreDeterministicAndThreadSafe() throws Exception {
    Renderer renderer = Renderer.builder().build();
    var app = Fixtures.app(WEB);
    String expected = Fixtures.golden(renderer.render(app, RenderOptions.defaults()));
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> runs =
          java.util.stream.IntStream.range(0, 32)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> Fixtures.golden(renderer.render(app, RenderOptions.defaults()))))
              .toList();
      for (Future<String> f : runs) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
