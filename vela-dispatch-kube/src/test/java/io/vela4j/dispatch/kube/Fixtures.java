package io.vela4j.dispatch.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchPolicy;
import java.util.ArrayList;
import java.util.List;

/** Objects and plans for the flow tests. */
final class Fixtures {
  static final String APPLYSET_ID = "applyset-c2hvcA-v1";

  private Fixtures() {}

  static GenericKubernetesResource namespace(String name) {
    return InMemoryApiServer.resource(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
  }

  static GenericKubernetesResource crd() {
    return InMemoryApiServer.resource(
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"kind":"Widget","plural":"widgets","singular":"widget","listKind":"WidgetList"},
           "versions":[{"name":"v1","served":true,"storage":true,
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
        """);
  }

  static GenericKubernetesResource widget(String ns, String name) {
    return InMemoryApiServer.resource(
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + ns
            + "\"},\"spec\":{\"size\":3}}");
  }

  static GenericKubernetesResource configMap(String ns, String name, String value) {
    return InMemoryApiServer.resource(
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + ns
            + "\",\"labels\":{\""
            + "applyset.kubernetes.io/part-of"
            + "\":\""
            + APPLYSET_ID
            + "\"}},\"data\":{\"key\":\""
            + value
            + "\"}}");
  }

  static GenericKubernetesResource deployment(String ns, String name, int replicas) {
    return InMemoryApiServer.resource(
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + ns
            + "\"},\"spec\":{\"replicas\":"
            + replicas
            + ",\"selector\":{\"matchLabels\":{\"app\":\""
            + name
            + "\"}},\"template\":{"
            + "\"metadata\":{\"labels\":{\"app\":\""
            + name
            + "\"}},\"spec\":{\"containers\":"
            + "[{\"name\":\"app\",\"image\":\"nginx:1.27\"}]}}}}");
  }

  static GenericKubernetesResource parent(String ns) {
    return InMemoryApiServer.resource(
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"applyset-shop\","
            + "\"namespace\":\""
            + ns
            + "\",\"labels\":{\"applyset.kubernetes.io/id\":\""
            + APPLYSET_ID
            + "\"},\"annotations\":{\"applyset.kubernetes.io/tooling\":"
            + "\"vela4j/v1\"}}}");
  }

  /** Builds a plan for several clusters with the same deliveries. */
  static final class PlanBuilder {
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<String> clusters;
    private DispatchPolicy policy = DispatchPolicy.defaults();

    PlanBuilder(String... clusters) {
      this.clusters = List.of(clusters);
    }

    /** The policy the plan carries (the applier follows it). */
    PlanBuilder policy(DispatchPolicy p) {
      this.policy = p;
      return this;
    }

    PlanBuilder apply(int wave, GenericKubernetesResource object) {
      return add(wave, Delivery.Action.APPLY, object);
    }

    PlanBuilder waitFor(int wave, GenericKubernetesResource object) {
      return add(wave, Delivery.Action.WAIT_ESTABLISHED, object);
    }

    PlanBuilder delete(int wave, GenericKubernetesResource object) {
      return add(wave, Delivery.Action.DELETE, object);
    }

    private PlanBuilder add(int wave, Delivery.Action action, GenericKubernetesResource object) {
      for (var c : clusters) {
        deliveries.add(Delivery.of(DeliveryTarget.cluster(c), wave, action, object));
      }
      return this;
    }

    DispatchPlan build() {
      var sorted = new ArrayList<>(deliveries);
      sorted.sort(
          java.util.Comparator.comparing(Delivery::target).thenComparingInt(Delivery::wave));
      return DispatchPlan.of("direct", policy, java.util.Map.of(), sorted, List.of());
    }
  }

  /** The shop bundle: namespace, CRD, inventory (wave 0); config (1); workloads and CR (2). */
  static PlanBuilder shop(String... clusters) {
    return new PlanBuilder(clusters)
        .apply(0, namespace("shop"))
        .apply(0, crd())
        .apply(0, parent("shop"))
        .apply(1, configMap("shop", "settings", "v1"))
        .apply(2, deployment("shop", "web", 2))
        .apply(2, widget("shop", "big"));
  }
}
