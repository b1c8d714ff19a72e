package io.vela4j.dispatch;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A test-only model of what Karmada does with a plan: select templates with (Cluster)Propagation
 * Policies, divide replicas with Webster (karmada ≥ v1.16 {@code AllocateWebsterSeats}), and apply
 * (Cluster)OverridePolicies in Karmada's order (ClusterOverridePolicies, then OverridePolicies,
 * each by name; within a rule: image → command → args → labels → annotations → plaintext). Written
 * from Karmada's documented semantics, independently of the production override code.
 */
final class KarmadaInterpreter {
  private KarmadaInterpreter() {}

  /** The objects each cluster receives, keyed by cluster then canonical key. */
  static Map<String, Map<String, ObjectNode>> propagate(DispatchPlan plan) {
    List<ObjectNode> templates = new ArrayList<>();
    List<ObjectNode> pps = new ArrayList<>();
    List<ObjectNode> ops = new ArrayList<>();
    List<ObjectNode> cops = new ArrayList<>();
    for (Delivery d : plan.deliveries()) {
      if (d.action() != Delivery.Action.APPLY) {
        continue;
      }
      ObjectNode o = d.body();
      if (o.path("apiVersion").asText().equals("policy.karmada.io/v1alpha1")) {
        switch (o.path("kind").asText()) {
          case "PropagationPolicy", "ClusterPropagationPolicy" -> pps.add(o);
          case "OverridePolicy" -> ops.add(o);
          case "ClusterOverridePolicy" -> cops.add(o);
          default -> throw new AssertionError("unexpected " + o.path("kind"));
        }
      } else {
        templates.add(o);
      }
    }
    Comparator<ObjectNode> byName =
        Comparator.comparing(o -> o.path("metadata").path("name").asText());
    ops.sort(byName);
    cops.sort(byName);
    var out = new TreeMap<String, Map<String, ObjectNode>>();
    for (ObjectNode t : templates) {
      List<ObjectNode> claiming = pps.stream().filter(pp -> selects(pp, t)).toList();
      if (claiming.size() != 1) {
        throw new AssertionError(claiming.size() + " propagation policies claim " + id(t));
      }
      ObjectNode pp = claiming.get(0);
      JsonNode placement = pp.path("spec").path("placement");
      List<String> clusters = new ArrayList<>();
      placement.path("clusterAffinity").path("clusterNames").forEach(n -> clusters.add(n.asText()));
      Map<String, Integer> divided = null;
      JsonNode rs = placement.path("replicaScheduling");
      // Karmada: replicaScheduling nil means Duplicated; the CRD default type is Divided.
      boolean isDivided =
          !rs.isMissingNode()
              && rs.path("replicaSchedulingType").asText("Divided").equals("Divided");
      if (isDivided && replicaAware(t)) {
        var weights = new TreeMap<String, Integer>();
        for (String c : clusters) {
          int w = 0;
          for (JsonNode e : rs.path("weightPreference").path("staticWeightList")) {
            for (JsonNode n : e.path("targetCluster").path("clusterNames")) {
              if (n.asText().equals(c)) {
                w = Math.max(w, e.path("weight").asInt());
              }
            }
          }
          if (w > 0) {
            weights.put(c, w);
          }
        }
        if (weights.isEmpty()) {
          clusters.forEach(c -> weights.put(c, 1));
        }
        divided = webster(t.path("spec").path("replicas").asInt(), weights);
      }
      for (String c : clusters) {
        ObjectNode obj = t.deepCopy();
        if (divided != null) {
          int r = divided.getOrDefault(c, 0);
          if (r == 0) {
            continue; // removeZeroReplicasCluster
          }
          ((ObjectNode) obj.get("spec")).put("replicas", r);
        }
        List<ObjectNode> policies = new ArrayList<>();
        cops.stream().filter(p -> selects(p, t)).forEach(policies::add);
        ops.stream()
            .filter(p -> p.path("metadata").path("namespace").asText().equals(ns(t)))
            .filter(p -> selects(p, t))
            .forEach(policies::add);
        for (ObjectNode p : policies) {
          for (JsonNode rule : p.path("spec").path("overrideRules")) {
            JsonNode target = rule.get("targetCluster");
            boolean applies = target == null;
            if (target != null) {
              for (JsonNode n : target.path("clusterNames")) {
                applies |= n.asText().equals(c);
              }
            }
            if (applies) {
              overriders(rule.path("overriders"), obj);
            }
          }
        }
        out.computeIfAbsent(c, k -> new TreeMap<>()).put(id(obj), obj);
      }
    }
    return out;
  }

