package io.vela4j.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.internal.Json;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Kubernetes object to dispatch: its key and its normalized JSON body.
 *
 * <p>Normalized means: {@code status}, {@code metadata.resourceVersion}, {@code metadata.uid},
 * {@code metadata.managedFields}, {@code metadata.creationTimestamp}, {@code metadata.generation}
 * and {@code metadata.selfLink} are removed, object keys are sorted, and (with {@link #of(JsonNode,
 * ResourceScopes)}) the namespace is removed from cluster-scoped kinds. Immutable: the body is
 * copied in and {@link #body()} returns a copy.
 *
 * @param key the object's key (always consistent with the body)
 * @param body the normalized object
 */
public record Manifest(ResourceKey key, ObjectNode body) {

  private static final List<String> SERVER_FIELDS =
      List.of(
          "resourceVersion", "uid", "managedFields", "creationTimestamp", "generation", "selfLink");

  /** Copies the body and checks that it agrees with the key. */
  public Manifest {
    Objects.requireNonNull(key, "key");
    if (body instanceof io.vela4j.dispatch.internal.OwnedNode) {
      Json.sortInPlace(body);
    } else {
      body = (ObjectNode) Json.sorted(body);
    }
    ResourceKey fromBody = keyOf(body, "manifest");
    if (!fromBody.equals(key) || !fromBody.version().equals(key.version())) {
      throw new IllegalArgumentException(
          "key " + key.display() + " does not match the body (" + fromBody.display() + ")");
    }
  }

  /**
   * A normalized manifest from a JSON or YAML tree; keeps the namespace as given.
   *
   * @param object the Kubernetes object
   * @return the manifest
   * @throws DispatchException when {@code apiVersion}, {@code kind} or {@code metadata.name} is
   *     missing, or {@code metadata.generateName} is used
   */
  public static Manifest of(JsonNode object) {
    return of(object, null);
  }

  /**
   * A normalized manifest; the namespace is removed when {@code scopes} knows the kind as
   * cluster-scoped.
   *
   * @param object the Kubernetes object
   * @param scopes the kind table, or {@code null} to keep the namespace as given
   * @return the manifest
   * @throws DispatchException when {@code apiVersion}, {@code kind} or {@code metadata.name} is
   *     missing, or {@code metadata.generateName} is used
   */
  public static Manifest of(JsonNode object, @Nullable ResourceScopes scopes) {
    if (!(object instanceof ObjectNode)) {
      throw new DispatchException(
          Diagnostic.error("NOT_AN_OBJECT", "a manifest must be a mapping", null)
              .withFacts("a Kubernetes object", object.getNodeType().toString().toLowerCase()));
    }
    ObjectNode body = object.deepCopy();
    body.remove("status");
    JsonNode meta = body.get("metadata");
    if (meta instanceof ObjectNode m) {
      m.remove(SERVER_FIELDS);
      if (m.path("namespace").asText("").isEmpty()) {
        m.remove("namespace");
      }
    }
    ResourceKey key = keyOf(body, "manifest");
    if (scopes != null && key.namespace() != null) {
      var scope = scopes.find(key.group(), key.kind());
      if (scope.isPresent() && !scope.get().namespaced()) {
        ((ObjectNode) body.get("metadata")).remove("namespace");
        key = key.withNamespace(null);
      }
    }
    return new Manifest(key, body);
  }

  /**
   * A normalized manifest from a fabric8 resource (the resource is not modified).
   *
   * @param resource the resource
   * @return the manifest
   */
  public static Manifest of(GenericKubernetesResource resource) {
    return of(Json.fromResource(resource));
  }

  /**
   * A manifest that takes ownership of {@code body} without copying it (sorted in place). Only for
   * bodies the caller built itself and never touches again.
   */
  static Manifest adopt(ResourceKey key, ObjectNode body) {
    return new Manifest(key, new io.vela4j.dispatch.internal.OwnedNode(body));
  }

  /**
   * The bodies of the CustomResourceDefinitions among {@code manifests} (copies), for {@link
   * ResourceScopes#withCrds}.
   *
   * @param manifests the manifests
   * @return the CRDs' bodies
   */
  public static java.util.List<JsonNode> crds(java.util.Collection<Manifest> manifests) {
    return manifests.stream()
        .filter(m -> m.key().kind().equals("CustomResourceDefinition"))
        .map(m -> (JsonNode) m.body)
        .toList();
  }

  /** A copy of the normalized body. */
  @java.lang.Override
  public ObjectNode body() {
    return body.deepCopy();
  }

  /** The body as compact JSON with sorted keys (the canonical form hashed by plans). */
  public String canonicalJson() {
    return Json.write(body);
  }

  /** Lower-case hex SHA-256 of {@link #canonicalJson()}. */
  public String sha256() {
    return Json.sha256(canonicalJson());
  }

  /** A new fabric8 resource with this manifest's content. */
  public GenericKubernetesResource toResource() {
    return Json.toResource(canonicalJson());
  }

  /**
   * The key of a Kubernetes object.
   *
   * @param object the object
   * @param where a description of the object for messages
   * @return the key
   * @throws DispatchException naming the missing field
   */
  static ResourceKey keyOf(JsonNode object, String where) {
    String apiVersion = Json.text(object, "apiVersion");
    String kind = Json.text(object, "kind");
    JsonNode meta = object.path("metadata");
    String name = Json.text(meta, "name");
    String namespace = Json.text(meta, "namespace");
    if (apiVersion == null || apiVersion.isEmpty()) {
      throw missing("apiVersion", where, kind, name);
    }
    if (kind == null || kind.isEmpty()) {
      throw missing("kind", where, kind, name);
    }
    if (name == null || name.isEmpty()) {
      if (meta.has("generateName")) {
        throw new DispatchException(
            Diagnostic.error(
                    "GENERATE_NAME",
                    kind
                        + " uses metadata.generateName; dispatched objects need a fixed"
                        + " metadata.name (OCM and server-side apply reject generateName)",
                    "metadata.generateName")
                .withFacts("metadata.name", "generateName: " + meta.path("generateName").asText()));
      }
      throw missing("metadata.name", where, kind, name);
    }
    int slash = apiVersion.indexOf('/');
    if (slash == 0 || slash == apiVersion.length() - 1) {
      throw new DispatchException(
          Diagnostic.error(
                  "BAD_API_VERSION", "malformed apiVersion of " + kind + " " + name, "apiVersion")
              .withFacts("group/version or version", apiVersion));
    }
    return ResourceKey.of(apiVersion, kind, namespace, name);
  }

  private static DispatchException missing(
      String field, String where, @Nullable String kind, @Nullable String name) {
    String what = (kind == null ? "object" : kind) + (name == null ? "" : " " + name);
    return new DispatchException(
        Diagnostic.error(
                field.equals("metadata.name") ? "MISSING_NAME" : "MISSING_FIELD",
                "a " + where + " (" + what + ") has no " + field,
                field)
            .withFacts("a non-empty " + field, "nothing"));
  }
}
