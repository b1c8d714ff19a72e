package io.vela4j.examples.controller;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vela4j.dispatch.direct.DirectDispatcher;
import io.vela4j.dispatch.kube.ApiServers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in expectation mode, over real HTTP (its CRUD mode has no server-side
 * apply), with what a cluster answers the controller for an application {@code shop} in namespace
 * {@code shop}: discovery of Deployments and Secrets, server-side apply, label-selector lists,
 * deletes; each test adds the objects it reads.
 */
final class MockCluster implements AutoCloseable {
  static final String NS = "shop";
  static final String PARENT = "/api/v1/namespaces/shop/secrets/applyset-shop";
  static final String DEPLOYMENT = "/apis/apps/v1/namespaces/shop/deployments/web";
  static final String APPLYSET_ID = DirectDispatcher.applySetId("applyset-shop", NS, "Secret", "");
  static final String SSA = "?fieldManager=" + ApplicationReconciler.FIELD_MANAGER + "&force=true";

  static {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  final KubernetesMockServer server = new KubernetesMockServer(false);
  final KubernetesClient client;

  MockCluster() {
    server.init();
    client =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
            .withConfig(ApiServers.withoutClientRetries(server.createClient().getConfiguration()))
            .build();
    server
        .expect()
        .get()
        .withPath("/api/v1")
        .andReturn(
            200,
            new APIResourceListBuilder()
                .withGroupVersion("v1")
                .addToResources(
                    new APIResourceBuilder()
                        .withName("secrets")
                        .withKind("Secret")
                        .withNamespaced(true)
                        .build())
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1")
        .andReturn(
            200,
            new APIResourceListBuilder()
                .withGroupVersion("apps/v1")
                .addToResources(
                    new APIResourceBuilder()
                        .withName("deployments")
                        .withKind("Deployment")
                        .withNamespaced(true)
                        .build())
                .build())
        .always();
    for (String path : List.of(PARENT, DEPLOYMENT)) {
      server.expect().patch().withPath(path + SSA).andReturn(200, "{}").always();
      server.expect().delete().withPath(path).andReturn(200, "{}").always();
    }
    for (String list :
        List.of("/apis/apps/v1/namespaces/shop/deployments", "/api/v1/namespaces/shop/secrets")) {
      server
          .expect()
          .get()
          .withPath(
              list
                  + "?labelSelector=applyset.kubernetes.io%2Fpart-of%3D"
                  + APPLYSET_ID.replace("=", "%3D"))
          .andReturn(200, new GenericKubernetesResourceList())
          .always();
    }
  }

  /** Answers a GET of {@code path} with {@code json}. */
  MockCluster object(String path, String json) {
    server.expect().get().withPath(path).andReturn(200, json).always();
    return this;
  }

  /** Answers a GET of {@code path} with 404. */
  MockCluster missing(String path) {
    server
        .expect()
        .get()
        .withPath(path)
        .andReturn(404, new StatusBuilder().withCode(404).withReason("NotFound").build())
        .always();
    return this;
  }

  /** The inventory parent as an earlier reconcile left it, listing the Deployment. */
  MockCluster inventoryListingTheDeployment() {
    String members =
        Base64.getEncoder()
            .encodeToString(
                "apps/v1/Deployment/shop/web".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return object(
        PARENT,
        """
        {"apiVersion": "v1", "kind": "Secret",
         "metadata": {"name": "applyset-shop", "namespace": "shop",
                      "labels": {"applyset.kubernetes.io/id": "%s"}},
         "data": {"members": "%s"}}
        """
            .formatted(APPLYSET_ID, members));
  }

  /** The Deployment {@code web} as the cluster reports it. */
  static String deployment(int replicas, int ready) {
    return """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "web", "namespace": "shop", "generation": 1,
                      "labels": {"applyset.kubernetes.io/part-of": "%s"}},
         "spec": {"replicas": %d},
         "status": {"observedGeneration": 1, "replicas": %d, "updatedReplicas": %d,
                    "readyReplicas": %d, "availableReplicas": %d}}
        """
        .formatted(APPLYSET_ID, replicas, replicas, replicas, ready, ready);
  }

  /** Every request received so far, in order. */
  List<RecordedRequest> requests() throws InterruptedException {
    var out = new ArrayList<RecordedRequest>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      out.add(r);
    }
    return out;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