  /** Webster / Sainte-Laguë seat allocation, ties by fewer seats then name (empty UID). */
  static Map<String, Integer> webster(int seats, Map<String, Integer> weights) {
    var alloc = new LinkedHashMap<String, Integer>();
    weights.keySet().stream().sorted().forEach(k -> alloc.put(k, 0));
    for (int s = 0; s < seats; s++) {
      String best = null;
      for (String k : alloc.keySet()) {
        if (best == null) {
          best = k;
          continue;
        }
        double pk = weights.get(k) / (2.0 * alloc.get(k) + 1);
        double pb = weights.get(best) / (2.0 * alloc.get(best) + 1);
        if (pk > pb || (pk == pb && alloc.get(k) < alloc.get(best))) {
          best = k;
        }
      }
      alloc.merge(best, 1, Integer::sum);
    }
    return alloc;
  }

  private static boolean replicaAware(JsonNode t) {
    String gvk = t.path("apiVersion").asText() + "/" + t.path("kind").asText();
    return Set.of("apps/v1/Deployment", "apps/v1/StatefulSet", "batch/v1/Job", "v1/Pod")
        .contains(gvk);
  }

  private static String ns(JsonNode o) {
    return o.path("metadata").path("namespace").asText("");
  }

  static String id(JsonNode o) {
    return o.path("apiVersion").asText()
        + "/"
        + o.path("kind").asText()
        + "/"
        + ns(o)
        + "/"
        + o.path("metadata").path("name").asText();
  }

  private static boolean selects(JsonNode policy, JsonNode t) {
    for (JsonNode s : policy.path("spec").path("resourceSelectors")) {
      String sns = s.path("namespace").asText("");
      if (sns.isEmpty() && !policy.path("kind").asText().startsWith("Cluster")) {
        sns = ns(policy); // a namespaced policy's selectors inherit its namespace
      }
      if (s.path("apiVersion").asText().equals(t.path("apiVersion").asText())
          && s.path("kind").asText().equals(t.path("kind").asText())
          && (s.path("name").asText("").isEmpty()
              || s.path("name").asText().equals(t.path("metadata").path("name").asText()))
          && (sns.isEmpty() || sns.equals(ns(t)))) {
        return true;
      }
    }
    return false;
  }

  private static void overriders(JsonNode ov, ObjectNode obj) {
    for (JsonNode im : ov.path("imageOverrider")) {
      image(im, obj);
    }
    for (JsonNode c : ov.path("commandOverrider")) {
      commandArgs("command", c, obj);
    }
    for (JsonNode c : ov.path("argsOverrider")) {
      commandArgs("args", c, obj);
    }
    for (JsonNode l : ov.path("labelsOverrider")) {
      labelsAnnotations("labels", l, obj);
    }
    for (JsonNode l : ov.path("annotationsOverrider")) {
      labelsAnnotations("annotations", l, obj);
    }
    for (JsonNode p : ov.path("plaintext")) {
      patch(obj, p.path("operator").asText(), p.path("path").asText(), p.get("value"));
    }
  }

  private static String containers(String kind, boolean image) {
    if (kind.equals("Pod")) {
      return "/spec/containers";
    }
    Set<String> kinds =
        image
            ? Set.of("ReplicaSet", "Deployment", "DaemonSet", "StatefulSet", "Job")
            : Set.of("ReplicaSet", "Deployment", "DaemonSet", "StatefulSet");
    return kinds.contains(kind) ? "/spec/template/spec/containers" : null;
  }

