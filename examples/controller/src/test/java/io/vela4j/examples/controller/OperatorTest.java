package io.vela4j.examples.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.dispatch.kube.KubeApplier;
import io.vela4j.render.Renderer;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The controller run by Java Operator SDK against fabric8's mock API server over real HTTP: the
 * informer lists and watches Applications, JOSDK adds its finalizer (server-side apply), the
 * reconciler applies the render and reads health, JOSDK patches the status (server-side apply on
 * the status subresource).
 */
class OperatorTest {

  @Test
  void anApplicationIsAppliedAndItsStatusPatchedThroughTheOperatorLoop() throws Exception {
    try (var cluster = new MockCluster()) {
      var reconciler =
          new ApplicationReconciler(
              Renderer.builder().build(),
              ClusterConnections.builder()
                  .cluster(ApplicationReconciler.LOCAL, cluster.client)
                  .build(),
              ApplicationReconcilerTest.CLOCK,
              policy -> KubeApplier.builder().policy(policy).build());
      cluster.object(
          "/apis/core.oam.dev/v1beta1/namespaces/shop/applications?resourceVersion=0",
          """
          {"apiVersion": "core.oam.dev/v1beta1", "kind": "ApplicationList",
           "metadata": {"resourceVersion": "1"},
           "items": [{"apiVersion": "core.oam.dev/v1beta1", "kind": "Application",
             "metadata": {"name": "shop", "namespace": "shop", "generation": 1,
                          "resourceVersion": "1", "uid": "u1"},
             "spec": {"components": [{"name": "web", "type": "webservice",
                                      "properties": {"image": "nginx:1.27"}}]}}]}
          """);
      String withFinalizer =
          """
          {"apiVersion": "core.oam.dev/v1beta1", "kind": "Application",
           "metadata": {"name": "shop", "namespace": "shop", "generation": 1,
                        "resourceVersion": "2", "uid": "u1",
                        "finalizers": ["applications.core.oam.dev/finalizer"]},
           "spec": {"components": [{"name": "web", "type": "webservice",
                                    "properties": {"image": "nginx:1.27"}}]}}
          """;
      cluster
          .server
          .expect()
          .get()
          .withPath(
              "/apis/core.oam.dev/v1beta1/namespaces/shop/applications?allowWatchBookmarks=true"
                  + "&resourceVersion=1&timeoutSeconds=600&watch=true")
          .andUpgradeToWebSocket()
          .open()
          .waitFor(500) // the finalizer JOSDK added, as the API server reports the change
          .andEmit("{\"type\": \"MODIFIED\", \"object\": " + withFinalizer + "}")
          // then a bookmark, and the watch ends: the mock server stops only once it did
          .waitFor(3_000)
          .andEmit(
              "{\"type\": \"BOOKMARK\", \"object\": {\"apiVersion\": \"core.oam.dev/v1beta1\","
                  + " \"kind\": \"Application\", \"metadata\": {\"resourceVersion\": \"2\"}}}")
          .done()
          .always();
      String app = "/apis/core.oam.dev/v1beta1/namespaces/shop/applications/shop";
      String ssa = "?fieldManager=vela4j-applications&force=true";
      cluster.server.expect().patch().withPath(app + ssa).andReturn(200, withFinalizer).always();
      cluster
          .server
          .expect()
          .patch()
          .withPath(app + "/status" + ssa)
          .andReturn(200, withFinalizer)
          .always();
      cluster
          .missing(MockCluster.PARENT)
          .object(MockCluster.DEPLOYMENT, MockCluster.deployment(1, 1));
      Operator operator =
          new Operator(c -> c.withKubernetesClient(cluster.client).withCloseClientOnStop(false));
      operator.register(reconciler, c -> c.settingNamespace(MockCluster.NS));
      var requests = new ArrayList<RecordedRequest>();
      operator.start();
      try {
        // list, watch, finalizer, then the reconcile: apply, health, status
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (requests.stream().noneMatch(r -> r.getPath().startsWith(app + "/status"))
            && System.nanoTime() < deadline) {
          RecordedRequest r = cluster.server.takeRequest(100, TimeUnit.MILLISECONDS);
          if (r != null) {
            requests.add(r);
          }
        }
      } finally {
        operator.stop();
      }

      assertThat(requests)
          .filteredOn(r -> r.getMethod().equals("PATCH"))
          .extracting(RecordedRequest::getPath)
          .containsSubsequence( // a slow machine may see the watch end first, and a relist
              app + ssa, // JOSDK adds its finalizer
              MockCluster.PARENT + MockCluster.SSA,
              MockCluster.DEPLOYMENT + MockCluster.SSA,
              app + "/status" + ssa);
      String status = requests.get(requests.size() - 1).getUtf8Body();
      assertThat(status)
          .contains("\"status\":\"running\"", "\"healthy\":true", "\"message\":\"Ready:1/1\"");
    }
  }
}
