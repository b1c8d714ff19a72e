package io.vela4j.dispatch.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.dispatch.Bundle;
import io.vela4j.dispatch.ClusterAssignment;
import io.vela4j.dispatch.ClusterTarget;
import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.Manifest;
import io.vela4j.dispatch.Override.Annotations;
import io.vela4j.dispatch.Override.ContainerArgs;
import io.vela4j.dispatch.Override.ContainerCommand;
import io.vela4j.dispatch.Override.Image;
import io.vela4j.dispatch.Override.ImageComponent;
import io.vela4j.dispatch.Override.JsonPatch;
import io.vela4j.dispatch.Override.Labels;
import io.vela4j.dispatch.Override.ListOperator;
import io.vela4j.dispatch.Override.Operator;
import io.vela4j.dispatch.Override.PatchOp;
import io.vela4j.dispatch.Override.Replicas;
import io.vela4j.dispatch.Placement;
import io.vela4j.dispatch.ResourceSelector;
import io.vela4j.dispatch.internal.LocatedYaml;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The placement file of {@code vela4j dispatch plan --placement}:
 *
 * <pre>{@code
 * bundle: shop              # required, DNS-1123 label
 * revision: "7"             # optional, default "1"
 * namespace: shop           # optional: namespace of objects without one, and of the inventory
 * clusters:                 # required, at least one
 * - name: eu-1
 *   labels: {region: eu}
 *   replicas: 3             # optional: spec.replicas of Deployments/StatefulSets/ReplicaSets
 *   overrides:              # optional, each with exactly one of:
 *   - image: {component: Tag|Registry|Repository, value: "1.2", operator: replace}
 *   - labels: {add: {tier: gold}, replace: {...}, remove: [key, ...]}
 *   - annotations: {add: {...}}
 *   - args: {container: web, add: [--x], remove: [--y]}
 *   - command: {container: web, add: [...]}
 *   - jsonPatch: [{op: replace, path: /spec/template/spec/priorityClassName, value: high}]
 *   - replicas: 2
 *     select: {apiVersion: apps/v1, kind: Deployment, namespace: shop, name: web}  # optional
 * policy:                   # optional
 *   fieldManager: vela4j
 *   conflict: Abort|Overwrite
 *   deletion: Delete|Orphan
 *   prune: true
 *   maxPayloadBytes: 512000
 *   updateStrategy: ServerSideApply|Update|CreateOnly|ReadOnly
 *   inventoryNamespace: vela-system
 *   feedback: [{kind: Deployment, name: ready, jsonPath: .readyReplicas}, {kind: Deployment}]
 * options: {karmada.priority: "200"}   # optional, planner-specific
 * }</pre>
 *
 * Enum values are matched case-insensitively. Unknown fields are errors. Every problem is reported
 * with file:line:column, field path, expected and found. Immutable.
 *
 * @param bundle the bundle id
 * @param revision the bundle revision
 * @param namespace the default namespace, or {@code null}
 * @param placement the clusters
 * @param policy the policy
 * @param options planner options
 */