  private static void image(JsonNode im, ObjectNode obj) {
    String path = containers(obj.path("kind").asText(), true);
    if (path == null || !obj.at(path).isArray()) {
      return;
    }
    ArrayNode cs = (ArrayNode) obj.at(path);
    for (JsonNode c : cs) {
      String image = c.path("image").asText();
      // hostname = before the first '/', tag after the last ':' of the last segment, digest after
      // '@'; a tag wins over a digest.
      String host = "";
      String rest = image;
      int slash = image.indexOf('/');
      if (slash >= 0) {
        host = image.substring(0, slash);
        rest = image.substring(slash + 1);
      }
      String digest = "";
      int at = rest.indexOf('@');
      if (at >= 0) {
        digest = rest.substring(at + 1);
        rest = rest.substring(0, at);
      }
      String tag = "";
      int colon = rest.lastIndexOf(':');
      if (colon >= 0) {
        tag = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
      if (!tag.isEmpty()) {
        digest = "";
      }
      String op = im.path("operator").asText();
      String value = im.path("value").asText("");
      switch (im.path("component").asText()) {
        case "Registry" ->
            host = op.equals("add") ? host + value : op.equals("replace") ? value : "";
        case "Repository" ->
            rest = op.equals("add") ? rest + value : op.equals("replace") ? value : "";
        case "Tag" -> {
          String cur = tag.isEmpty() ? digest : tag;
          if (op.equals("remove")) {
            if (!tag.isEmpty()) {
              tag = "";
            } else {
              digest = "";
            }
          } else {
            String v = op.equals("add") ? cur + value : value;
            if (v.contains(":")) {
              digest = v;
              tag = "";
            } else {
              tag = v;
              digest = "";
            }
          }
        }
        default -> throw new AssertionError(im);
      }
      String full = host.isEmpty() ? rest : host + "/" + rest;
      ((ObjectNode) c)
          .put(
              "image",
              !tag.isEmpty() ? full + ":" + tag : !digest.isEmpty() ? full + "@" + digest : full);
    }
  }

  private static void commandArgs(String field, JsonNode ov, ObjectNode obj) {
    String path = containers(obj.path("kind").asText(), false);
    if (path == null || !obj.at(path).isArray()) {
      return;
    }
    for (JsonNode c : obj.at(path)) {
      if (!c.path("name").asText().equals(ov.path("containerName").asText())) {
        continue;
      }
      List<String> cur = new ArrayList<>();
      c.path(field).forEach(v -> cur.add(v.asText()));
      List<String> vals = new ArrayList<>();
      ov.path("value").forEach(v -> vals.add(v.asText()));
      if (ov.path("operator").asText().equals("add")) {
        cur.addAll(vals);
      } else {
        cur.removeIf(vals::contains);
      }
      ArrayNode a = ((ObjectNode) c).putArray(field);
      cur.forEach(a::add);
    }
  }

  private static void labelsAnnotations(String field, JsonNode ov, ObjectNode obj) {
    ObjectNode meta = (ObjectNode) obj.get("metadata");
    String op = ov.path("operator").asText();
    ov.path("value")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode m = meta.get(field);
              if (op.equals("add")) {
                if (m == null) {
                  m = meta.putObject(field);
                }
                ((ObjectNode) m).set(e.getKey(), e.getValue());
              } else if (m != null && m.has(e.getKey())) {
                if (op.equals("replace")) {
                  ((ObjectNode) m).set(e.getKey(), e.getValue());
                } else {
                  ((ObjectNode) m).remove(e.getKey());
                }
              }
            });
  }

  /** RFC 6902 add/replace/remove via Jackson's JsonPointer. */
  private static void patch(ObjectNode root, String op, String path, JsonNode value) {
    JsonPointer ptr = JsonPointer.compile(path);
    JsonNode parent = root.at(ptr.head());
    String last = ptr.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      if (!op.equals("add") && !o.has(last)) {
        throw new AssertionError("missing " + path);
      }
      if (op.equals("remove")) {
        o.remove(last);
      } else {
        o.set(last, value);
      }
    } else if (parent instanceof ArrayNode a) {
      if (last.equals("-")) {
        a.add(value);
      } else {
        int i = Integer.parseInt(last);
        switch (op) {
          case "add" -> a.insert(i, value);
          case "replace" -> a.set(i, value);
          default -> a.remove(i);
        }
      }
    } else {
      throw new AssertionError("no parent for " + path);
    }
  }

  /** Helper for tests: desired state as the same map shape. */
  static Map<String, Map<String, ObjectNode>> desired(DesiredState state) {
    var out = new TreeMap<String, Map<String, ObjectNode>>();
    for (var e : state.perCluster().entrySet()) {
      var m = new TreeMap<String, ObjectNode>();
      for (Manifest x : e.getValue()) {
        m.put(id(x.body()), x.body());
      }
      out.put(e.getKey(), m);
    }
    return out;
  }
}
