package io.vela4j.dispatch.kube.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads {@code status} fields and conditions of generic objects without throwing on bad shapes. */
public final class Conditions {
  private Conditions() {}

  /** Whether {@code status.conditions} holds {@code type} with {@code status: "True"}. */
  public static boolean isTrue(GenericKubernetesResource object, String type) {
    return condition(object, type).map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  /** The condition of the given type in {@code status.conditions}, if present. */
  public static Optional<Map<?, ?>> condition(GenericKubernetesResource object, String type) {
    return condition(object.getAdditionalProperties().get("status"), type);
  }

  /** The condition of the given type in {@code status.conditions} of a raw status map. */
  public static Optional<Map<?, ?>> condition(@Nullable Object status, String type) {
    var conditions = at(status, "conditions");
    if (!(conditions instanceof List<?> list)) {
      return Optional.empty();
    }
    for (var item : list) {
      if (item instanceof Map<?, ?> m && type.equals(m.get("type"))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The value at a path of map keys, or {@code null} when any step is missing or not a map. */
  public static @Nullable Object at(@Nullable Object root, String... path) {
    Object current = root;
    for (var key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  /** The value at a path, as a long, or {@code fallback} when absent or not a number. */
  public static long number(@Nullable Object root, long fallback, String... path) {
    var value = at(root, path);
    return value instanceof Number n ? n.longValue() : fallback;
  }

  /** The value at a path, as a string, or {@code null} when absent. */
  public static @Nullable String string(@Nullable Object root, String... path) {
    var value = at(root, path);
    return value == null ? null : String.valueOf(value);
  }
}
