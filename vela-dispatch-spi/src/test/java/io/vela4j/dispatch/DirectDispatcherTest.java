package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.dispatch.direct.DirectDispatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectDispatcherTest {
  private static final DirectDispatcher DIRECT = new DirectDispatcher();

  @Test
  void applySetIdFollowsKep3659() {
    // Computed independently: base64url(sha256("applyset-shop.shop.Secret.")) without padding.
    assertThat(DirectDispatcher.applySetId("applyset-shop", "shop", "Secret", ""))
        .isEqualTo("applyset-G3BhoYj8anC-VTON4w1VmD3s431mjOfTcUlr4yeQKpA-v1");
  }

  @Test
  void everyClusterGetsItsObjectsWithPartOfLabelAndAnInventoryParentBeforeMembers() {
    DispatchRequest request = Fixtures.exampleRequest();
    DispatchPlan plan = DIRECT.plan(request);
    DesiredState state = DesiredState.compute(request);
    String id = DirectDispatcher.applySetId("applyset-shop", "shop", "Secret", "");
    for (String c : List.of("ap-1", "eu-1", "us-1")) {
      List<Delivery> ds = plan.deliveries(DeliveryTarget.cluster(c));
      assertThat(ds.get(0).key().kind()).isEqualTo("Namespace");
      assertThat(ds.get(1).key().kind()).isEqualTo("Secret");
      JsonNode parent = ds.get(1).body();
      assertThat(parent.at("/metadata/labels").path(DirectDispatcher.APPLYSET_ID).asText())
          .isEqualTo(id);
      assertThat(parent.at("/metadata/annotations").path(DirectDispatcher.GROUP_KINDS).asText())
          .isEqualTo(
              "ClusterRole.rbac.authorization.k8s.io,ConfigMap,CustomResourceDefinition.apiextensions.k8s.io,Deployment.apps,Job.batch,Namespace,Service,ServiceAccount,Widget.example.com");
      List<Delivery> members =
          ds.stream()
              .filter(
                  d ->
                      d.action() == Delivery.Action.APPLY
                          && !d.key().name().equals("applyset-shop"))
              .toList();
      assertThat(members).hasSize(state.objects(c).size());
      for (Delivery m : members) {
        assertThat(m.body().at("/metadata/labels").path(DirectDispatcher.PART_OF).asText())
            .isEqualTo(id);
        // Without the inventory label, the object equals the shared per-cluster object.
        var body = m.body();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.at("/metadata/labels"))
            .remove(DirectDispatcher.PART_OF);
        if (body.at("/metadata/labels").isEmpty()) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("metadata")).remove("labels");
        }
        assertThat(state.objects(c)).anyMatch(x -> x.body().equals(body));
      }
      // Waves never decrease; CRD barrier before custom resources.
      for (int i = 1; i < ds.size(); i++) {
        assertThat(ds.get(i).wave()).isGreaterThanOrEqualTo(ds.get(i - 1).wave());
      }
      int wait = indexOf(ds, Delivery.Action.WAIT_ESTABLISHED, "CustomResourceDefinition");
      int widget = indexOf(ds, Delivery.Action.APPLY, "Widget");
      assertThat(wait).isLessThan(widget);
      assertThat(ds.get(widget).wave()).isGreaterThan(ds.get(wait).wave());
    }
  }

  static int indexOf(List<Delivery> ds, Delivery.Action a, String kind) {
    for (int i = 0; i < ds.size(); i++) {
      if (ds.get(i).action() == a && ds.get(i).key().kind().equals(kind)) {
        return i;
      }
    }
    throw new AssertionError(a + " " + kind + " missing");
  }

  @Test
  void parentRecordsDeletionAndPrunePolicy() {
    DispatchRequest base = Fixtures.exampleRequest();
    var policy =
        base.policy().toBuilder()
            .deletion(DispatchPolicy.Deletion.ORPHAN)
            .prune(false)
            .inventoryNamespace("vela-system")
            .build();
    var request =
        new DispatchRequest(base.bundle(), base.placement(), policy, base.scopes(), base.options());
    JsonNode parent =
        DIRECT.plan(request).deliveries(DeliveryTarget.cluster("eu-1")).stream()
            .filter(d -> d.key().kind().equals("Secret"))
            .findFirst()
            .orElseThrow()
            .body();
    assertThat(parent.at("/metadata/namespace").asText()).isEqualTo("vela-system");
    assertThat(parent.at("/metadata/annotations").path(DirectDispatcher.DELETION).asText())
        .isEqualTo("Orphan");
    assertThat(parent.at("/metadata/annotations").path(DirectDispatcher.PRUNE).asText())
        .isEqualTo("false");
    assertThat(parent.at("/metadata/annotations").path(DirectDispatcher.NAMESPACES).asText())
        .isEqualTo("shop");
  }
}
