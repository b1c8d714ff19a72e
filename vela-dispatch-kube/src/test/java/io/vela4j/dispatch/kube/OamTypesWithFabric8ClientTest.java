package io.vela4j.dispatch.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ComponentDefinition;
import org.junit.jupiter.api.Test;

/**
 * The OAM types of vela-model work with a fabric8 client as they are: {@code
 * client.resources(Application.class)} finds the group, version and plural from the annotations,
 * and objects survive a trip through a (mock, CRUD-mode) API server.
 */
@EnableKubernetesMockClient(crud = true)
class OamTypesWithFabric8ClientTest {
  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void applicationsAreCreatedListedAndReadBackWithTheirTypedSpec() throws InterruptedException {
    Application app =
        VelaYaml.reader()
            .read(
                """
                apiVersion: core.oam.dev/v1beta1
                kind: Application
                metadata:
                  name: web
                  namespace: shop
                spec:
                  components:
                    - name: frontend
                      type: webservice
                      properties:
                        image: nginx:1.27
                        replicas: 3
                      traits:
                        - type: scaler
                          properties: {replicas: 3}
                """,
                Application.class);
    client.resources(Application.class).inNamespace("shop").resource(app).create();

    Application back =
        client.resources(Application.class).inNamespace("shop").withName("web").get();
    assertThat(back).isNotNull();
    assertThat(back.getSpec()).isEqualTo(app.getSpec());
    assertThat(back.getSpec().components().get(0).properties().get("replicas").isInt()).isTrue();
    assertThat(client.resources(Application.class).inNamespace("shop").list().getItems())
        .extracting(a -> a.getMetadata().getName())
        .containsExactly("web");
    assertThat(server.getLastRequest().getPath())
        .startsWith("/apis/core.oam.dev/v1beta1/namespaces/shop/applications");
  }

  @Test
  void definitionsUseTheirOwnPlural() throws InterruptedException {
    var def =
        VelaYaml.reader()
            .read(
                """
                apiVersion: core.oam.dev/v1beta1
                kind: ComponentDefinition
                metadata: {name: worker, namespace: vela-system}
                spec:
                  workload:
                    definition: {apiVersion: apps/v1, kind: Deployment}
                  schematic:
                    cue:
                      template: |
                        output: {apiVersion: "apps/v1", kind: "Deployment"}
                """,
                ComponentDefinition.class);
    client.resources(ComponentDefinition.class).inNamespace("vela-system").resource(def).create();
    assertThat(server.getLastRequest().getPath())
        .isEqualTo("/apis/core.oam.dev/v1beta1/namespaces/vela-system/componentdefinitions");
    var back =
        client
            .resources(ComponentDefinition.class)
            .inNamespace("vela-system")
            .withName("worker")
            .get();
    assertThat(back.getSpec().schematic().cue().template()).contains("Deployment");
  }
}
