package io.vela4j.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.internal.Json;
import org.junit.jupiter.api.Test;

/** Health and status from the definitions' status templates against live objects. */
class HealthTest {

  @Test
  void aComponentIsHealthyWhenItsDefinitionsPolicyHoldsOnTheLiveWorkload() {
    var registry =
        DefinitionRegistry.builder()
            .catalogue()
            .load(Fixtures.EXAMPLES.resolve("definitions"))
            .build();
    Renderer renderer = Renderer.builder().registry(registry).build();
    RenderResult r =
        renderer.render(
            Fixtures.app(
                """
                apiVersion: core.oam.dev/v1beta1
                kind: Application
                metadata: {name: a}
                spec:
                  components:
                    - name: c
                      type: cloneset
                      properties: {image: x, replicas: 3}
                      traits: [{type: expose-nodeport, properties: {ports: [{port: 80}]}}]
                """),
            RenderOptions.defaults());
    RenderedComponent c = r.placements().get(0).components().get(0);
    var notReady =
        renderer.health(
            c,
            o -> {
              ObjectNode live = o.object();
              if (o.kind().equals("CloneSet")) {
                live.putObject("status").put("readyReplicas", 1);
              }
              return live;
            });
    assertThat(notReady.healthy()).isFalse();
    assertThat(notReady.message()).isEqualTo("Ready:1/3");
    assertThat(notReady.traits()).singleElement().satisfies(t -> assertThat(t.healthy()).isFalse());

    var ready =
        renderer.health(
            c,
            o -> {
              ObjectNode live = o.object();
              if (o.kind().equals("CloneSet")) {
                live.putObject("status").put("readyReplicas", 3);
              } else {
                ((ObjectNode) live.get("spec")).put("clusterIP", "10.0.0.1");
              }
              return live;
            });
    assertThat(ready.healthy()).isTrue();
    assertThat(ready.message()).isEqualTo("Ready:3/3");
    assertThat(ready.traits()).singleElement().satisfies(t -> assertThat(t.healthy()).isTrue());
  }

  @Test
  void aMissingLiveObjectIsUnhealthy() {
    Renderer renderer = Renderer.builder().build();
    RenderResult r =
        renderer.render(
            Fixtures.app(
                """
                apiVersion: core.oam.dev/v1beta1
                kind: Application
                metadata: {name: a}
                spec:
                  components: [{name: w, type: webservice, properties: {image: x}}]
                """),
            RenderOptions.defaults());
    var h = renderer.health(r.placements().get(0).components().get(0), o -> null);
    assertThat(h.healthy()).isFalse();
    assertThat(Json.object()).isEmpty();
  }
}
