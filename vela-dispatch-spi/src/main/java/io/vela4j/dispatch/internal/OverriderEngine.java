package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vela4j.dispatch.Overrider;
import io.vela4j.dispatch.Overrider.Annotations;
import io.vela4j.dispatch.Overrider.ContainerArgs;
import io.vela4j.dispatch.Overrider.ContainerCommand;
import io.vela4j.dispatch.Overrider.Image;
import io.vela4j.dispatch.Overrider.JsonPatch;
import io.vela4j.dispatch.Overrider.Labels;
import io.vela4j.dispatch.Overrider.ListOperator;
import io.vela4j.dispatch.Overrider.Operator;
import io.vela4j.dispatch.Overrider.PatchOp;
import io.vela4j.dispatch.Overrider.Replicas;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.dispatch.internal.JsonPatcher.PatchException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one {@link Overrider} to one object with Karmada's overrider semantics ({@code
 * pkg/util/overridemanager}: image, command/args, labels/annotations, plaintext). Stateless.
 */
public final class OverriderEngine {

  /** Kinds whose images Karmada's image overrider finds without a predicate. */
  public static final Set<String> IMAGE_KINDS =
      Set.of("Pod", "ReplicaSet", "Deployment", "DaemonSet", "StatefulSet", "Job");

  /** Kinds whose container command/args Karmada's command and args overriders change. */
  public static final Set<String> COMMAND_KINDS =
      Set.of("Pod", "ReplicaSet", "Deployment", "DaemonSet", "StatefulSet");

  /** Kinds whose {@code spec.replicas} a placement's per-cluster replicas set. */
  public static final Set<String> SCALABLE =
      Set.of("apps/Deployment", "apps/StatefulSet", "apps/ReplicaSet");

  private OverriderEngine() {}

  /** Whether {@code key} is a Deployment, StatefulSet or ReplicaSet of group {@code apps}. */
  public static boolean scalable(ResourceKey key) {
    return SCALABLE.contains(key.group() + "/" + key.kind());
  }

  /**
   * Applies an override to an object if its target selects the object.
   *
   * @param o the override
   * @param key the object's key
   * @param obj the object, changed in place
   * @return whether the override had an effect on the object (for {@code OVERRIDER_NO_MATCH})
   * @throws PatchException when Karmada would fail too (bad image, missing patch path)
   */
  public static boolean apply(Overrider o, ResourceKey key, ObjectNode obj) throws PatchException {
    return apply(o, key, CopyOnWrite.owning(obj));
  }

  /**
   * Applies one overrider to a copy-on-write tree: only the containers on the way to what changes
   * are copied, the rest stays shared with the template.
   *
   * @param o the overrider
   * @param key the object's key
   * @param tree the object
   * @return whether the overrider applies to the object
   * @throws PatchException when it cannot be applied
   */
  public static boolean apply(Overrider o, ResourceKey key, CopyOnWrite tree)
      throws PatchException {
    ObjectNode obj = tree.root();
    if (!o.target().matches(key)) {
      return false;
    }
    if (o instanceof Image im) {
      return image(im, key, tree);
    } else if (o instanceof ContainerCommand c) {
      return commandArgs("command", c.container(), c.operator(), c.values(), key, tree);
    } else if (o instanceof ContainerArgs c) {
      return commandArgs("args", c.container(), c.operator(), c.values(), key, tree);
    } else if (o instanceof Labels l) {
      tree.own("/metadata/labels");
      labelsOrAnnotations("labels", l.operator(), l.values(), obj);
      return true;
    } else if (o instanceof Annotations a) {
      tree.own("/metadata/annotations");
      labelsOrAnnotations("annotations", a.operator(), a.values(), obj);
      return true;
    } else if (o instanceof JsonPatch p) {
      for (PatchOp op : p.ops()) {
        tree.own(CopyOnWrite.parent(op.path()));
        applyOp(op, obj);
      }
      return true;
    } else if (o instanceof Replicas r) {
      tree.own("/spec");
      JsonPatcher.add(obj, "/spec/replicas", Json.NODES.numberNode(r.replicas()));
      return true;
    }
    throw new IllegalStateException("unknown override " + o);
  }

  /** Applies one plaintext operation. */
  public static void applyOp(PatchOp op, JsonNode obj) throws PatchException {
    switch (op.op()) {
      case ADD -> JsonPatcher.add(obj, op.path(), nonNull(op.value()));
      case REPLACE -> JsonPatcher.replace(obj, op.path(), nonNull(op.value()));
      case REMOVE -> JsonPatcher.remove(obj, op.path());
      default -> throw new IllegalStateException(op.op().name());
    }
  }