public record PlacementFile(
    String bundle,
    String revision,
    @Nullable String namespace,
    Placement placement,
    DispatchPolicy policy,
    Map<String, String> options) {

  /** Copies the options. */
  public PlacementFile {
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /**
   * Parses a placement file.
   *
   * @param text the YAML text
   * @param source the file name used in diagnostics
   * @return the placement file
   * @throws DispatchException listing every problem with its position
   */
  public static PlacementFile parse(String text, String source) {
    List<LocatedYaml.Doc> docs = LocatedYaml.read(text, source);
    if (docs.size() != 1) {
      throw new DispatchException(
          Diagnostic.error(
                  "BAD_PLACEMENT", "a placement file holds exactly one YAML document", null)
              .withSource(source)
              .withFacts("1 document", docs.size() + " documents"));
    }
    return new Parser(docs.get(0)).parse();
  }

  /**
   * Builds the dispatch request for manifests read with {@link ManifestFiles#read}.
   *
   * @param manifests the objects
   * @param scopes the kind table
   * @return the request
   * @throws DispatchException when the bundle is invalid (duplicate objects, bad id)
   */
  public DispatchRequest request(List<Manifest> manifests, ResourceScopes scopes) {
    return new DispatchRequest(
        new Bundle(bundle, revision, manifests), placement, policy, scopes, options);
  }

  private static final class Parser {
    private final LocatedYaml.Doc doc;
    private final List<Diagnostic> errors = new ArrayList<>();

    Parser(LocatedYaml.Doc doc) {
      this.doc = doc;
    }

    PlacementFile parse() {
      JsonNode root = doc.root();
      if (root == null || !root.isObject()) {
        throw new DispatchException(
            doc.locate(
                Diagnostic.error("BAD_PLACEMENT", "the placement must be a mapping", "")
                    .withFacts(
                        "a mapping", root == null ? "nothing" : ManifestFiles.nodeType(root)),
                ""));
      }
      fields(root, "", Set.of("bundle", "revision", "namespace", "clusters", "policy", "options"));
      String bundle = string(root, "bundle", "", true);
      if (bundle != null && !Bundle.isDnsLabel(bundle)) {
        error(
            "BAD_BUNDLE_ID",
            "bundle",
            "the bundle name is not a DNS-1123 label",
            "lower-case alphanumerics and '-', at most 63 characters",
            bundle);
      }
      String revision = scalar(root, "revision", "");
      String namespace = string(root, "namespace", "", false);
      if (namespace != null && !Bundle.isDnsLabel(namespace)) {
        error(
            "BAD_NAMESPACE",
            "namespace",
            "not a valid namespace name",
            "a DNS-1123 label",
            namespace);
      }
      List<ClusterAssignment> clusters = clusters(root.get("clusters"));
      DispatchPolicy policy = policy(root.get("policy"), namespace);
      Map<String, String> options = new TreeMap<>();
      JsonNode opts = root.get("options");
      if (opts != null && !opts.isNull()) {
        if (!opts.isObject()) {
          typeError("options", "a mapping of strings", opts);
        } else {
          opts.fields()
              .forEachRemaining(
                  e -> {
                    if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                      options.put(e.getKey(), e.getValue().asText());
                    } else {
                      typeError("options." + e.getKey(), "a string", e.getValue());
                    }
                  });
        }
      }
      if (!errors.isEmpty()) {
        throw new DispatchException(errors);
      }
      try {
        return new PlacementFile(
            bundle,
            revision == null ? "1" : revision,
            namespace,
            new Placement(clusters),
            policy,
            options);
      } catch (IllegalArgumentException e) {
        throw new DispatchException(
            doc.locate(Diagnostic.error("BAD_PLACEMENT", e.getMessage(), "clusters"), "clusters"));
      }
    }

    private List<ClusterAssignment> clusters(@Nullable JsonNode node) {
      var out = new ArrayList<ClusterAssignment>();
      if (node == null || node.isNull()) {
        error(
            "MISSING_FIELD",
            "clusters",
            "the placement lists no clusters",
            "a list of clusters",
            "nothing");
        return out;
      }
      if (!node.isArray()) {
        typeError("clusters", "a list of clusters", node);
        return out;
      }
      var seen = new java.util.HashMap<String, Integer>();
      for (int i = 0; i < node.size(); i++) {
        String path = "clusters[" + i + "]";
        JsonNode c = node.get(i);
        if (!c.isObject()) {
          typeError(path, "a mapping with name, labels, replicas, overrides", c);
          continue;
        }
        fields(c, path, Set.of("name", "labels", "replicas", "overrides"));
        String name = string(c, "name", path, true);
        if (name == null) {
          continue;
        }
        if (!Bundle.isDnsLabel(name)) {
          error(
              "BAD_CLUSTER_NAME",
              path + ".name",
              "cluster name is not a DNS-1123 label",
              "lower-case alphanumerics and '-', at most 63 characters",
              name);
        }
        Integer first = seen.putIfAbsent(name, i);
        if (first != null) {
          error(
              "DUPLICATE_CLUSTER",
              path + ".name",
              "cluster " + name + " is listed twice (also clusters[" + first + "])",
              "each cluster once",
              name);
        }
        Map<String, String> labels = stringMap(c.get("labels"), path + ".labels");
        Integer replicas = integer(c, "replicas", path, 0);
        var overrides = new ArrayList<io.vela4j.dispatch.Override>();
        JsonNode ovs = c.get("overrides");
        if (ovs != null && !ovs.isNull()) {
          if (!ovs.isArray()) {
            typeError(path + ".overrides", "a list of overrides", ovs);
          } else {
            for (int j = 0; j < ovs.size(); j++) {
              overrides.addAll(override(ovs.get(j), path + ".overrides[" + j + "]"));
            }
          }
        }
        if (first == null) {
          out.add(new ClusterAssignment(new ClusterTarget(name, labels), replicas, overrides));
        }
      }
      return out;
    }

    private static final List<String> OVERRIDE_KINDS =
        List.of("image", "labels", "annotations", "args", "command", "jsonPatch", "replicas");

    private List<io.vela4j.dispatch.Override> override(JsonNode o, String path) {
      var out = new ArrayList<io.vela4j.dispatch.Override>();
      if (!o.isObject()) {
        typeError(path, "a mapping with one of " + OVERRIDE_KINDS, o);
        return out;
      }
      var allowed = new java.util.HashSet<>(OVERRIDE_KINDS);
      allowed.add("select");
      fields(o, path, allowed);
      List<String> kinds = new ArrayList<>();
      o.fieldNames()
          .forEachRemaining(
              n -> {
                if (OVERRIDE_KINDS.contains(n)) {
                  kinds.add(n);
                }
              });
      if (kinds.size() != 1) {
        error(
            "BAD_OVERRIDE",
            path,
            "an override has exactly one kind",
            "one of " + OVERRIDE_KINDS,
            kinds.isEmpty() ? "none" : String.join(", ", kinds));
        return out;
      }
      ResourceSelector target = selector(o.get("select"), path + ".select");
      String kind = kinds.get(0);
      String p = path + "." + kind;
      JsonNode v = o.get(kind);
      switch (kind) {
        case "image" -> {
          if (!v.isObject()) {
            typeError(p, "a mapping with component, value, operator", v);
            return out;
          }
          fields(v, p, Set.of("component", "value", "operator"));
          ImageComponent component =
              enumValue(v, "component", p, ImageComponent.class, null, "Registry|Repository|Tag");
          Operator op =
              enumValue(v, "operator", p, Operator.class, Operator.REPLACE, "add|remove|replace");
          String value = string(v, "value", p, false);
          if (op != Operator.REMOVE && (value == null || value.isEmpty())) {
            error(
                "MISSING_FIELD",
                p + ".value",
                "an image "
                    + (op == null ? "" : op.name().toLowerCase(Locale.ROOT))
                    + " needs a value (Karmada rejects an empty one)",
                "a non-empty string",
                "nothing");
          }
          if (component != null && op != null) {
            out.add(new Image(component, op, value == null ? "" : value, target));
          }
        }
        case "labels", "annotations" -> {
          if (!v.isObject()) {
            typeError(p, "a mapping with add, replace and/or remove", v);
            return out;
          }
          fields(v, p, Set.of("add", "replace", "remove"));
          for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String opName = it.next();
            if (!Set.of("add", "replace", "remove").contains(opName)) {
              continue;
            }
            Operator op = Operator.valueOf(opName.toUpperCase(Locale.ROOT));
            JsonNode vals = v.get(opName);
            Map<String, String> map;
            if (op == Operator.REMOVE && vals.isArray()) {
              map = new LinkedHashMap<>();
              for (int k = 0; k < vals.size(); k++) {
                if (!vals.get(k).isTextual()) {
                  typeError(p + ".remove[" + k + "]", "a key", vals.get(k));
                } else {
                  map.put(vals.get(k).asText(), "");
                }
              }
            } else {
              map = stringMap(vals, p + "." + opName);
            }
            out.add(
                kind.equals("labels")
                    ? new Labels(op, map, target)
                    : new Annotations(op, map, target));
          }
        }
        case "args", "command" -> {
          if (!v.isObject()) {
            typeError(p, "a mapping with container, add and/or remove", v);
            return out;
          }
          fields(v, p, Set.of("container", "add", "remove"));
          String container = string(v, "container", p, true);
          for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String opName = it.next();
            if (!opName.equals("add") && !opName.equals("remove")) {
              continue;
            }
            List<String> vals = stringList(v.get(opName), p + "." + opName);
            ListOperator op = ListOperator.valueOf(opName.toUpperCase(Locale.ROOT));
            if (container != null) {
              out.add(
                  kind.equals("args")
                      ? new ContainerArgs(container, op, vals, target)
                      : new ContainerCommand(container, op, vals, target));
            }
          }
        }
        case "jsonPatch" -> {
          if (!v.isArray()) {
            typeError(p, "a list of {op, path, value}", v);
            return out;
          }
          var ops = new ArrayList<PatchOp>();
          for (int k = 0; k < v.size(); k++) {
            String pp = p + "[" + k + "]";
            JsonNode e = v.get(k);
            if (!e.isObject()) {
              typeError(pp, "a mapping {op, path, value}", e);
              continue;
            }
            fields(e, pp, Set.of("op", "path", "value"));
            Operator op =
                enumValue(
                    e,
                    "op",
                    pp,
                    Operator.class,
                    null,
                    "add|remove|replace (the operations Karmada's plaintext overrider supports)");
            String ptr = string(e, "path", pp, true);
            if (ptr != null && !ptr.startsWith("/")) {
              error(
                  "BAD_POINTER",
                  pp + ".path",
                  "a JSON pointer starts with '/'",
                  "a JSON pointer such as /spec/replicas",
                  ptr);
              ptr = null;
            }
            JsonNode value = e.get("value");
            if (op != null && op != Operator.REMOVE && value == null) {
              error(
                  "MISSING_FIELD",
                  pp + ".value",
                  op.name().toLowerCase(Locale.ROOT) + " needs a value",
                  "a value",
                  "nothing");
              continue;
            }
            if (op == Operator.REMOVE && value != null) {
              error(
                  "UNEXPECTED_FIELD",
                  pp + ".value",
                  "remove takes no value",
                  "no value",
                  value.toString());
              continue;
            }
            if (op != null && ptr != null) {
              ops.add(
                  new PatchOp(
                      op,
                      ptr,
                      value == null
                          ? null
                          : value.isNull()
                              ? io.vela4j.dispatch.internal.Json.NODES.nullNode()
                              : value));
            }
          }
          out.add(new JsonPatch(ops, target));
        }
        case "replicas" -> {
          if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            typeError(p, "an integer >= 0", v);
          } else {
            out.add(new Replicas(v.asInt(), target));
          }
        }
        default -> throw new IllegalStateException(kind);
      }
      return out;
    }

    private ResourceSelector selector(@Nullable JsonNode s, String path) {
      if (s == null || s.isNull()) {
        return ResourceSelector.ALL;
      }
      if (!s.isObject()) {
        typeError(path, "a mapping with apiVersion, kind, namespace, name", s);
        return ResourceSelector.ALL;
      }
      fields(s, path, Set.of("apiVersion", "kind", "namespace", "name"));
      return new ResourceSelector(
          string(s, "apiVersion", path, false),
          string(s, "kind", path, false),
          string(s, "namespace", path, false),
          string(s, "name", path, false));
    }

    private DispatchPolicy policy(@Nullable JsonNode p, @Nullable String namespace) {
      var b = DispatchPolicy.builder().inventoryNamespace(namespace);
      if (p == null || p.isNull()) {
        return b.build();
      }
      if (!p.isObject()) {
        typeError("policy", "a mapping", p);
        return b.build();
      }
      String path = "policy";
      fields(
          p,
          path,
          Set.of(
              "fieldManager",
              "conflict",
              "deletion",
              "prune",
              "maxPayloadBytes",
              "updateStrategy",
              "inventoryNamespace",
              "feedback"));
      String fm = string(p, "fieldManager", path, false);
      if (fm != null) {
        if (fm.isEmpty()
            || fm.length() > 128
            || !fm.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e)) {
          error(
              "BAD_FIELD_MANAGER",
              path + ".fieldManager",
              "invalid field manager",
              "1 to 128 printable ASCII characters",
              fm);
        } else {
          b.fieldManager(fm);
        }
      }
      var conflict =
          enumValue(p, "conflict", path, DispatchPolicy.Conflict.class, null, "Abort|Overwrite");
      if (conflict != null) {
        b.conflict(conflict);
      }
      var deletion =
          enumValue(p, "deletion", path, DispatchPolicy.Deletion.class, null, "Delete|Orphan");
      if (deletion != null) {
        b.deletion(deletion);
      }
      JsonNode prune = p.get("prune");
      if (prune != null && !prune.isNull()) {
        if (!prune.isBoolean()) {
          typeError(path + ".prune", "true or false", prune);
        } else {
          b.prune(prune.asBoolean());
        }
      }
      Integer max = integer(p, "maxPayloadBytes", path, 1);
      if (max != null) {
        b.maxPayloadBytes(max);
      }
      JsonNode us = p.get("updateStrategy");
      if (us != null && !us.isNull()) {
        String s = us.isTextual() ? us.asText().toLowerCase(Locale.ROOT) : "";
        DispatchPolicy.UpdateStrategy v =
            switch (s) {
              case "serversideapply", "server_side_apply" ->
                  DispatchPolicy.UpdateStrategy.SERVER_SIDE_APPLY;
              case "update" -> DispatchPolicy.UpdateStrategy.UPDATE;
              case "createonly", "create_only" -> DispatchPolicy.UpdateStrategy.CREATE_ONLY;
              case "readonly", "read_only" -> DispatchPolicy.UpdateStrategy.READ_ONLY;
              default -> null;
            };
        if (v == null) {
          error(
              "BAD_VALUE",
              path + ".updateStrategy",
              "unknown update strategy",
              "ServerSideApply|Update|CreateOnly|ReadOnly",
              us.asText());
        } else {
          b.updateStrategy(v);
        }
      }
      String inv = string(p, "inventoryNamespace", path, false);
      if (inv != null) {
        if (!Bundle.isDnsLabel(inv)) {
          error(
              "BAD_NAMESPACE",
              path + ".inventoryNamespace",
              "not a valid namespace name",
              "a DNS-1123 label",
              inv);
        } else {
          b.inventoryNamespace(inv);
        }
      }
      JsonNode fb = p.get("feedback");
      if (fb != null && !fb.isNull()) {
        if (!fb.isArray()) {
          typeError(path + ".feedback", "a list of {kind, name, jsonPath}", fb);
        } else {
          for (int i = 0; i < fb.size(); i++) {
            String fp = path + ".feedback[" + i + "]";
            JsonNode r = fb.get(i);
            if (!r.isObject()) {
              typeError(fp, "a mapping {kind, name, jsonPath}", r);
              continue;
            }
            fields(r, fp, Set.of("kind", "name", "jsonPath"));
            String kind = string(r, "kind", fp, true);
            String name = string(r, "name", fp, false);
            String jp = string(r, "jsonPath", fp, false);
            if ((name == null) != (jp == null)) {
              error(
                  "BAD_FEEDBACK",
                  fp,
                  "a feedback rule needs both name and jsonPath, or neither"
                      + " (for OCM's WellKnownStatus)",
                  "name and jsonPath",
                  name == null ? "only jsonPath" : "only name");
              continue;
            }
            if (jp != null && !jp.startsWith(".")) {
              error(
                  "BAD_FEEDBACK",
                  fp + ".jsonPath",
                  "OCM feedback paths are relative to" + " .status and start with '.'",
                  "a path such as .readyReplicas",
                  jp);
              continue;
            }
            if (kind != null) {
              b.addFeedback(new DispatchPolicy.FeedbackRule(kind, name, jp));
            }
          }
        }
      }
      return b.build();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void fields(JsonNode node, String path, Set<String> allowed) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          String child = path.isEmpty() ? f : path + "." + f;
          error(
              "UNKNOWN_FIELD",
              child,
              "unknown field '" + f + "'",
              "one of " + new java.util.TreeSet<>(allowed),
              f);
        }
      }
    }

    private @Nullable String string(JsonNode node, String field, String path, boolean required) {
      String p = path.isEmpty() ? field : path + "." + field;
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          error("MISSING_FIELD", p, "missing " + field, "a string", "nothing");
        }
        return null;
      }
      if (!v.isTextual()) {
        typeError(p, "a string", v);
        return null;
      }
      return v.asText();
    }

    private @Nullable String scalar(JsonNode node, String field, String path) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isValueNode()) {
        typeError(path.isEmpty() ? field : path + "." + field, "a string", v);
        return null;
      }
      return v.asText();
    }

    private @Nullable Integer integer(JsonNode node, String field, String path, int min) {
      String p = path.isEmpty() ? field : path + "." + field;
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
        typeError(p, "an integer >= " + min, v);
        return null;
      }
      return v.asInt();
    }

    private <E extends Enum<E>> @Nullable E enumValue(
        JsonNode node,
        String field,
        String path,
        Class<E> type,
        @Nullable E dflt,
        String expected) {
      String p = path + "." + field;
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        if (dflt == null) {
          error("MISSING_FIELD", p, "missing " + field, expected, "nothing");
        }
        return dflt;
      }
      String s = v.isTextual() ? v.asText().toUpperCase(Locale.ROOT) : "";
      return Arrays.stream(type.getEnumConstants())
          .filter(e -> e.name().equals(s))
          .findFirst()
          .orElseGet(
              () -> {
                error(
                    "BAD_VALUE",
                    p,
                    "unknown " + field,
                    expected,
                    v.isTextual() ? v.asText() : v.toString());
                return null;
              });
    }

    private Map<String, String> stringMap(@Nullable JsonNode node, String path) {
      var out = new LinkedHashMap<String, String>();
      if (node == null || node.isNull()) {
        return out;
      }
      if (!node.isObject()) {
        typeError(path, "a mapping of strings", node);
        return out;
      }
      node.fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                  out.put(e.getKey(), v.asText());
                } else {
                  typeError(path + "." + e.getKey(), "a string (quote numbers and booleans)", v);
                }
              });
      return out;
    }

    private List<String> stringList(@Nullable JsonNode node, String path) {
      var out = new ArrayList<String>();
      if (node == null || !node.isArray()) {
        typeError(path, "a list of strings", node);
        return out;
      }
      for (int i = 0; i < node.size(); i++) {
        JsonNode v = node.get(i);
        if (v.isTextual()) {
          out.add(v.asText());
        } else {
          typeError(path + "[" + i + "]", "a string", v);
        }
      }
      return out;
    }

    private void typeError(String path, String expected, @Nullable JsonNode found) {
      String f =
          found == null || found.isNull()
              ? "nothing"
              : found.isValueNode()
                  ? ManifestFiles.nodeType(found) + " " + found.asText()
                  : ManifestFiles.nodeType(found);
      error("BAD_TYPE", path, "wrong type", expected, f);
    }

    private void error(String code, String path, String message, String expected, String found) {
      errors.add(
          doc.locate(Diagnostic.error(code, message, path).withFacts(expected, found), path));
    }
  }
}
