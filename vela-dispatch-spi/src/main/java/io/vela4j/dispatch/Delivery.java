package io.vela4j.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.internal.Json;
import io.vela4j.dispatch.internal.OwnedNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link DispatchPlan}: do {@link #action()} with {@link #object()} on {@link
 * #target()} in {@link #wave()}.
 *
 * <p>Waves run in ascending order per target; an executor finishes every delivery of a wave
 * (including its {@link Action#WAIT_ESTABLISHED} barriers) before starting the next wave of the
 * same target.
 *
 * <p>The object is kept as a JSON tree with sorted keys (the planners' trees stay trees: no
 * serialising and re-parsing between planning, writing and applying). Immutable and thread-safe:
 * the tree is copied in, never handed out, and {@link #body()} and {@link #object()} return fresh
 * copies on every call; {@link #json()} is its canonical JSON, computed on demand.
 */
public final class Delivery {

  /** What to do with the object. */
  public enum Action {
    /** Server-side apply the object. */
    APPLY,
    /** Delete the object (by key). */
    DELETE,
    /**
     * Wait until the object (already applied in this or an earlier wave) is ready before the next
     * wave: a CustomResourceDefinition until its condition {@code Established} is {@code True}; an
     * OCM ManifestWork until its condition {@code Applied} is {@code True}; any other object until
     * it exists.
     */
    WAIT_ESTABLISHED
  }

  private final DeliveryTarget target;
  private final int wave;
  private final Action action;
  private final ResourceKey key;
  private final ObjectNode tree;

  private Delivery(
      DeliveryTarget target, int wave, Action action, ResourceKey key, ObjectNode tree) {
    this.target = Objects.requireNonNull(target, "target");
    this.action = Objects.requireNonNull(action, "action");
    if (wave < 0) {
      throw new IllegalArgumentException("wave must be >= 0, was " + wave);
    }
    this.wave = wave;
    this.key = key;
    this.tree = tree;
  }

  /**
   * A delivery of a fabric8 resource (copied; the argument is not kept).
   *
   * @param target where
   * @param wave when (0 first)
   * @param action what
   * @param object the object
   * @return the delivery
   */
  public static Delivery of(
      DeliveryTarget target, int wave, Action action, GenericKubernetesResource object) {
    return of(target, wave, action, new OwnedNode(Json.fromResource(object)));
  }

  /**
   * A delivery of a JSON object (copied, with keys sorted; the argument is not kept).
   *
   * @param target where
   * @param wave when (0 first)
   * @param action what
   * @param object the object, with apiVersion, kind and metadata.name
   * @return the delivery
   * @throws DispatchException when apiVersion, kind or metadata.name is missing
   */
  public static Delivery of(DeliveryTarget target, int wave, Action action, JsonNode object) {
    ObjectNode tree;
    if (object instanceof OwnedNode owned) {
      // built by a planner for this delivery and referenced nowhere else: sorted in place
      Json.sortInPlace(owned);
      tree = owned;
    } else if (object instanceof ObjectNode) {
      tree = (ObjectNode) Json.sorted(object);
    } else {
      throw new IllegalArgumentException("a delivery's object must be a JSON object");
    }
    return new Delivery(target, wave, action, Manifest.keyOf(tree, "delivery"), tree);
  }

  /**
   * A delivery of a manifest (its tree is shared, not copied: both are immutable).
   *
   * @param target where
   * @param wave when (0 first)
   * @param action what
   * @param manifest the object
   * @return the delivery
   */
  public static Delivery of(DeliveryTarget target, int wave, Action action, Manifest manifest) {
    return new Delivery(target, wave, action, manifest.key(), manifest.tree());
  }

  /** Where: the control plane or a member cluster. */
  public DeliveryTarget target() {
    return target;
  }

  /** When: the wave number, 0 first. */
  public int wave() {
    return wave;
  }

  /** What to do. */
  public Action action() {
    return action;
  }

  /** The object's key. */
  public ResourceKey key() {
    return key;
  }

  /** A fresh fabric8 copy of the object. */
  public GenericKubernetesResource object() {
    return Json.toResource(tree);
  }

  /** A fresh JSON copy of the object (keys sorted). */
  public ObjectNode body() {
    return tree.deepCopy();
  }

  /**
   * The object's {@code metadata.labels}, sorted by key (read from the tree, without converting the
   * object).
   *
   * @return the labels (empty when it has none)
   */
  public java.util.Map<String, String> labels() {
    var out = new java.util.TreeMap<String, String>();
    tree.path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The object as compact JSON with sorted keys (its canonical form), written on each call. */
  public String json() {
    return Json.write(tree);
  }

  /** The size of {@link #json()} in UTF-8 bytes, counted without building the text. */
  public int sizeBytes() {
    return Json.utf8Size(tree);
  }

  /** The object's tree, shared: for this package's plan hash only, never to be modified. */
  ObjectNode tree() {
    return tree;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Delivery d
        && wave == d.wave
        && action == d.action
        && target.equals(d.target)
        && tree.equals(d.tree);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, wave, action, tree);
  }

  @Override
  public String toString() {
    return target.display() + " wave " + wave + " " + action + " " + key.display();
  }
}
