package io.vela4j.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.model.Diagnostic;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the clusters hold, as a run sees it: objects per target (the hub and managed clusters) and
 * the time they were observed. Reads, {@code #ConditionalWait} conditions and health checks of an
 * offline run are answered from it (and from what earlier steps applied). Immutable; objects are
 * copied in and out; targets and objects iterate in a stable order.
 *
 * <p>As JSON or YAML ({@link #of(JsonNode)}, {@link #toJson()}):
 *
 * <pre>
 * time: "2026-01-02T10:00:00Z"       # optional: when it was observed (moves the run's clock)
 * clusters:
 *   local: [ {apiVersion: v1, kind: ConfigMap, metadata: {...}, ...} ]   # the hub ("" too)
 *   dev2:  [ ... ]
 * </pre>
 */
public final class ClusterState {
  private static final ClusterState EMPTY = new ClusterState(new TreeMap<>(), null);

  /** The name of the hub in cluster fields: KubeVela's {@code local}. */
  public static final String HUB = "local";

  private final Map<DeliveryTarget, Map<ResourceKey, ObjectNode>> objects;
  private final @Nullable Instant time;

  private ClusterState(
      TreeMap<DeliveryTarget, Map<ResourceKey, ObjectNode>> objects, @Nullable Instant time) {
    this.objects = Collections.unmodifiableMap(objects);
    this.time = time;
  }

  /**
   * A state with no objects and no time.
   *
   * @return the empty state
   */
  public static ClusterState empty() {
    return EMPTY;
  }

  /**
   * The target a cluster field names: {@code ""} and {@value #HUB} are the hub.
   *
   * @param cluster the cluster name
   * @return the target
   */
  public static DeliveryTarget target(@Nullable String cluster) {
    return cluster == null || cluster.isEmpty() || cluster.equals(HUB)
        ? DeliveryTarget.CONTROL_PLANE
        : DeliveryTarget.cluster(cluster);
  }

  /**
   * The cluster name of a target: {@value #HUB} for the hub.
   *
   * @param target the target
   * @return the name
   */
  public static String clusterName(DeliveryTarget target) {
    return target instanceof DeliveryTarget.Cluster c ? c.name() : HUB;
  }

  /**
   * The identity of an object.
   *
   * @param object an object with apiVersion, kind and metadata.name
   * @return its key
   * @throws IllegalArgumentException when one of them is missing
   */
  public static ResourceKey keyOf(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    String name = object.path("metadata").path("name").asText("");
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException(
          "an object needs apiVersion, kind and metadata.name (found "
              + (kind.isEmpty() ? "no kind" : kind)
              + (name.isEmpty() ? " without a name" : " " + name)
              + ")");
    }
    String ns = object.path("metadata").path("namespace").asText("");
    return ResourceKey.of(apiVersion, kind, ns.isEmpty() ? null : ns, name);
  }

  /**
   * Reads a state from its JSON form (see the class comment).
   *
   * @param tree the tree
   * @return the state
   * @throws WorkflowException ({@code INVALID_STATE}) when the tree is not of that form
   */
  public static ClusterState of(JsonNode tree) {
    var problems = new ArrayList<Diagnostic>();
    Instant at = null;
    if (!tree.isObject()) {
      throw invalid("a cluster state is an object with clusters: {<name>: [objects]}", "");
    }
    JsonNode t = tree.path("time");
    if (!t.isMissingNode() && !t.isNull()) {
      try {
        at = Instant.parse(t.asText());
      } catch (DateTimeParseException e) {
        throw invalid("time must be an RFC 3339 time such as 2026-01-02T10:00:00Z", "time");
      }
    }
    var out = new TreeMap<DeliveryTarget, Map<ResourceKey, ObjectNode>>();
    JsonNode clusters = tree.path("clusters");
    for (Iterator<Map.Entry<String, JsonNode>> it = clusters.fields(); it.hasNext(); ) {
      var e = it.next();
      DeliveryTarget target = target(e.getKey());
      JsonNode list = e.getValue();
      if (!list.isArray()) {
        throw invalid("the objects of a cluster are a list", "clusters." + e.getKey());
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode o = list.get(i);
        String path = "clusters." + e.getKey() + "[" + i + "]";
        if (!(o instanceof ObjectNode on)) {
          problems.add(
              Diagnostic.error(WorkflowException.INVALID_STATE, "an object is expected", path));
          continue;
        }
        try {
          out.computeIfAbsent(target, k -> new TreeMap<>()).put(keyOf(on), on.deepCopy());
        } catch (IllegalArgumentException ex) {
          problems.add(Diagnostic.error(WorkflowException.INVALID_STATE, ex.getMessage(), path));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new WorkflowException(problems);
    }
    return new ClusterState(out, at);
  }

  private static WorkflowException invalid(String message, String path) {
    return new WorkflowException(
        Diagnostic.error(WorkflowException.INVALID_STATE, message, path.isEmpty() ? null : path));
  }

  /**
   * When the state was observed, or {@code null}.
   *
   * @return the time
   */
  public @Nullable Instant time() {
    return time;
  }

  /**
   * The targets that hold objects, hub first.
   *
   * @return the targets
   */
  public List<DeliveryTarget> targets() {
    return List.copyOf(objects.keySet());
  }

  /**
   * The objects of one target, in key order.
   *
   * @param target the target
   * @return copies of the objects
   */
  public List<ObjectNode> objects(DeliveryTarget target) {
    return objects.getOrDefault(target, Map.of()).values().stream()
        .map(ObjectNode::deepCopy)
        .toList();
  }

  /**
   * One object.
   *
   * @param target the target
   * @param key its identity
   * @return a copy, or empty
   */
  public Optional<ObjectNode> get(DeliveryTarget target, ResourceKey key) {
    ObjectNode o = objects.getOrDefault(target, Map.of()).get(key);
    return o == null ? Optional.empty() : Optional.of(o.deepCopy());
  }

  /**
   * The objects of one kind carrying all the given labels.
   *
   * @param target the target
   * @param apiVersion the apiVersion
   * @param kind the kind
   * @param namespace the namespace, or {@code null} or {@code ""} for every namespace
   * @param labels the labels they must carry
   * @return copies, in key order
   */
  public List<ObjectNode> list(
      DeliveryTarget target,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels) {
    var out = new ArrayList<ObjectNode>();
    for (var e : objects.getOrDefault(target, Map.of()).entrySet()) {
      if (matches(e.getKey(), e.getValue(), apiVersion, kind, namespace, labels)) {
        out.add(e.getValue().deepCopy());
      }
    }
    return out;
  }

  static boolean matches(
      ResourceKey key,
      JsonNode object,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels) {
    if (!key.kind().equals(kind) || !key.apiVersion().equals(apiVersion)) {
      return false;
    }
    if (namespace != null && !namespace.isEmpty() && !namespace.equals(key.namespace())) {
      return false;
    }
    JsonNode have = object.path("metadata").path("labels");
    for (var l : labels.entrySet()) {
      if (!l.getValue().equals(have.path(l.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A copy holding one more object (replacing one of the same identity).
   *
   * @param target the target
   * @param object the object
   * @return the copy
   */
  public ClusterState with(DeliveryTarget target, ObjectNode object) {
    var copy = copy();
    copy.computeIfAbsent(target, k -> new TreeMap<>()).put(keyOf(object), object.deepCopy());
    return new ClusterState(copy, time);
  }

  /**
   * A copy without one object.
   *
   * @param target the target
   * @param key its identity
   * @return the copy
   */
  public ClusterState without(DeliveryTarget target, ResourceKey key) {
    var copy = copy();
    var m = copy.get(target);
    if (m != null) {
      m.remove(key);
    }
    return new ClusterState(copy, time);
  }

  /**
   * A copy observed at another time.
   *
   * @param newTime the time, or {@code null}
   * @return the copy
   */
  public ClusterState withTime(@Nullable Instant newTime) {
    return new ClusterState(copy(), newTime);
  }

  private TreeMap<DeliveryTarget, Map<ResourceKey, ObjectNode>> copy() {
    var out = new TreeMap<DeliveryTarget, Map<ResourceKey, ObjectNode>>();
    objects.forEach((t, m) -> out.put(t, new TreeMap<>(m)));
    return out;
  }

  /**
   * The JSON form (see the class comment).
   *
   * @return a new tree
   */
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (time != null) {
      root.put("time", time.toString());
    }
    ObjectNode clusters = root.putObject("clusters");
    objects.forEach(
        (t, m) -> {
          ArrayNode a = clusters.putArray(clusterName(t));
          m.values().forEach(o -> a.add(o.deepCopy()));
        });
    return root;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ClusterState s
        && s.objects.equals(objects)
        && java.util.Objects.equals(s.time, time);
  }

  @Override
  public int hashCode() {
    return objects.hashCode() * 31 + java.util.Objects.hashCode(time);
  }

  @Override
  public String toString() {
    return "ClusterState" + objects.keySet() + (time == null ? "" : "@" + time);
  }
}
