package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vela4j dispatch apply}, against a tiny stand-in API server over real HTTP. */
class DispatchApplyCommandTest {
  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private static void files(Path dir, String... clusterAndUrl) throws Exception {
    Files.writeString(
        dir.resolve("manifests.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\n"
            + "kind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  a: b\n");
    var placement = new StringBuilder("bundle: shop\nnamespace: shop\nclusters:\n");
    var kube = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
    var contexts = new StringBuilder("contexts:\n");
    for (int i = 0; i < clusterAndUrl.length; i += 2) {
      placement.append("- name: ").append(clusterAndUrl[i]).append('\n');
      kube.append("- name: ")
          .append(clusterAndUrl[i])
          .append("\n  cluster:\n    server: ")
          .append(clusterAndUrl[i + 1])
          .append('\n');
      contexts
          .append("- name: ")
          .append(clusterAndUrl[i])
          .append("\n  context:\n    cluster: ")
          .append(clusterAndUrl[i])
          .append("\n    user: u\n");
    }
    placement.append(
        "policy:\n  fieldManager: vela4j-cli\n  conflict: Abort\n"
            + "  deletion: Delete\n  prune: true\n");
    kube.append("users:\n- name: u\n  user:\n    token: t\n")
        .append(contexts)
        .append("current-context: ")
        .append(clusterAndUrl[0])
        .append('\n');
    Files.writeString(dir.resolve("placement.yaml"), placement.toString());
    Files.writeString(dir.resolve("kubeconfig.yaml"), kube.toString());
  }

  private static String[] args(Path dir) {
    return new String[] {
      "dispatch",
      "apply",
      "--via",
      "direct",
      "-f",
      dir.resolve("manifests.yaml").toString(),
      "--placement",
      dir.resolve("placement.yaml").toString(),
      "--kubeconfig",
      dir.resolve("kubeconfig.yaml").toString()
    };
  }

  /** Answers discovery, reports no existing objects, accepts every apply. */
  private static HttpServer apiServer(List<String> requests) throws Exception {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String method = exchange.getRequestMethod();
          String uri = exchange.getRequestURI().toString();
          byte[] in = exchange.getRequestBody().readAllBytes();
          requests.add(
              method + " " + uri + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
          int code = 200;
          String body;
          if (uri.equals("/apis/work.open-cluster-management.io/v1")) {
            body =
                "{\"kind\":\"APIResourceList\",\"groupVersion\":"
                    + "\"work.open-cluster-management.io/v1\",\"resources\":["
                    + "{\"name\":\"manifestworks\",\"kind\":\"ManifestWork\",\"namespaced\":true}]}";
          } else if (uri.equals("/api/v1")) {
            body =
                "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":["
                    + "{\"name\":\"namespaces\",\"kind\":\"Namespace\",\"namespaced\":false},"
                    + "{\"name\":\"configmaps\",\"kind\":\"ConfigMap\",\"namespaced\":true},"
                    + "{\"name\":\"secrets\",\"kind\":\"Secret\",\"namespaced\":true}]}";
          } else if (method.equals("PATCH")) {
            body = new String(in, StandardCharsets.UTF_8);
          } else if (uri.contains("labelSelector")) {
            body = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}";
          } else {
            code = 404;
            body =
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"reason\":\"NotFound\",\"code\":404}";
          }
          byte[] out = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(code, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
    return server;
  }

  @Test
  void appliesToEveryClusterAndPrintsAProgressLinePerCluster(@TempDir Path dir) throws Exception {
    var eastRequests = new CopyOnWriteArrayList<String>();
    var westRequests = new CopyOnWriteArrayList<String>();
    var east = apiServer(eastRequests);
    var west = apiServer(westRequests);
    try {
      files(
          dir,
          "east",
          "http://127.0.0.1:" + east.getAddress().getPort(),
          "west",
          "http://127.0.0.1:" + west.getAddress().getPort());

      Cli.Run r = run(args(dir));

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out().lines().toList())
          .containsExactlyInAnyOrder(
              "cluster/east: ok, 2 applied",
              "cluster/west: ok, 2 applied",
              r.out()
                  .lines()
                  .filter(l -> l.startsWith("plan "))
                  .findFirst()
                  .orElse("no plan line"));
      for (var requests : List.of(eastRequests, westRequests)) {
        assertThat(requests)
            .filteredOn(q -> q.startsWith("PATCH"))
            .contains(
                "PATCH /api/v1/namespaces/shop?fieldManager=vela4j-cli application/apply-patch+yaml",
                "PATCH /api/v1/namespaces/shop/configmaps/settings?fieldManager=vela4j-cli "
                    + "application/apply-patch+yaml");
      }
    } finally {
      east.stop(0);
      west.stop(0);
    }
  }

  @Test
  void aClusterMissingFromTheKubeconfigFailsOnlyThatCluster(@TempDir Path dir) throws Exception {
    var requests = new CopyOnWriteArrayList<String>();
    var east = apiServer(requests);
    try {
      files(dir, "east", "http://127.0.0.1:" + east.getAddress().getPort());
      Files.writeString(
          dir.resolve("placement.yaml"),
          Files.readString(dir.resolve("placement.yaml"))
              .replace("- name: east\n", "- name: east\n- name: west\n"));

      Cli.Run r = run(args(dir));

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "cluster/east: ok, 2 applied",
              "cluster/west: FAILED, 0 applied: no connection for cluster west");
      assertThat(r.err()).contains("error: cluster/west: no connection for cluster west");
    } finally {
      east.stop(0);
    }
  }

  @Test
  void ocmPlansGoToTheCurrentContextAsControlPlane(@TempDir Path dir) throws Exception {
    var requests = new CopyOnWriteArrayList<String>();
    var hub = apiServer(requests);
    try {
      files(dir, "hub", "http://127.0.0.1:" + hub.getAddress().getPort());
      Files.writeString(
          dir.resolve("placement.yaml"),
          Files.readString(dir.resolve("placement.yaml"))
              .replace("- name: hub\n", "- name: east\n- name: west\n"));
      var args = args(dir);
      args[3] = "ocm";

      Cli.Run r = run(args);

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("control-plane: ok, 2 applied\n");
      assertThat(requests)
          .filteredOn(q -> q.startsWith("PATCH"))
          .containsExactly(
              "PATCH /apis/work.open-cluster-management.io/v1/namespaces/east/manifestworks/"
                  + "shop-east-0?fieldManager=vela4j-cli application/apply-patch+yaml",
              "PATCH /apis/work.open-cluster-management.io/v1/namespaces/west/manifestworks/"
                  + "shop-west-0?fieldManager=vela4j-cli application/apply-patch+yaml");
    } finally {
      hub.stop(0);
    }
  }

  @Test
  void aMissingKubeconfigIsReported(@TempDir Path dir) throws Exception {
    files(dir, "east", "http://127.0.0.1:1");
    Files.delete(dir.resolve("kubeconfig.yaml"));

    Cli.Run r = run(args(dir));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("kubeconfig.yaml: error: kubeconfig file not found");
  }
}
