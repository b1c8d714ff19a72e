package io.vela4j.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import java.util.Objects;

/**
 * One object a step applied to (or deleted from) one target: the hub ({@link
 * DeliveryTarget#CONTROL_PLANE}) or a managed cluster. Immutable; the tree is copied in and out.
 *
 * @param target where it went
 * @param action whether it was applied or deleted
 * @param step the step that did it
 * @param object the object, in full (as applied; for a deletion, what identified it)
 */
public record AppliedObject(DeliveryTarget target, Action action, String step, ObjectNode object) {

  /** What was done to the object. */
  public enum Action {
    /** Created or updated. */
    APPLY,
    /** Deleted. */
    DELETE
  }

  /** Validates and copies. */
  public AppliedObject {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(step, "step");
    object = object.deepCopy();
  }

  /** The object (a copy). */
  @Override
  public ObjectNode object() {
    return object.deepCopy();
  }

  /**
   * The object's identity.
   *
   * @return its key
   */
  public ResourceKey key() {
    return ClusterState.keyOf(object);
  }

  /**
   * {@code kind/namespace/name}, or {@code kind/name} for cluster-scoped objects.
   *
   * @return the display form
   */
  public String display() {
    ResourceKey k = key();
    return k.kind() + "/" + (k.namespace() == null ? "" : k.namespace() + "/") + k.name();
  }
}
