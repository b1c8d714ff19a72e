package io.vela4j.render;

import static io.vela4j.render.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.Application;
import io.vela4j.render.spi.ComponentTemplate;
import io.vela4j.render.spi.Patch;
import io.vela4j.render.spi.Template;
import io.vela4j.render.spi.TemplateContext;
import io.vela4j.render.spi.TemplateEngine;
import io.vela4j.render.spi.TemplateResult;
import io.vela4j.render.spi.TraitTemplate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The kube and Java template engines, and a custom engine behind the SPI. */
class EnginesTest {

  static final String KUBE_DEF =
      """
      apiVersion: core.oam.dev/v1beta1
      kind: ComponentDefinition
      metadata: {name: kube-worker}
      spec:
        workload: {definition: {apiVersion: apps/v1, kind: Deployment}}
        schematic:
          kube:
            template:
              apiVersion: apps/v1
              kind: Deployment
              spec:
                selector: {matchLabels: {app: nginx}}
                template:
                  metadata: {labels: {app: nginx}}
                  spec:
                    containers: [{name: nginx, ports: [{containerPort: 80}]}]
            parameters:
              - {name: image, required: true, type: string, fieldPaths: ["spec.template.spec.containers[0].image"]}
              - {name: port, type: number, fieldPaths: ["spec.template.spec.containers[0].ports[0].containerPort"]}
              - {name: tier, type: string, fieldPaths: ["metadata.labels[app.kubernetes.io/tier]"]}
      """;

