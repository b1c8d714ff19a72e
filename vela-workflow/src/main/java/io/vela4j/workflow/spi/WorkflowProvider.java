package io.vela4j.workflow.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Does to clusters what a workflow's actions ask: apply, read, list and delete objects on the hub
 * ({@link DeliveryTarget#CONTROL_PLANE}) or on a managed cluster. The engine records what was
 * applied; a provider only carries it out. Implementations are thread-safe; errors are thrown as
 * unchecked exceptions whose message the failing step shows.
 */
public interface WorkflowProvider {

  /**
   * The provider's name ({@code offline}, {@code live}); a provider passed to the engine's builder
   * replaces a discovered one of the same name.
   *
   * @return the name
   */
  String name();

  /**
   * Whether this provider talks to real clusters. The engine then trusts what {@link #read} gives
   * for health checks; an offline provider's view only knows what it was told.
   *
   * @return true for a live provider
   */
  default boolean live() {
    return false;
  }

  /**
   * Applies an object (its namespace already defaulted).
   *
   * @param target where
   * @param object the object
   * @param view what the run knows of the clusters
   * @return the object as stored
   */
  ObjectNode apply(DeliveryTarget target, ObjectNode object, ClusterView view);

  /**
   * Reads an object.
   *
   * @param target where
   * @param key its identity
   * @param view what the run knows of the clusters
   * @return the object, or empty when it does not exist
   */
  Optional<ObjectNode> read(DeliveryTarget target, ResourceKey key, ClusterView view);

  /**
   * Lists objects.
   *
   * @param target where
   * @param apiVersion the apiVersion
   * @param kind the kind
   * @param namespace the namespace, or {@code null} for all
   * @param labels the labels they must carry
   * @param view what the run knows of the clusters
   * @return the objects
   */
  List<ObjectNode> list(
      DeliveryTarget target,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels,
      ClusterView view);

  /**
   * Deletes an object.
   *
   * @param target where
   * @param key its identity
   * @param view what the run knows of the clusters
   * @return whether it existed
   */
  boolean delete(DeliveryTarget target, ResourceKey key, ClusterView view);
}
