package io.vela4j.workflow.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a run knows of the clusters at one moment: the cluster state it was given, with the objects
 * its steps applied (and without those they deleted) laid over it. An applied object keeps the
 * {@code status} the state shows for it. Read-only; objects are copies.
 */
public interface ClusterView {

  /**
   * One object.
   *
   * @param target the hub or a managed cluster
   * @param key its identity
   * @return a copy, or empty
   */
  Optional<ObjectNode> get(DeliveryTarget target, ResourceKey key);

  /**
   * The objects of one kind carrying all the given labels.
   *
   * @param target the target
   * @param apiVersion the apiVersion
   * @param kind the kind
   * @param namespace the namespace, or {@code null} for every namespace
   * @param labels the labels
   * @return copies
   */
  List<ObjectNode> list(
      DeliveryTarget target,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels);
}
