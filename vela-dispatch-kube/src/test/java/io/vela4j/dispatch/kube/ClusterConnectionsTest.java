package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubeconfig handling, and a whole apply through fabric8 over real HTTP to two mock servers. */
class ClusterConnectionsTest {
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  @TempDir Path dir;

  private Path kubeconfig(String... contextAndUrl) throws Exception {
    var sb = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
    for (int i = 0; i < contextAndUrl.length; i += 2) {
      sb.append("- name: ")
          .append(contextAndUrl[i])
          .append("\n  cluster:\n    server: ")
          .append(contextAndUrl[i + 1])
          .append('\n');
    }
    sb.append("users:\n- name: u\n  user:\n    token: t0ken\ncontexts:\n");
    for (int i = 0; i < contextAndUrl.length; i += 2) {
      sb.append("- name: ")
          .append(contextAndUrl[i])
          .append("\n  context:\n    cluster: ")
          .append(contextAndUrl[i])
          .append("\n    user: u\n");
    }
    sb.append("current-context: ").append(contextAndUrl[0]).append('\n');
    var file = dir.resolve("kubeconfig.yaml");
    Files.writeString(file, sb.toString());
    return file;
  }

  @Test
  void everyContextBecomesAClusterOfTheSameName() throws Exception {
    var file =
        kubeconfig(
            "east",
            "https://east.example:6443",
            "west",
            "https://west:6443",
            "hub",
            "https://hub:6443");

    try (var conns =
        ClusterConnections.builder()
            .kubeconfig(file)
            .controlPlaneContext(file, "hub")
            .withoutCluster("hub")
            .build()) {
      assertThat(conns.clusterNames()).containsExactly("east", "west");
      assertThat(conns.hasControlPlane()).isTrue();
      assertThat(conns.server(DeliveryTarget.cluster("east")).orElseThrow().describe())
          .isEqualTo("https://east.example:6443/");
      assertThat(conns.server(DeliveryTarget.cluster("north"))).isEmpty();
    }
    assertThat(ClusterConnections.currentContext(file)).isEqualTo("east");
  }

  @Test
  void anUnknownContextIsReportedWithTheKnownOnes() throws Exception {
    var file = kubeconfig("east", "https://east:6443");

    assertThatThrownBy(() -> ClusterConnections.builder().controlPlaneContext(file, "hub"))
        .isInstanceOfSatisfying(
            DispatchException.class,
            e -> {
              var d = e.diagnostics().get(0);
              assertThat(d.code()).isEqualTo("UNKNOWN_CONTEXT");
              assertThat(d.expected()).isEqualTo("east");
              assertThat(d.actual()).isEqualTo("hub");
              assertThat(d.source()).isEqualTo(file.toString());
            });
  }

  @Test
  void aMissingKubeconfigIsATypedError() {
    assertThatThrownBy(() -> ClusterConnections.fromKubeconfig(dir.resolve("nope.yaml")))
        .isInstanceOfSatisfying(
            DispatchException.class,
            e -> assertThat(e.diagnostics().get(0).code()).isEqualTo("MISSING_KUBECONFIG"));
  }

  @Test
  void appliesADirectPlanThroughFabric8ToTwoServersFromAKubeconfig() throws Exception {
    var east = server();
    var west = server();
    try {
      var file = kubeconfig("east", east.url("/"), "west", west.url("/"));
      var plan =
          new Fixtures.PlanBuilder("east", "west")
              .apply(0, Fixtures.namespace("shop"))
              .apply(0, Fixtures.parent("default"))
              .apply(1, Fixtures.configMap("shop", "settings", "v1"))
              .policy(DispatchPolicy.builder().fieldManager("vela4j-test").build())
              .build();
      var applier =
          KubeApplier.builder()
              .retry(new RetryPolicy(2, Duration.ZERO, 1.0, Duration.ZERO))
              .sleeper(d -> {})
              .build();

      ApplyResult result;
      try (var conns = ClusterConnections.fromKubeconfig(file)) {
        result = applier.apply(plan, conns);
      }

      assertThat(result.targets())
          .extracting(t -> t.target().display() + " " + t.succeeded())
          .containsExactly("cluster/east true", "cluster/west true");
      for (var s : List.of(east, west)) {
        var patches = requests(s).stream().filter(r -> r.getMethod().equals("PATCH")).toList();
        assertThat(patches)
            .extracting(RecordedRequest::getPath)
            .containsExactly(
                "/api/v1/namespaces/default/secrets/applyset-shop?fieldManager=vela4j-test",
                "/api/v1/namespaces/shop?fieldManager=vela4j-test",
                "/api/v1/namespaces/default/secrets/applyset-shop?fieldManager=vela4j-test",
                "/api/v1/namespaces/shop/configmaps/settings?fieldManager=vela4j-test");
        assertThat(patches)
            .allSatisfy(
                p -> {
                  assertThat(p.getHeader("Content-Type")).isEqualTo("application/apply-patch+yaml");
                  assertThat(p.getHeader("Authorization")).isEqualTo("Bearer t0ken");
                });
        assertThat(patches.get(3).getUtf8Body())
            .contains("\"applyset.kubernetes.io/part-of\":\"" + Fixtures.APPLYSET_ID + "\"");
        assertThat(patches.get(2).getUtf8Body())
            .contains("\"applyset.kubernetes.io/contains-group-kinds\":\"ConfigMap,Namespace\"");
      }
    } finally {
      east.destroy();
      west.destroy();
    }
  }

  private static KubernetesMockServer server() {
    var s = new KubernetesMockServer(false);
    s.init();
    s.expect()
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
                        .build(),
                    new APIResourceBuilder()
                        .withName("configmaps")
                        .withKind("ConfigMap")
                        .withNamespaced(true)
                        .build(),
                    new APIResourceBuilder()
                        .withName("secrets")
                        .withKind("Secret")
                        .withNamespaced(true)
                        .build())
                .build())
        .always();
    s.expect()
        .get()
        .withPath("/api/v1/namespaces/default/secrets/applyset-shop")
        .andReturn(404, new StatusBuilder().withCode(404).withReason("NotFound").build())
        .always();
    for (var path :
        List.of(
            "/api/v1/namespaces/default/secrets/applyset-shop",
            "/api/v1/namespaces/shop",
            "/api/v1/namespaces/shop/configmaps/settings")) {
      s.expect()
          .patch()
          .withPath(path + "?fieldManager=vela4j-test")
          .andReturn(
              200, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"stored\"}}")
          .always();
    }
    var empty = new GenericKubernetesResourceList();
    s.expect()
        .get()
        .withPath(
            "/api/v1/namespaces?labelSelector=applyset.kubernetes.io%2F"
                + "part-of%3D"
                + Fixtures.APPLYSET_ID)
        .andReturn(200, empty)
        .always();
    s.expect()
        .get()
        .withPath(
            "/api/v1/namespaces/shop/configmaps?labelSelector="
                + "applyset.kubernetes.io%2Fpart-of%3D"
                + Fixtures.APPLYSET_ID)
        .andReturn(200, empty)
        .always();
    return s;
  }

  private static List<RecordedRequest> requests(KubernetesMockServer s) throws Exception {
    var out = new ArrayList<RecordedRequest>();
    RecordedRequest r;
    while ((r = s.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      out.add(r);
    }
    return out;
  }
}
