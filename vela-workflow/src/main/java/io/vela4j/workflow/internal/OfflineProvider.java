package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.spi.ClusterView;
import io.vela4j.workflow.spi.WorkflowProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The offline provider: an apply is only recorded (the engine keeps it in the run's plan per
 * target; the object comes back with the status the view shows for it, as from an API server),
 * reads and lists are answered from the run's view of the clusters. No I/O.
 */
public final class OfflineProvider implements WorkflowProvider {

  @Override
  public String name() {
    return "offline";
  }

  @Override
  public ObjectNode apply(DeliveryTarget target, ObjectNode object, ClusterView view) {
    // as an API server returns it: with the status (and server-owned metadata) it already has
    return view.get(target, ClusterState.keyOf(object))
        .map(existing -> Json.observed(object, existing))
        .orElseGet(object::deepCopy);
  }

  @Override
  public Optional<ObjectNode> read(DeliveryTarget target, ResourceKey key, ClusterView view) {
    return view.get(target, key);
  }

  @Override
  public List<ObjectNode> list(
      DeliveryTarget target,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels,
      ClusterView view) {
    return view.list(target, apiVersion, kind, namespace, labels);
  }

  @Override
  public boolean delete(DeliveryTarget target, ResourceKey key, ClusterView view) {
    return view.get(target, key).isPresent();
  }
}
