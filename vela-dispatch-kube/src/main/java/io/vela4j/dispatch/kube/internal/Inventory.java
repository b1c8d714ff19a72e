package io.vela4j.dispatch.kube.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vela4j.dispatch.kube.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The ApplySet (KEP-3659) inventory of one target: a parent Secret labelled {@code
 * applyset.kubernetes.io/id}, members labelled {@code applyset.kubernetes.io/part-of=<id>}. The
 * parent's annotations {@code applyset.kubernetes.io/contains-group-kinds} and {@code
 * .../additional-namespaces} follow the convention (so kubectl can read it); in addition the exact
 * member list is kept in {@code data.members} (one {@code apiVersion/kind/namespace/name} per line)
 * so prune knows versions and names without discovery.
 */
public final class Inventory {
  /** Label on the parent: the ApplySet id. */
  public static final String ID_LABEL = "applyset.kubernetes.io/id";

  /** Label on each member: the id of the ApplySet it belongs to. */
  public static final String PART_OF_LABEL = "applyset.kubernetes.io/part-of";

  /** Parent annotation: the group-kinds of the members. */
  public static final String GROUP_KINDS = "applyset.kubernetes.io/contains-group-kinds";

  /** Parent annotation: namespaces of members other than the parent's own. */
  public static final String ADDITIONAL_NAMESPACES = "applyset.kubernetes.io/additional-namespaces";

  /** Parent data key with the exact member list. */
  public static final String MEMBERS_KEY = "members";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Inventory() {}

  /** Whether {@code object} is an ApplySet parent Secret. */
  public static boolean isParent(GenericKubernetesResource object) {
    return "v1".equals(object.getApiVersion())
        && "Secret".equals(object.getKind())
        && labels(object).containsKey(ID_LABEL);
  }

  /** The id of a parent. */
  public static String id(GenericKubernetesResource parent) {
    return labels(parent).get(ID_LABEL);
  }

  /** Whether {@code object} is labelled as a member of ApplySet {@code id}. */
  public static boolean isMember(GenericKubernetesResource object, String id) {
    return id.equals(labels(object).get(PART_OF_LABEL));
  }

  /** The members recorded in a live parent; empty when it has none or is unreadable. */
  public static List<ObjectRef> members(@Nullable GenericKubernetesResource parent) {
    if (parent == null) {
      return List.of();
    }
    var data = parent.getAdditionalProperties().get("data");
    if (!(data instanceof Map<?, ?> map) || !(map.get(MEMBERS_KEY) instanceof String encoded)) {
      return List.of();
    }
    String text;
    try {
      text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    var out = new ArrayList<ObjectRef>();
    for (var line : text.split("\n")) {
      var parts = line.split("/", -1);
      // apiVersion may contain one '/', so a line has 4 or 5 parts
      if (parts.length == 5) {
        out.add(ref(parts[0] + "/" + parts[1], parts[2], parts[3], parts[4]));
      } else if (parts.length == 4) {
        out.add(ref(parts[0], parts[1], parts[2], parts[3]));
      }
    }
    return List.copyOf(out);
  }

  private static ObjectRef ref(String apiVersion, String kind, String ns, String name) {
    return new ObjectRef(apiVersion, kind, ns.isEmpty() ? null : ns, name);
  }

  /**
   * A copy of the planned parent carrying {@code members}: group-kinds, additional namespaces and
   * the member list.
   */
  public static GenericKubernetesResource withMembers(
      GenericKubernetesResource plannedParent, Collection<ObjectRef> members) {
    var copy = copy(plannedParent);
    var sorted = new TreeSet<>(members);
    Set<String> groupKinds = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    var parentNs = copy.getMetadata().getNamespace();
    var lines = new StringBuilder();
    for (var m : sorted) {
      groupKinds.add(m.groupKind());
      if (m.namespace() != null && !m.namespace().equals(parentNs)) {
        namespaces.add(m.namespace());
      }
      lines.append(m).append('\n');
    }
    var annotations = new LinkedHashMap<String, String>();
    if (copy.getMetadata().getAnnotations() != null) {
      annotations.putAll(copy.getMetadata().getAnnotations());
    }
    annotations.put(GROUP_KINDS, String.join(",", groupKinds));
    if (namespaces.isEmpty()) {
      annotations.remove(ADDITIONAL_NAMESPACES);
    } else {
      annotations.put(ADDITIONAL_NAMESPACES, String.join(",", namespaces));
    }
    copy.getMetadata().setAnnotations(annotations);
    var data = new LinkedHashMap<String, Object>();
    if (copy.getAdditionalProperties().get("data") instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> data.put(String.valueOf(k), v));
    }
    data.put(
        MEMBERS_KEY,
        Base64.getEncoder().encodeToString(lines.toString().getBytes(StandardCharsets.UTF_8)));
    copy.setAdditionalProperty("data", data);
    return copy;
  }

  /** A copy of {@code object} labelled as a member of ApplySet {@code id}. */
  public static GenericKubernetesResource labelled(GenericKubernetesResource object, String id) {
    if (isMember(object, id)) {
      return object;
    }
    var copy = copy(object);
    var labels = new LinkedHashMap<String, String>();
    if (copy.getMetadata().getLabels() != null) {
      labels.putAll(copy.getMetadata().getLabels());
    }
    labels.put(PART_OF_LABEL, id);
    copy.getMetadata().setLabels(labels);
    return copy;
  }

  /** A deep copy (objects from the plan are never mutated). */
  public static GenericKubernetesResource copy(GenericKubernetesResource object) {
    return SERIALIZATION.clone(object);
  }

  private static Map<String, String> labels(GenericKubernetesResource object) {
    var meta = object.getMetadata();
    return meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
  }
}
