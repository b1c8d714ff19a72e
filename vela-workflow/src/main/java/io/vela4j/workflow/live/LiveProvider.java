package io.vela4j.workflow.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.dispatch.kube.ApiServer;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.dispatch.kube.ObjectRef;
import io.vela4j.workflow.spi.ClusterView;
import io.vela4j.workflow.spi.WorkflowProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Carries out a workflow's cluster actions on real API servers: server-side apply (forced, with the
 * field manager {@value #FIELD_MANAGER} unless told otherwise), get, list by labels and delete,
 * each through the {@link ApiServer} {@link ClusterConnections} gives for the target (the hub is
 * the control plane). Thread-safe; the connections stay the caller's to close.
 */
public final class LiveProvider implements WorkflowProvider {

  /** The default field manager of applies. */
  public static final String FIELD_MANAGER = "vela4j-workflow";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ClusterConnections connections;
  private final String fieldManager;

  private LiveProvider(ClusterConnections connections, String fieldManager) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.fieldManager = Objects.requireNonNull(fieldManager, "fieldManager");
  }

  /**
   * A live provider.
   *
   * @param connections one API server per cluster, and the hub's as the control plane
   * @return the provider
   */
  public static LiveProvider of(ClusterConnections connections) {
    return new LiveProvider(connections, FIELD_MANAGER);
  }

  /**
   * A live provider applying with another field manager.
   *
   * @param connections the connections
   * @param fieldManager the field manager
   * @return the provider
   */
  public static LiveProvider of(ClusterConnections connections, String fieldManager) {
    return new LiveProvider(connections, fieldManager);
  }

  @Override
  public String name() {
    return "live";
  }

  @Override
  public boolean live() {
    return true;
  }

  private ApiServer server(DeliveryTarget target) {
    return connections
        .server(target)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no connection for "
                        + target.display()
                        + " (clusters: "
                        + String.join(", ", connections.clusterNames())
                        + (connections.hasControlPlane() ? "; a hub" : "; no hub")
                        + ")"));
  }

  private static ObjectNode tree(GenericKubernetesResource r) {
    JsonNode n = MAPPER.valueToTree(r);
    return (ObjectNode) n;
  }

  @Override
  public ObjectNode apply(DeliveryTarget target, ObjectNode object, ClusterView view) {
    GenericKubernetesResource r = MAPPER.convertValue(object, GenericKubernetesResource.class);
    return tree(server(target).apply(r, fieldManager, true));
  }

  @Override
  public Optional<ObjectNode> read(DeliveryTarget target, ResourceKey key, ClusterView view) {
    return server(target).get(ObjectRef.of(key)).map(LiveProvider::tree);
  }

  @Override
  public List<ObjectNode> list(
      DeliveryTarget target,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels,
      ClusterView view) {
    return server(target).list(apiVersion, kind, namespace, labels).stream()
        .map(LiveProvider::tree)
        .toList();
  }

  @Override
  public boolean delete(DeliveryTarget target, ResourceKey key, ClusterView view) {
    return server(target).delete(ObjectRef.of(key), false);
  }
}
