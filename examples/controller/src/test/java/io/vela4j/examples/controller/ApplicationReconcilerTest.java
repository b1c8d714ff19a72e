package io.vela4j.examples.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.dispatch.kube.KubeApplier;
import io.vela4j.dispatch.kube.RetryPolicy;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.render.Renderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconciler against fabric8's mock API server over real HTTP. */
class ApplicationReconcilerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  static Application app(String type) {
    return VelaYaml.reader()
        .read(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: shop, namespace: shop, generation: 3}
            spec:
              components:
                - name: web
                  type: %s
                  properties: {image: nginx:1.27}
                  traits:
                    - type: scaler
                      properties: {replicas: 2}
            """
                .formatted(type),
            Application.class);
  }

  ApplicationReconciler reconciler() {
    return new ApplicationReconciler(
        Renderer.builder().build(),
        ClusterConnections.builder().cluster(ApplicationReconciler.LOCAL, cluster.client).build(),
        CLOCK,
        policy ->
            KubeApplier.builder()
                .policy(policy)
                .retry(new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO))
                .sleeper(d -> {})
                .build());
  }

  private static List<String> calls(List<RecordedRequest> requests, String method) {
    return requests.stream()
        .filter(r -> r.getMethod().equals(method))
        .map(RecordedRequest::getPath)
        .toList();
  }

  @Test
  void appliesTheRenderWithServerSideApplyAndReportsEveryComponentHealthy() throws Exception {
    cluster
        .missing(MockCluster.PARENT)
        .object(MockCluster.DEPLOYMENT, MockCluster.deployment(2, 2));

    UpdateControl<Application> control = reconciler().reconcile(app("webservice"));

    List<RecordedRequest> requests = cluster.requests();
    assertThat(calls(requests, "PATCH"))
        .containsExactly(
            MockCluster.PARENT + MockCluster.SSA, MockCluster.DEPLOYMENT + MockCluster.SSA);
    String deployment =
        requests.stream()
            .filter(r -> r.getPath().startsWith(MockCluster.DEPLOYMENT + "?"))
            .findFirst()
            .orElseThrow()
            .getUtf8Body();
    assertThat(deployment)
        .contains("\"replicas\":2", "\"image\":\"nginx:1.27\"", "\"app.oam.dev/name\":\"shop\"")
        .contains("\"applyset.kubernetes.io/part-of\":\"" + MockCluster.APPLYSET_ID + "\"");
    assertThat(control.isPatchStatus()).isTrue();
    assertThat(control.getScheduleDelay())
        .contains(ApplicationReconciler.HEALTHY_RECHECK.toMillis());
    JsonNode status = control.getResource().orElseThrow().getStatus();
    assertThat(status.path("status").asText()).isEqualTo("running");
    assertThat(status.path("observedGeneration").asLong()).isEqualTo(3);
    JsonNode web = status.path("services").get(0);
    assertThat(web.path("name").asText()).isEqualTo("web");
    assertThat(web.path("cluster").asText()).isEqualTo("local");
    assertThat(web.path("namespace").asText()).isEqualTo("shop");
    assertThat(web.path("healthy").asBoolean()).isTrue();
    assertThat(web.path("message").asText()).isEqualTo("Ready:2/2");
    assertThat(status.path("conditions"))
        .extracting(c -> c.path("type").asText() + "=" + c.path("status").asText())
        .containsExactly("Rendered=True", "Applied=True", "Ready=True");
    assertThat(status.path("conditions").get(2).path("lastTransitionTime").asText())
        .isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void aComponentThatIsNotReadyMakesTheApplicationUnhealthyAndIsCheckedAgainSoon()
      throws Exception {
    cluster
        .missing(MockCluster.PARENT)
        .object(MockCluster.DEPLOYMENT, MockCluster.deployment(2, 1));

    UpdateControl<Application> control = reconciler().reconcile(app("webservice"));

    JsonNode status = control.getResource().orElseThrow().getStatus();
    assertThat(status.path("status").asText()).isEqualTo("unhealthy");
    assertThat(status.path("services").get(0).path("healthy").asBoolean()).isFalse();
    assertThat(status.path("services").get(0).path("message").asText()).isEqualTo("Ready:1/2");
    assertThat(status.path("conditions").get(2).path("status").asText()).isEqualTo("False");
    assertThat(control.getScheduleDelay())
        .contains(ApplicationReconciler.UNHEALTHY_RECHECK.toMillis());
  }

  @Test
  void aRenderErrorIsWrittenToTheStatusAndNothingIsApplied() throws Exception {
    UpdateControl<Application> control = reconciler().reconcile(app("no-such-type"));

    assertThat(cluster.requests()).isEmpty();
    JsonNode status = control.getResource().orElseThrow().getStatus();
    assertThat(status.path("status").asText()).isEqualTo("rendering");
    JsonNode rendered = status.path("conditions").get(0);
    assertThat(rendered.path("status").asText()).isEqualTo("False");
    assertThat(rendered.path("reason").asText()).isEqualTo("RenderFailed");
    assertThat(rendered.path("message").asText())
        .contains("spec.components[0].type", "no-such-type");
    assertThat(status.path("conditions"))
        .extracting(c -> c.path("type").asText() + "=" + c.path("status").asText())
        .containsExactly("Rendered=False", "Applied=Unknown", "Ready=Unknown");
    assertThat(control.getScheduleDelay()).contains(ApplicationReconciler.FAILED_RETRY.toMillis());
  }

  @Test
  void aConditionKeepsItsTransitionTimeWhileItsStatusStays() {
    Application app = app("no-such-type");
    var earlier = new StatusWriter(app, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    app.setStatus(earlier.condition(StatusWriter.RENDERED, false, "RenderFailed", "x").build());

    UpdateControl<Application> control = reconciler().reconcile(app);

    assertThat(
            control
                .getResource()
                .orElseThrow()
                .getStatus()
                .path("conditions")
                .get(0)
                .path("lastTransitionTime")
                .asText())
        .isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void deletingTheApplicationPrunesWhatItAppliedThenItsInventory() throws Exception {
    cluster
        .inventoryListingTheDeployment()
        .object(MockCluster.DEPLOYMENT, MockCluster.deployment(2, 2));

    DeleteControl control = reconciler().cleanup(app("webservice"));

    assertThat(control.isRemoveFinalizer()).isTrue();
    assertThat(calls(cluster.requests(), "DELETE"))
        .containsExactly(MockCluster.DEPLOYMENT, MockCluster.PARENT);
  }

  @Test
  void anApplicationThatNoLongerRendersKeepsItsFinalizer() throws Exception {
    DeleteControl control = reconciler().cleanup(app("no-such-type"));

    assertThat(control.isRemoveFinalizer()).isFalse();
    assertThat(control.getScheduleDelay()).contains(ApplicationReconciler.APPLY_RETRY.toMillis());
    assertThat(cluster.requests()).isEmpty();
  }
}
