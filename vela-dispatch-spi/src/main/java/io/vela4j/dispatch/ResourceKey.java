package io.vela4j.dispatch;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a Kubernetes object: API group, version, kind, namespace and name.
 *
 * <p>Two keys are equal when group, kind, namespace and name are equal; the version is ignored,
 * because {@code apps/v1 Deployment x} and {@code apps/v1beta2 Deployment x} are the same object on
 * a server. Keys sort in canonical order: group, kind, namespace (cluster-scoped first), name,
 * version. Immutable and thread-safe.
 *
 * @param group the API group, {@code ""} for the core group
 * @param version the API version within the group, such as {@code v1}
 * @param kind the kind, such as {@code Deployment}
 * @param namespace the namespace, or {@code null} for cluster-scoped objects
 * @param name the object name
 */
public record ResourceKey(
    String group, String version, String kind, @Nullable String namespace, String name)
    implements Comparable<ResourceKey> {

  private static final Comparator<ResourceKey> ORDER =
      Comparator.comparing(ResourceKey::group)
          .thenComparing(ResourceKey::kind)
          .thenComparing(k -> k.namespace() == null ? "" : k.namespace())
          .thenComparing(ResourceKey::name);

  /** Validates the components; an empty namespace is stored as {@code null}. */
  public ResourceKey {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (version.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("version, kind and name must not be empty");
    }
    if (namespace != null && namespace.isEmpty()) {
      namespace = null;
    }
  }

  /**
   * A key from an {@code apiVersion} string such as {@code apps/v1} or {@code v1}.
   *
   * @param apiVersion {@code group/version} or {@code version} for the core group
   * @param kind the kind
   * @param namespace the namespace, or {@code null}
   * @param name the name
   * @return the key
   */
  public static ResourceKey of(
      String apiVersion, String kind, @Nullable String namespace, String name) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return new ResourceKey(group, version, kind, namespace, name);
  }

  /** The {@code apiVersion} string: {@code group/version}, or just the version for core. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Whether the key has no namespace (a cluster-scoped object). */
  public boolean clusterScoped() {
    return namespace == null;
  }

  /** The same key in another namespace ({@code null} for cluster-scoped). */
  public ResourceKey withNamespace(@Nullable String newNamespace) {
    return new ResourceKey(group, version, kind, newNamespace, name);
  }

  /**
   * The canonical string {@code group/kind/namespace/name} (empty parts kept), used for sorting,
   * hashing and messages; the version is not part of it.
   */
  public String canonical() {
    return group + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }

  /** A readable form such as {@code apps/v1 Deployment shop/web}. */
  public String display() {
    return apiVersion() + " " + kind + " " + (namespace == null ? name : namespace + "/" + name);
  }

  @Override
  public int compareTo(ResourceKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ResourceKey k
        && group.equals(k.group)
        && kind.equals(k.kind)
        && Objects.equals(namespace, k.namespace)
        && name.equals(k.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, kind, namespace, name);
  }

  @Override
  public String toString() {
    return display();
  }
}
