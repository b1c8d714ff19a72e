package io.vela4j.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dry-run text: a comment per document saying where it comes from, sorted keys. */
class DryRunWriterTest {

  @Test
  void everyDocumentSaysItsApplicationComponentAndCluster() {
    RenderResult r =
        Fixtures.render(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: shop}
            spec:
              components:
                - name: web
                  type: webservice
                  properties: {image: nginx:1.27, ports: [{port: 80, expose: true}]}
                  traits:
                    - type: scaler
                      properties: {replicas: 2}
              policies:
                - name: eu
                  type: topology
                  properties: {clusters: [eu-1]}
            """);

    String text = DryRunWriter.write(r);

    assertThat(text)
        .startsWith(
            "---\n# Application(shop) -- Component(web) -- Cluster(eu-1)\n"
                + "apiVersion: apps/v1\nkind: Deployment\n")
        .contains(
            "---\n# Application(shop) -- Component(web) -- Cluster(eu-1)\n"
                + "## From the auxiliary workload\napiVersion: v1\nkind: Service\n");
    assertThat(text.split("\n---\n", -1)).hasSize(2);
  }

  @Test
  void aComponentAppliedOnTheHubNamesNoCluster() {
    RenderResult r =
        Fixtures.render(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: shop}
            spec:
              components:
                - name: web
                  type: webservice
                  properties: {image: nginx:1.27}
                  traits:
                    - type: gateway
                      properties: {domain: shop.example, http: {"/": 80}}
            """);

    assertThat(DryRunWriter.write(r))
        .startsWith("---\n# Application(shop) -- Component(web)\napiVersion: apps/v1\n")
        .contains("---\n# Application(shop) -- Component(web)\n## From the trait gateway\n");
  }
}
