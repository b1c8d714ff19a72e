package io.vela4j.dispatch.kube.internal;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vela4j.dispatch.kube.ApiServer;
import io.vela4j.dispatch.kube.ApiServerException;
import io.vela4j.dispatch.kube.ObjectRef;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@link ApiServer} over a fabric8 {@link KubernetesClient}. Kinds are resolved to plural resources
 * with API discovery ({@code GET /api/v1}, {@code GET /apis/<group>/<version>}); hits are cached
 * per instance, misses are asked again (a CRD applied in an earlier wave adds kinds). Requests go
 * through {@code genericKubernetesResources(context)} so no other discovery happens. fabric8's own
 * request retry should be disabled on the client ({@code requestRetryBackoffLimit=0}) so that
 * {@link RetryingApiServer} alone decides about retries.
 */
public final class Fabric8ApiServer implements ApiServer {
  private final KubernetesClient client;
  private final Map<String, ResourceDefinitionContext> contexts = new ConcurrentHashMap<>();

  /** An adapter over {@code client}; the caller keeps ownership of the client. */
  public Fabric8ApiServer(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public GenericKubernetesResource apply(
      GenericKubernetesResource object, String fieldManager, boolean force) {
    var ref = ObjectRef.of(object);
    return call(
        "apply " + ref,
        () -> {
          var applicable = resource(object).fieldManager(fieldManager);
          if (force) {
            applicable = applicable.forceConflicts();
          }
          return applicable.serverSideApply();
        });
  }

  @Override
  public Optional<GenericKubernetesResource> get(ObjectRef ref) {
    return Optional.ofNullable(call("get " + ref, () -> resource(ref).get()));
  }

  @Override
  public boolean delete(ObjectRef ref, boolean orphanDependents) {
    var deleted =
        call(
            "delete " + ref,
            () ->
                resource(ref)
                    .withPropagationPolicy(
                        orphanDependents
                            ? DeletionPropagation.ORPHAN
                            : DeletionPropagation.BACKGROUND)
                    .delete());
    return deleted != null && !deleted.isEmpty();
  }

  @Override
  public List<GenericKubernetesResource> list(
      String apiVersion, String kind, @Nullable String namespace, Map<String, String> labels) {
    var probe = new ObjectRef(apiVersion, kind, namespace, "list");
    return call(
        "list " + apiVersion + "/" + kind,
        () -> {
          var ctx = context(probe);
          var op = client.genericKubernetesResources(ctx);
          var listed =
              !ctx.isNamespaceScoped()
                  ? op.withLabels(labels).list()
                  : namespace == null
                      ? op.inAnyNamespace().withLabels(labels).list()
                      : op.inNamespace(namespace).withLabels(labels).list();
          return List.copyOf(listed.getItems());
        });
  }

  @Override
  public String describe() {
    return String.valueOf(client.getMasterUrl());
  }

  @Override
  public String toString() {
    return "Fabric8ApiServer[" + describe() + "]";
  }

  private Resource<GenericKubernetesResource> resource(ObjectRef ref) {
    var ctx = context(ref);
    MixedOperation<
            GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        op = client.genericKubernetesResources(ctx);
    if (ctx.isNamespaceScoped()) {
      if (ref.namespace() == null) {
        throw new ApiServerException(
            ApiServerException.Kind.PERMANENT,
            0,
            ref.kind() + " " + ref.name() + " is namespaced but has no metadata.namespace");
      }
      return op.inNamespace(ref.namespace()).withName(ref.name());
    }
    return op.withName(ref.name());
  }

  private Resource<GenericKubernetesResource> resource(GenericKubernetesResource object) {
    var ref = ObjectRef.of(object);
    var ctx = context(ref);
    var op = client.genericKubernetesResources(ctx);
    if (ctx.isNamespaceScoped()) {
      if (ref.namespace() == null) {
        throw new ApiServerException(
            ApiServerException.Kind.PERMANENT,
            0,
            ref.kind() + " " + ref.name() + " is namespaced but has no metadata.namespace");
      }
      return op.inNamespace(ref.namespace()).resource(object);
    }
    return op.resource(object);
  }

  private ResourceDefinitionContext context(ObjectRef ref) {
    var key = ref.apiVersion() + "|" + ref.kind();
    var cached = contexts.get(key);
    if (cached != null) {
      return cached;
    }
    var resources = client.getApiResources(ref.apiVersion());
    if (resources != null && resources.getResources() != null) {
      for (var r : resources.getResources()) {
        if (ref.kind().equals(r.getKind()) && r.getName() != null && !r.getName().contains("/")) {
          var ctx =
              new ResourceDefinitionContext.Builder()
                  .withGroup(ref.group())
                  .withVersion(ref.version())
                  .withKind(ref.kind())
                  .withPlural(r.getName())
                  .withNamespaced(Boolean.TRUE.equals(r.getNamespaced()))
                  .build();
          contexts.put(key, ctx);
          return ctx;
        }
      }
    }
    throw new ApiServerException(
        ApiServerException.Kind.NOT_FOUND,
        404,
        "the server "
            + describe()
            + " has no kind "
            + ref.kind()
            + " in "
            + ref.apiVersion()
            + " (is its CustomResourceDefinition installed and Established?)");
  }

  private interface Call<T> {
    T run();
  }

  private static <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (KubernetesClientException e) {
      throw translate(what, e);
    }
  }

  /** Maps a fabric8 exception to an {@link ApiServerException} with a classification. */
  static ApiServerException translate(String what, KubernetesClientException e) {
    int code = e.getCode();
    var status = e.getStatus();
    String serverMessage = status != null && status.getMessage() != null ? status.getMessage() : "";
    if (code <= 0) {
      var kind =
          isNetworkFailure(e)
              ? ApiServerException.Kind.TRANSIENT
              : ApiServerException.Kind.PERMANENT;
      return new ApiServerException(kind, 0, what + " failed: " + rootMessage(e), null, e);
    }
    Duration retryAfter = null;
    if (status != null
        && status.getDetails() != null
        && status.getDetails().getRetryAfterSeconds() != null
        && status.getDetails().getRetryAfterSeconds() > 0) {
      retryAfter = Duration.ofSeconds(status.getDetails().getRetryAfterSeconds());
    }
    return new ApiServerException(
        ApiServerException.classify(code),
        code,
        what + " failed: HTTP " + code + (serverMessage.isEmpty() ? "" : ": " + serverMessage),
        retryAfter,
        e);
  }

  private static boolean isNetworkFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
