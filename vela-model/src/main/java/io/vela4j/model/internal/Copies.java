package io.vela4j.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Defensive, unmodifiable copies that turn {@code null} into an empty collection. Not API. */
public final class Copies {
  private Copies() {}

  /** An unmodifiable copy of {@code list}, or an empty list when it is {@code null}. */
  public static <T> List<T> list(@Nullable List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable, order-preserving copy of {@code map}, or an empty map for {@code null}. */
  public static <K, V> Map<K, V> map(@Nullable Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