  private static JsonNode nonNull(@org.jspecify.annotations.Nullable JsonNode v) {
    return v == null ? Json.NODES.nullNode() : v;
  }

  /** The JSON pointer of the containers list for a kind, or null. */
  static String containersPath(String kind, Set<String> kinds) {
    if (!kinds.contains(kind)) {
      return null;
    }
    return kind.equals("Pod") ? "/spec/containers" : "/spec/template/spec/containers";
  }

  private static boolean image(Image im, ResourceKey key, CopyOnWrite tree) throws PatchException {
    ObjectNode obj = tree.root();
    String path = containersPath(key.kind(), IMAGE_KINDS);
    if (path == null) {
      return false;
    }
    JsonNode containers = obj.at(path);
    if (!containers.isArray()) {
      return true;
    }
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      String cur = c.path("image").asText("");
      ImageRef ref = ImageRef.parse(cur);
      if (ref == null) {
        throw new PatchException(
            "cannot parse the image '" + cur + "' of " + path + "/" + i + " to override it");
      }
      ImageRef next =
          switch (im.component()) {
            case REGISTRY ->
                switch (im.operator()) {
                  case ADD -> ref.withHostname(ref.hostname() + im.value());
                  case REPLACE -> ref.withHostname(im.value());
                  case REMOVE -> ref.withHostname("");
                };
            case REPOSITORY ->
                switch (im.operator()) {
                  case ADD -> ref.withRepository(ref.repository() + im.value());
                  case REPLACE -> ref.withRepository(im.value());
                  case REMOVE -> ref.withRepository("");
                };
            case TAG ->
                switch (im.operator()) {
                  case ADD -> ref.withTagOrDigest(ref.tagOrDigest() + im.value());
                  case REPLACE -> ref.withTagOrDigest(im.value());
                  case REMOVE -> ref.withoutTagOrDigest();
                };
          };
      tree.own(path + "/" + i);
      JsonPatcher.replace(obj, path + "/" + i + "/image", TextNode.valueOf(next.toString()));
    }
    return true;
  }

  private static boolean commandArgs(
      String field,
      String container,
      ListOperator op,
      List<String> values,
      ResourceKey key,
      CopyOnWrite tree)
      throws PatchException {
    ObjectNode obj = tree.root();
    String path = containersPath(key.kind(), COMMAND_KINDS);
    if (path == null) {
      return false;
    }
    JsonNode containers = obj.at(path);
    if (!containers.isArray()) {
      return false;
    }
    boolean found = false;
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      if (!container.equals(c.path("name").asText(null))) {
        continue;
      }
      found = true;
      List<String> cur = new ArrayList<>();
      JsonNode existing = c.get(field);
      if (existing != null && !existing.isNull()) {
        for (JsonNode v : existing) {
          cur.add(v.asText());
        }
      }
      List<String> next;
      if (op == ListOperator.ADD) {
        next = new ArrayList<>(cur);
        next.addAll(values);
      } else {
        Set<String> drop = new HashSet<>(values);
        next = cur.stream().filter(v -> !drop.contains(v)).toList();
      }
      ArrayNode arr = Json.NODES.arrayNode();
      next.forEach(arr::add);
      tree.own(path + "/" + i);
      JsonPatcher.add(obj, path + "/" + i + "/" + field, arr);
    }
    return found;
  }

  private static void labelsOrAnnotations(
      String field, Operator op, Map<String, String> values, ObjectNode obj) throws PatchException {
    JsonNode meta = obj.get("metadata");
    if (!(meta instanceof ObjectNode m)) {
      throw new PatchException("the object has no metadata");
    }
    JsonNode existing = m.get(field);
    for (var e : values.entrySet()) {
      switch (op) {
        case ADD -> {
          if (!(m.get(field) instanceof ObjectNode)) {
            m.putObject(field);
          }
          ((ObjectNode) m.get(field)).put(e.getKey(), e.getValue());
        }
        case REPLACE -> {
          if (existing instanceof ObjectNode x && x.has(e.getKey())) {
            x.put(e.getKey(), e.getValue());
          }
        }
        case REMOVE -> {
          if (existing instanceof ObjectNode x) {
            x.remove(e.getKey());
          }
        }
        default -> throw new IllegalStateException(op.name());
      }
    }
  }
}
