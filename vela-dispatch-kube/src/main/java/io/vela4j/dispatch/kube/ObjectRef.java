package io.vela4j.dispatch.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.dispatch.ResourceKey;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Identifies one object on an API server: {@code apiVersion}, {@code kind}, namespace (null for
 * cluster-scoped objects) and name. Unlike {@link ResourceKey} its equality includes the version,
 * because it is an address: the request path needs the version. Immutable.
 *
 * @param apiVersion {@code v1} or {@code group/version}
 * @param kind the kind, such as {@code Deployment}
 * @param namespace the namespace, or {@code null} for a cluster-scoped object
 * @param name the object name
 */
public record ObjectRef(String apiVersion, String kind, @Nullable String namespace, String name)
    implements Comparable<ObjectRef> {

  private static final Comparator<ObjectRef> ORDER =
      Comparator.comparing(ObjectRef::group)
          .thenComparing(ObjectRef::kind)
          .thenComparing(r -> r.namespace() == null ? "" : r.namespace())
          .thenComparing(ObjectRef::name)
          .thenComparing(ObjectRef::apiVersion);

  /** Validates the components; an empty namespace is stored as {@code null}. */
  public ObjectRef {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException(
          "apiVersion, kind and name must not be empty: " + apiVersion + "/" + kind + "/" + name);
    }
    if (namespace != null && namespace.isEmpty()) {
      namespace = null;
    }
  }

  /** The reference of a Kubernetes object; its {@code apiVersion}, kind and name must be set. */
  public static ObjectRef of(HasMetadata object) {
    var meta = object.getMetadata();
    if (object.getApiVersion() == null
        || object.getKind() == null
        || meta == null
        || meta.getName() == null) {
      throw new IllegalArgumentException(
          "object needs apiVersion, kind and metadata.name, found apiVersion="
              + object.getApiVersion()
              + " kind="
              + object.getKind()
              + " name="
              + (meta == null ? null : meta.getName()));
    }
    return new ObjectRef(
        object.getApiVersion(), object.getKind(), meta.getNamespace(), meta.getName());
  }

  /** The reference of an object identified by a plan's {@link ResourceKey}. */
  public static ObjectRef of(ResourceKey key) {
    return new ObjectRef(key.apiVersion(), key.kind(), key.namespace(), key.name());
  }

  /**
   * The {@link ResourceKey} of this object (whose equality, unlike this record's, ignores the
   * version).
   */
  public ResourceKey toKey() {
    return ResourceKey.of(apiVersion, kind, namespace, name);
  }

  /** The API group: empty for the core group ({@code v1}). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The version part of {@link #apiVersion()}. */
  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** {@code Kind.group}, or {@code Kind} for the core group (the ApplySet group-kind notation). */
  public String groupKind() {
    return group().isEmpty() ? kind : kind + "." + group();
  }

  /** Orders by group, kind, namespace, name, then apiVersion. */
  @Override
  public int compareTo(ObjectRef other) {
    return ORDER.compare(this, other);
  }

  /** {@code apiVersion/kind/namespace/name}, with an empty namespace for cluster-scoped objects. */
  @Override
  public String toString() {
    return apiVersion + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }
}
