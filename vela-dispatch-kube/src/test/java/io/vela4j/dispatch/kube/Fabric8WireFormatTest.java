package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins what fabric8 7.9.0 sends for our API server port, over real HTTP against fabric8's mock
 * server in expectation mode (its CRUD mode has no server-side apply: fabric8 #5337).
 */
class Fabric8WireFormatTest {
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private static final String DEPLOY_PATH = "/apis/apps/v1/namespaces/web/deployments/api";

  private KubernetesMockServer server;
  private KubernetesClient client;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private ApiServer api;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(server.url("/"))
            .withRequestTimeout(10_000)
            .withConnectionTimeout(10_000)
            .build();
    client =
        new KubernetesClientBuilder().withConfig(ApiServers.withoutClientRetries(config)).build();
    api =
        ApiServers.retrying(
            ApiServers.fabric8(client),
            new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)),
            sleeps::add);
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
                        .build(),
                    new APIResourceBuilder()
                        .withName("deployments/status")
                        .withKind("Deployment")
                        .withNamespaced(true)
                        .build())
                .build())
        .always();
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
                        .withName("namespaces")
                        .withKind("Namespace")
                        .withNamespaced(false)
                        .build())
                .build())
        .always();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void serverSideApplyIsAPatchWithApplyPatchYamlFieldManagerAndForce() throws Exception {
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j&force=true")
        .andReturn(200, deployment())
        .once();

    var stored = api.apply(deployment(), "vela4j", true);

    assertThat(stored.getMetadata().getName()).isEqualTo("api");
    var patch = onlyPatch();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getHeader("Content-Type")).isEqualTo("application/apply-patch+yaml");
    assertThat(pathOf(patch)).isEqualTo(DEPLOY_PATH);
    assertThat(query(patch))
        .containsExactly(Map.entry("fieldManager", "vela4j"), Map.entry("force", "true"));
    var body = Serialization.unmarshal(patch.getUtf8Body(), GenericKubernetesResource.class);
    assertThat(body.getApiVersion()).isEqualTo("apps/v1");
    assertThat(body.getKind()).isEqualTo("Deployment");
    assertThat(body.getMetadata().getResourceVersion()).isNull();
    assertThat(body.getAdditionalProperties()).containsKey("spec").doesNotContainKey("status");
  }

  @Test
  void withoutForceTheForceParameterIsAbsent() throws Exception {
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=team-a")
        .andReturn(200, deployment())
        .once();

    api.apply(deployment(), "team-a", false);

    assertThat(query(onlyPatch())).containsExactly(Map.entry("fieldManager", "team-a"));
  }

  @Test
  void clusterScopedObjectsUseTheClusterPath() throws Exception {
    server
        .expect()
        .patch()
        .withPath("/api/v1/namespaces/web?fieldManager=vela4j")
        .andReturn(200, namespace())
        .once();

    api.apply(namespace(), "vela4j", false);

    assertThat(pathOf(onlyPatch())).isEqualTo("/api/v1/namespaces/web");
  }

  @Test
  void retriesAfter500And429ThenSucceedsWithBoundedExponentialDelays() throws Exception {
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j&force=true")
        .andReturn(500, status(500, "InternalError", 0))
        .once();
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j&force=true")
        .andReturn(503, status(503, "ServiceUnavailable", 0))
        .once();
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j&force=true")
        .andReturn(429, status(429, "TooManyRequests", 0))
        .once();
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j&force=true")
        .andReturn(200, deployment())
        .once();

    api.apply(deployment(), "vela4j", true);

    var patches = patches();
    assertThat(patches).hasSize(4);
    assertThat(patches)
        .allSatisfy(
            p -> {
              assertThat(p.getHeader("Content-Type")).isEqualTo("application/apply-patch+yaml");
              assertThat(p.getPath()).isEqualTo(DEPLOY_PATH + "?fieldManager=vela4j&force=true");
            });
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void honoursRetryAfterFrom429UpToTheMaximumDelay() throws Exception {
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j")
        .andReturn(429, status(429, "TooManyRequests", 7))
        .once();
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j")
        .andReturn(200, deployment())
        .once();

    api.apply(deployment(), "vela4j", false);

    assertThat(patches()).hasSize(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void givesUpAfterMaxAttemptsAndReportsTheLastStatus() throws Exception {
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j")
        .andReturn(503, status(503, "ServiceUnavailable", 0))
        .always();

    assertThatThrownBy(() -> api.apply(deployment(), "vela4j", false))
        .isInstanceOfSatisfying(
            ApiServerException.class,
            e -> {
              assertThat(e.code()).isEqualTo(503);
              assertThat(e.kind()).isEqualTo(ApiServerException.Kind.TRANSIENT);
            });
    assertThat(patches()).hasSize(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void aTimedOutRequestIsRetried() throws Exception {
    // discovery first, with the patient client, so only the PATCH meets the short timeout
    api.get(ObjectRef.of(deployment()));
    server
        .expect()
        .patch()
        .delay(3_000, TimeUnit.MILLISECONDS)
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j")
        .andReturn(200, deployment())
        .once();
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j")
        .andReturn(200, deployment())
        .always();
    var impatient =
        new KubernetesClientBuilder()
            .withConfig(
                ApiServers.withoutClientRetries(
                    new ConfigBuilder(client.getConfiguration()).withRequestTimeout(700).build()))
            .build();
    try {
      var retrying =
          ApiServers.retrying(
              ApiServers.fabric8(impatient),
              new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)),
              sleeps::add);

      retrying.apply(deployment(), "vela4j", false);
    } finally {
      impatient.close();
    }

    var patches = patches();
    assertThat(patches).hasSizeGreaterThanOrEqualTo(2);
    assertThat(patches)
        .allSatisfy(p -> assertThat(p.getPath()).isEqualTo(DEPLOY_PATH + "?fieldManager=vela4j"));
    assertThat(sleeps).hasSize(patches.size() - 1).startsWith(Duration.ofMillis(100));
  }

  @Test
  void aRefusedConnectionIsTransientAndRetriedUntilTheLimit() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var nowhere =
        new KubernetesClientBuilder()
            .withConfig(
                ApiServers.withoutClientRetries(
                    new ConfigBuilder(Config.empty())
                        .withMasterUrl("http://127.0.0.1:" + port)
                        .build()))
            .build();
    try {
      var retrying =
          ApiServers.retrying(
              ApiServers.fabric8(nowhere),
              new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)),
              sleeps::add);

      assertThatThrownBy(() -> retrying.apply(deployment(), "vela4j", false))
          .isInstanceOfSatisfying(
              ApiServerException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ApiServerException.Kind.TRANSIENT);
                assertThat(e.code()).isZero();
                assertThat(e.getMessage()).contains("Connect");
              });
      assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    } finally {
      nowhere.close();
    }
  }

  @Test
  void aConflictIsNotRetriedAndIsClassifiedAsConflict() throws Exception {
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j")
        .andReturn(409, status(409, "Conflict", 0))
        .always();

    assertThatThrownBy(() -> api.apply(deployment(), "vela4j", false))
        .isInstanceOfSatisfying(
            ApiServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiServerException.Kind.CONFLICT);
              assertThat(e.getMessage()).contains("Apply failed with 1 conflict");
            });
    assertThat(patches()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void forbiddenIsPermanentAndNotRetried() throws Exception {
    server
        .expect()
        .patch()
        .withPath(DEPLOY_PATH + "?fieldManager=vela4j")
        .andReturn(403, status(403, "Forbidden", 0))
        .always();

    assertThatThrownBy(() -> api.apply(deployment(), "vela4j", false))
        .isInstanceOfSatisfying(
            ApiServerException.class,
            e -> assertThat(e.kind()).isEqualTo(ApiServerException.Kind.PERMANENT));
    assertThat(patches()).hasSize(1);
  }

  @Test
  void anUnknownKindIsReportedAsNotFoundWithAHint() {
    server
        .expect()
        .get()
        .withPath("/apis/example.com/v1")
        .andReturn(404, status(404, "NotFound", 0))
        .always();
    var widget = new GenericKubernetesResource();
    widget.setApiVersion("example.com/v1");
    widget.setKind("Widget");
    widget.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("w")
            .withNamespace("web")
            .build());

    assertThatThrownBy(() -> api.apply(widget, "vela4j", false))
        .isInstanceOfSatisfying(
            ApiServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiServerException.Kind.NOT_FOUND);
              assertThat(e.getMessage()).contains("no kind Widget in example.com/v1");
            });
  }

  @Test
  void getDeleteAndListUseTheExpectedRequests() throws Exception {
    server.expect().get().withPath(DEPLOY_PATH).andReturn(200, deployment()).once();
    server.expect().delete().withPath(DEPLOY_PATH).andReturn(200, status(200, "Success", 0)).once();
    server
        .expect()
        .get()
        .withPath(
            "/apis/apps/v1/namespaces/web/deployments?labelSelector="
                + "applyset.kubernetes.io%2Fpart-of%3Dapplyset-x-v1")
        .andReturn(200, deploymentList())
        .once();

    var ref = ObjectRef.of(deployment());
    assertThat(api.get(ref)).isPresent();
    assertThat(api.delete(ref, false)).isTrue();
    assertThat(
            api.list(
                "apps/v1",
                "Deployment",
                "web",
                Map.of("applyset.kubernetes.io/part-of", "applyset-x-v1")))
        .hasSize(1);

    var requests = requests();
    var delete =
        requests.stream().filter(r -> r.getMethod().equals("DELETE")).findFirst().orElseThrow();
    assertThat(delete.getUtf8Body()).contains("\"propagationPolicy\":\"Background\"");
  }

  @Test
  void crdEstablishedReadsTheCrdAndItsEstablishedCondition() throws Exception {
    server
        .expect()
        .get()
        .withPath("/apis/apiextensions.k8s.io/v1")
        .andReturn(
            200,
            new APIResourceListBuilder()
                .withGroupVersion("apiextensions.k8s.io/v1")
                .addToResources(
                    new APIResourceBuilder()
                        .withName("customresourcedefinitions")
                        .withKind("CustomResourceDefinition")
                        .withNamespaced(false)
                        .build())
                .build())
        .always();
    var path = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com";
    server.expect().get().withPath(path).andReturn(200, crd("False")).once();
    server.expect().get().withPath(path).andReturn(200, crd("True")).once();

    assertThat(api.crdEstablished("widgets.example.com")).isFalse();
    assertThat(api.crdEstablished("widgets.example.com")).isTrue();
    assertThat(api.crdEstablished("gadgets.example.com")).isFalse();

    assertThat(requests())
        .filteredOn(r -> r.getPath().startsWith("/apis/apiextensions.k8s.io/v1/"))
        .extracting(RecordedRequest::getMethod, RecordedRequest::getPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", path),
            org.assertj.core.groups.Tuple.tuple("GET", path),
            org.assertj.core.groups.Tuple.tuple(
                "GET",
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.com"));
  }

  private static GenericKubernetesResource crd(String established) {
    return Serialization.unmarshal(
        "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
            + "\"metadata\":{\"name\":\"widgets.example.com\"},\"status\":{\"conditions\":["
            + "{\"type\":\"NamesAccepted\",\"status\":\"True\"},"
            + "{\"type\":\"Established\",\"status\":\""
            + established
            + "\"}]}}",
        GenericKubernetesResource.class);
  }

  @Test
  void getOfAMissingObjectIsEmpty() {
    server.expect().get().withPath(DEPLOY_PATH).andReturn(404, status(404, "NotFound", 0)).once();

    assertThat(api.get(ObjectRef.of(deployment()))).isEmpty();
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    var all = new ArrayList<RecordedRequest>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      all.add(r);
    }
    return all;
  }

  private List<RecordedRequest> patches() throws InterruptedException {
    return requests().stream().filter(r -> r.getMethod().equals("PATCH")).toList();
  }

  private RecordedRequest onlyPatch() throws InterruptedException {
    var patches = patches();
    assertThat(patches).hasSize(1);
    return patches.get(0);
  }

  private static String pathOf(RecordedRequest r) {
    var p = r.getPath();
    int q = p.indexOf('?');
    return q < 0 ? p : p.substring(0, q);
  }

  private static Map<String, String> query(RecordedRequest r) {
    var p = r.getPath();
    var out = new LinkedHashMap<String, String>();
    int q = p.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (var pair : p.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static GenericKubernetesResource deployment() {
    return Serialization.unmarshal(
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"api","namespace":"web"},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"api"}},
           "template":{"metadata":{"labels":{"app":"api"}},
             "spec":{"containers":[{"name":"api","image":"nginx:1.27"}]}}}}""",
        GenericKubernetesResource.class);
  }

  static io.fabric8.kubernetes.api.model.GenericKubernetesResourceList deploymentList() {
    var list = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceList();
    list.setItems(List.of(deployment()));
    return list;
  }

  static GenericKubernetesResource namespace() {
    return Serialization.unmarshal(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"web\"}}",
        GenericKubernetesResource.class);
  }

  static io.fabric8.kubernetes.api.model.Status status(int code, String reason, int retryAfter) {
    var b =
        new StatusBuilder()
            .withStatus(code < 400 ? "Success" : "Failure")
            .withCode(code)
            .withReason(reason)
            .withMessage(
                code == 409
                    ? "Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas"
                    : reason);
    if (retryAfter > 0) {
      b.withNewDetails().withRetryAfterSeconds(retryAfter).endDetails();
    }
    return b.build();
  }
}
