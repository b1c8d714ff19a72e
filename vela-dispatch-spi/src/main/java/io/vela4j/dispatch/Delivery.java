package io.vela4j.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link DispatchPlan}: do {@link #action()} with {@link #object()} on {@link
 * #target()} in {@link #wave()}.
 *
 * <p>Waves run in ascending order per target; an executor finishes every delivery of a wave
 * (including its {@link Action#WAIT_ESTABLISHED} barriers) before starting the next wave of the
 * same target. Immutable and thread-safe: the object is stored as canonical JSON (sorted keys) and
 * {@link #object()} returns a fresh copy on every call.
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
  private final String json;

  private Delivery(DeliveryTarget target, int wave, Action action, ResourceKey key, String json) {
    this.target = Objects.requireNonNull(target, "target");
    this.action = Objects.requireNonNull(action, "action");
    if (wave < 0) {
      throw new IllegalArgumentException("wave must be >= 0, was " + wave);
    }
    this.wave = wave;
    this.key = key;
    this.json = json;
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
    return of(target, wave, action, Json.fromResource(object));
  }

  /**
   * A delivery of a JSON object (copied, with keys sorted).
   *
   * @param target where
   * @param wave when (0 first)
   * @param action what
   * @param object the object, with apiVersion, kind and metadata.name
   * @return the delivery
   */
  public static Delivery of(DeliveryTarget target, int wave, Action action, JsonNode object) {
    JsonNode sorted = Json.sorted(object);
    return new Delivery(
        target, wave, action, Manifest.keyOf(sorted, "delivery"), Json.write(sorted));
  }

  /**
   * A delivery of a manifest.
   *
   * @param target where
   * @param wave when (0 first)
   * @param action what
   * @param manifest the object
   * @return the delivery
   */
  public static Delivery of(DeliveryTarget target, int wave, Action action, Manifest manifest) {
    return new Delivery(target, wave, action, manifest.key(), manifest.canonicalJson());
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
    return Json.toResource(json);
  }

  /** A fresh JSON copy of the object (keys sorted). */
  public ObjectNode body() {
    return (ObjectNode) Json.read(json);
  }

  /** The object as compact JSON with sorted keys. */
  public String json() {
    return json;
  }

  /** The size of {@link #json()} in UTF-8 bytes. */
  public int sizeBytes() {
    return json.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Delivery d
        && wave == d.wave
        && action == d.action
        && target.equals(d.target)
        && json.equals(d.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, wave, action, json);
  }

  @Override
  public String toString() {
    return target.display() + " wave " + wave + " " + action + " " + key.display();
  }
}
