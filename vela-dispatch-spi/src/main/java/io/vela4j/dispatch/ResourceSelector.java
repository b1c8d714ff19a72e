package io.vela4j.dispatch;

import org.jspecify.annotations.Nullable;

/**
 * Selects the bundle objects an {@link Overrider} applies to. Every non-null component must match;
 * a selector with only nulls matches every object. Immutable.
 *
 * @param apiVersion the exact {@code apiVersion} (such as {@code apps/v1}), or {@code null} for any
 * @param kind the kind, or {@code null} for any
 * @param namespace the namespace, or {@code null} for any
 * @param name the object name, or {@code null} for any
 */
public record ResourceSelector(
    @Nullable String apiVersion,
    @Nullable String kind,
    @Nullable String namespace,
    @Nullable String name) {

  /** The selector that matches every object. */
  public static final ResourceSelector ALL = new ResourceSelector(null, null, null, null);

  /**
   * A selector for one kind and name in any namespace.
   *
   * @param kind the kind
   * @param name the name
   * @return the selector
   */
  public static ResourceSelector of(String kind, String name) {
    return new ResourceSelector(null, kind, null, name);
  }

  /**
   * Whether this selector matches the given key.
   *
   * @param key the object key
   * @return true when every set component equals the key's
   */
  public boolean matches(ResourceKey key) {
    return (apiVersion == null || apiVersion.equals(key.apiVersion()))
        && (kind == null || kind.equals(key.kind()))
        && (namespace == null || namespace.equals(key.namespace()))
        && (name == null || name.equals(key.name()));
  }

  /** Whether this selector matches every object. */
  public boolean matchesAll() {
    return apiVersion == null && kind == null && namespace == null && name == null;
  }
}
