package io.vela4j.dispatch.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The port through which {@link KubeApplier} talks to one API server. The production implementation
 * uses the fabric8 kubernetes-client ({@link ApiServers#fabric8}); tests can provide their own.
 * Every method either succeeds or throws {@link ApiServerException}; implementations must be
 * thread-safe.
 */
public interface ApiServer {

  /**
   * Server-side applies {@code object} (HTTP PATCH, {@code application/apply-patch+yaml}) and
   * returns the object as stored.
   *
   * @param object the desired object: apiVersion, kind, name (and namespace for namespaced kinds)
   * @param fieldManager the field manager that owns the applied fields
   * @param force whether to take ownership of fields other managers own ({@code force=true})
   * @throws ApiServerException {@link ApiServerException.Kind#CONFLICT} for a field conflict
   *     without force, {@link ApiServerException.Kind#NOT_FOUND} for an unknown kind or namespace
   */
  GenericKubernetesResource apply(
      GenericKubernetesResource object, String fieldManager, boolean force);

  /** Reads an object; empty when it does not exist (404). */
  Optional<GenericKubernetesResource> get(ObjectRef ref);

  /**
   * Deletes an object.
   *
   * @param orphanDependents {@code true} for {@code propagationPolicy=Orphan}, otherwise {@code
   *     Background}
   * @return whether the object existed
   */
  boolean delete(ObjectRef ref, boolean orphanDependents);

  /**
   * Lists the objects of one kind carrying all the given labels.
   *
   * @param namespace the namespace to list in, or {@code null} for a cluster-scoped kind or for
   *     every namespace
   */
  List<GenericKubernetesResource> list(
      String apiVersion, String kind, @Nullable String namespace, Map<String, String> labels);

  /**
   * Whether the CustomResourceDefinition {@code name} exists and has the condition {@code
   * Established=True}.
   */
  default boolean crdEstablished(String name) {
    return get(new ObjectRef("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, name))
        .map(crd -> io.vela4j.dispatch.kube.internal.Conditions.isTrue(crd, "Established"))
        .orElse(false);
  }

  /** A short description of the server for messages, such as its URL. */
  default String describe() {
    return toString();
  }
}