  static Application app(String type, String props) {
    return Fixtures.app(
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: a}
        spec:
          components:
            - name: c
              type: %s
              properties: %s
              traits: [{type: scaler, properties: {replicas: 2}}]
        """
            .formatted(type, props));
  }

  static Renderer kube() {
    return Renderer.builder()
        .registry(DefinitionRegistry.builder().catalogue().load("kube.yaml", KUBE_DEF).build())
        .build();
  }

  @Test
  void theKubeSchematicSetsParametersAtTheirFieldPathsAndTraitsStillApply() {
    RenderResult r =
        kube()
            .render(
                app("kube-worker", "{image: nginx:1, port: 8080, tier: web}"),
                RenderOptions.defaults());
    var d = object(r, "Deployment", "c");
    assertThat(d.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1");
    assertThat(d.at("/spec/template/spec/containers/0/ports/0/containerPort").intValue())
        .isEqualTo(8080);
    assertThat(d.at("/metadata/labels/app.kubernetes.io~1tier").asText()).isEqualTo("web");
    assertThat(d.at("/spec/replicas").intValue()).isEqualTo(2);
  }

  @Test
  void theKubeSchematicRejectsAsKubeVelaDid() {
    assertThatThrownBy(
            () ->
                kube()
                    .render(
                        app("kube-worker", "{port: \"80\", color: red}"), RenderOptions.defaults()))
        .isInstanceOfSatisfying(
            RenderException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::message)
                    .anySatisfy(m -> assertThat(m).contains("unsupported parameter \"color\""))
                    .anySatisfy(m -> assertThat(m).contains("require parameter \"image\""))
                    .anySatisfy(
                        m -> assertThat(m).contains("invalid parameter value type for \"port\"")));
  }

  /** A component type in Java. */
  public record Params(String data, int copies) {}

  /** Public, with a public no-argument constructor: the java engine instantiates it by name. */
  public static final class ConfigComponent implements ComponentTemplate<Params> {
    /** The constructor the engine calls. */
    public ConfigComponent() {}

    @Override
    public String name() {
      return "config";
    }

    @Override
    public Class<Params> parameterType() {
      return Params.class;
    }

    @Override
    public HasMetadata workload(Params p, TemplateContext ctx) {
      return new ConfigMapBuilder()
          .withNewMetadata()
          .addToLabels("app", ctx.appName())
          .endMetadata()
          .addToData("data", p.data().repeat(p.copies()))
          .build();
    }
  }

  /** A trait in Java: an annotation patch. */
  static final class Stamp implements TraitTemplate<ObjectNode> {
    @Override
    public String name() {
      return "stamp";
    }

    @Override
    public Class<ObjectNode> parameterType() {
      return ObjectNode.class;
    }

    @Override
    public @Nullable Patch patch(ObjectNode p, TemplateContext ctx) {
      ObjectNode v = p.objectNode();
      v.putObject("metadata").putObject("annotations").put("stamp", p.path("by").asText());
      return Patch.strategic(v);
    }
  }

  @Test
  void javaTemplatesAreDefinitionsLikeAnyOther() {
    var registry =
        DefinitionRegistry.builder()
            .catalogue()
            .component(new ConfigComponent())
            .trait(new Stamp())
            .build();
    Application app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components:
                - name: c
                  type: config
                  properties: {data: ab, copies: 2, ignored: true}
                  traits: [{type: stamp, properties: {by: ci}}]
            """);
    RenderResult r =
        Renderer.builder().registry(registry).build().render(app, RenderOptions.defaults());
    var cm = object(r, "ConfigMap", "c");
    assertThat(cm.at("/data/data").asText()).isEqualTo("abab");
    assertThat(cm.at("/metadata/annotations/stamp").asText()).isEqualTo("ci");
    assertThat(cm.at("/metadata/labels/workload.oam.dev~1type").asText()).isEqualTo("config");
  }

  @Test
  void javaParameterErrorsAreLocated() {
    var registry = DefinitionRegistry.builder().component(new ConfigComponent()).build();
    Application app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components: [{name: c, type: config, properties: {data: x, copies: many}}]
            """);
    assertThatThrownBy(
            () ->
                Renderer.builder().registry(registry).build().render(app, RenderOptions.defaults()))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.diagnostics().get(0).code())
                  .isEqualTo(RenderException.INVALID_PARAMETER);
              assertThat(e.diagnostics().get(0).path())
                  .isEqualTo("spec.components[0].properties.copies");
            });
  }

  @Test
  void aJavaClassNamedByAnAnnotationIsInstantiated() {
    var registry =
        DefinitionRegistry.builder()
            .load(
                "java.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: ComponentDefinition
                metadata:
                  name: config
                  annotations: {template.vela4j.io/java-class: io.vela4j.render.EnginesTest$ConfigComponent}
                spec:
                  workload: {type: autodetects.core.oam.dev}
                """)
            .build();
    Application app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components: [{name: c, type: config, properties: {data: z, copies: 3}}]
            """);
    RenderResult r =
        Renderer.builder().registry(registry).build().render(app, RenderOptions.defaults());
    assertThat(object(r, "ConfigMap", "c").at("/data/data").asText()).isEqualTo("zzz");
  }

  @Test
  void anExplicitEngineHandlesItsOwnSchematic() {
    TemplateEngine upper =
        new TemplateEngine() {
          @Override
          public String name() {
            return "upper";
          }

          @Override
          public boolean handles(Definition d) {
            return d.object().getMetadata().getAnnotations() != null
                && d.object().getMetadata().getAnnotations().containsKey("upper");
          }

          @Override
          public Template compile(Definition d) {
            return (parameter, context) -> {
              ObjectNode o = context.objectNode();
              o.put("apiVersion", "v1");
              o.put("kind", "ConfigMap");
              o.putObject("data")
                  .put("v", parameter.path("v").asText().toUpperCase(java.util.Locale.ROOT));
              return TemplateResult.ofOutput(o);
            };
          }
        };
    var registry =
        DefinitionRegistry.builder()
            .engine(upper)
            .load(
                "u.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: ComponentDefinition
                metadata: {name: up, annotations: {upper: "yes"}}
                spec: {workload: {type: autodetects.core.oam.dev}}
                """)
            .build();
    Application app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components: [{name: c, type: up, properties: {v: shout}}]
            """);
    RenderResult r =
        Renderer.builder().registry(registry).build().render(app, RenderOptions.defaults());
    assertThat(object(r, "ConfigMap", "c").at("/data/v").asText()).isEqualTo("SHOUT");
  }

  @Test
  void aDefinitionNoEngineHandlesFailsWhenUsed() {
    var registry =
        DefinitionRegistry.builder()
            .load(
                "h.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: ComponentDefinition
                metadata: {name: chart}
                spec:
                  workload: {type: autodetects.core.oam.dev}
                  schematic: {helm: {release: {chart: {spec: {chart: x}}}}}
                """)
            .build();
    Application app =
        Fixtures.app(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: a}
            spec:
              components: [{name: c, type: chart}]
            """);
    assertThatThrownBy(
            () ->
                Renderer.builder().registry(registry).build().render(app, RenderOptions.defaults()))
        .isInstanceOfSatisfying(
            RenderException.class,
            e ->
                assertThat(e.diagnostics().get(0).code())
                    .isEqualTo(RenderException.INVALID_DEFINITION));
    assertThat(Map.of()).isEmpty();
  }
}
