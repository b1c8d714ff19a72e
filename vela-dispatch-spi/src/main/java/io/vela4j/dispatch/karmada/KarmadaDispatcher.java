package io.vela4j.dispatch.karmada;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.Capabilities;
import io.vela4j.dispatch.ClusterAssignment;
import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DesiredState;
import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.Dispatcher;
import io.vela4j.dispatch.Manifest;
import io.vela4j.dispatch.Override.Annotations;
import io.vela4j.dispatch.Override.ContainerArgs;
import io.vela4j.dispatch.Override.ContainerCommand;
import io.vela4j.dispatch.Override.Image;
import io.vela4j.dispatch.Override.JsonPatch;
import io.vela4j.dispatch.Override.Labels;
import io.vela4j.dispatch.Override.PatchOp;
import io.vela4j.dispatch.Override.Replicas;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.dispatch.ResourceSelector;
import io.vela4j.dispatch.Waves;
import io.vela4j.dispatch.internal.Json;
import io.vela4j.dispatch.internal.OverrideEngine;
import io.vela4j.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Plans delivery through Karmada (policy.karmada.io/v1alpha1): the bundle's objects as resource
 * templates for the Karmada API server, plus the policies that propagate and override them.
 *
 * <ul>
 *   <li>Templates are the bundle's objects without overrides. Replicas: when every cluster has
 *       replicas ≥ 1, {@code apps/v1} Deployment and StatefulSet templates get {@code spec.replicas
 *       = Σ} and a PropagationPolicy {@code <bundle>-replicas} with {@code Divided}/{@code
 *       Weighted} and one static weight per cluster equal to its replicas, which Karmada's Webster
 *       division reproduces exactly. Otherwise (some cluster has 0 or no replicas; and always for
 *       ReplicaSets and other versions, which Karmada's default interpreter does not divide), the
 *       per-cluster replicas are a plaintext {@code add /spec/replicas} rule in OverridePolicy
 *       {@code <bundle>-000}, which sorts before every other policy we generate.
 *   <li>Propagation: a PropagationPolicy {@code <bundle>} per namespace and a
 *       ClusterPropagationPolicy {@code <bundle>} for cluster-scoped objects (Namespaces, CRDs,
 *       ...), with name-based {@code resourceSelectors}, {@code clusterAffinity.clusterNames},
 *       {@code Duplicated}, {@code conflictResolution} ({@code Abort}/{@code Overwrite}), {@code
 *       preserveResourcesOnDeletion} for {@code ORPHAN}, {@code priority} (option {@code
 *       karmada.priority}, default 100) and {@code preemption: Always}.
 *   <li>Overrides: one OverridePolicy (ClusterOverridePolicy for cluster-scoped objects) per
 *       namespace and distinct override target, named {@code <bundle>-<nnn>} in the order {@link
 *       DesiredState#SELECTOR_ORDER} (Karmada applies equally specific policies by name), with one
 *       {@code overrideRules} entry per cluster ({@code targetCluster.clusterNames: [c]}) holding
 *       {@code imageOverrider}, {@code commandOverrider}, {@code argsOverrider}, {@code
 *       labelsOverrider}, {@code annotationsOverrider} and {@code plaintext}.
 *   <li>Waves (control plane): 0 = ClusterPropagationPolicy, ClusterOverridePolicies, foundation
 *       templates (Namespaces, CRDs), then a {@code WAIT_ESTABLISHED} barrier per CRD; 1 =
 *       namespaced PropagationPolicies and OverridePolicies; then the templates of wave w in
 *       delivery wave w + 1. Policies precede their templates, so no template is propagated without
 *       its overrides.
 * </ul>
 *
 * Note: Karmada itself also propagates every Namespace to every member cluster unless it is
 * labelled {@code namespace.karmada.io/skip-auto-propagation: "true"}. Stateless and thread-safe;
 * registered for {@link java.util.ServiceLoader} with id {@code karmada}.
 */
public final class KarmadaDispatcher implements Dispatcher {

  /** The id. */
  public static final String ID = "karmada";

  /** The API version of Karmada's policies. */
  public static final String POLICY_API = "policy.karmada.io/v1alpha1";

  /** Option: the {@code priority} of generated propagation policies (integer, default 100). */
  public static final String OPTION_PRIORITY = "karmada.priority";

  /** Creates the dispatcher. */
  public KarmadaDispatcher() {}

  @java.lang.Override
  public String id() {
    return ID;
  }

  @java.lang.Override
  public Capabilities capabilities() {
    return new Capabilities(
        Capabilities.OverrideSupport.NATIVE,
        true,
        false,
        true,
        Capabilities.GarbageCollection.NATIVE,
        0);
  }

  /** Whether Karmada's default interpreter divides this kind's replicas. */
  static boolean divisible(ResourceKey k) {
    return k.apiVersion().equals("apps/v1")
        && (k.kind().equals("Deployment") || k.kind().equals("StatefulSet"));
  }

  @java.lang.Override
  public DispatchPlan plan(DispatchRequest request) {
    // The shared step validates every cluster's overrides (Karmada would fail on the same ones);
    // the per-cluster objects themselves are produced by Karmada, so they are not kept.
    DesiredState.Calculator calculator = DesiredState.calculator(request);
    var warnings = new ArrayList<Diagnostic>(calculator.warnings());
    var errors = new ArrayList<Diagnostic>(calculator.errors());
    for (ClusterAssignment a : request.placement().clusters()) {
      DesiredState.ClusterObjects c = calculator.compute(a);
      warnings.addAll(c.warnings());
      errors.addAll(c.errors());
    }
    if (!errors.isEmpty()) {
      throw new DispatchException(errors);
    }
    int priority = priority(request, warnings);
    DispatchPolicy policy = request.policy();
    String bundle = request.bundle().id();
    String revision = request.bundle().revision();

    var assignments = new TreeMap<String, ClusterAssignment>();
    for (ClusterAssignment a : request.placement().clusters()) {
      assignments.put(a.name(), a);
    }
    List<String> clusters = List.copyOf(assignments.keySet());
    boolean anyReplicas = assignments.values().stream().anyMatch(a -> a.replicas() != null);
    boolean allPositive =
        assignments.values().stream().allMatch(a -> a.replicas() != null && a.replicas() > 0);
    boolean divided =
        allPositive && calculator.templates().stream().anyMatch(m -> divisible(m.key()));
    int sum = 0;
    if (divided) {
      long s = 0;
      for (ClusterAssignment a : assignments.values()) {
        s += a.replicas();
      }
      if (s > Integer.MAX_VALUE) {
        throw new DispatchException(
            Diagnostic.error(
                    "REPLICAS_TOO_LARGE", "the replicas of all clusters add up to " + s, "clusters")
                .withFacts("at most " + Integer.MAX_VALUE, Long.toString(s)));
      }
      sum = (int) s;
    }

    // Templates, grouped by namespace ("" = cluster-scoped).
    var byNamespace = new TreeMap<String, List<Manifest>>();
    List<Manifest> templates = new ArrayList<>();
    for (Manifest t : calculator.templates()) {
      Manifest out = t;
      if (divided && divisible(t.key())) {
        ObjectNode body = t.body();
        body.withObject("/spec").put("replicas", sum);
        out = new Manifest(t.key(), body);
      }
      templates.add(out);
      String ns = t.key().namespace() == null ? "" : t.key().namespace();
      byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(out);
    }

    List<Delivery> wave0 = new ArrayList<>();
    List<Delivery> wave1 = new ArrayList<>();
    // Propagation policies.
    for (var e : byNamespace.entrySet()) {
      String ns = e.getKey();
      List<Manifest> plain = new ArrayList<>();
      List<Manifest> div = new ArrayList<>();
      for (Manifest m : e.getValue()) {
        (divided && divisible(m.key()) ? div : plain).add(m);
      }
      if (ns.isEmpty()) {
        wave0.add(
            apply(
                0,
                propagation(
                    "ClusterPropagationPolicy",
                    bundle,
                    null,
                    plain,
                    clusters,
                    null,
                    policy,
                    priority,
                    bundle,
                    revision)));
        continue;
      }
      if (!plain.isEmpty()) {
        wave1.add(
            apply(
                1,
                propagation(
                    "PropagationPolicy",
                    bundle,
                    ns,
                    plain,
                    clusters,
                    null,
                    policy,
                    priority,
                    bundle,
                    revision)));
      }
      if (!div.isEmpty()) {
        wave1.add(
            apply(
                1,
                propagation(
                    "PropagationPolicy",
                    bundle + "-replicas",
                    ns,
                    div,
                    clusters,
                    assignments,
                    policy,
                    priority,
                    bundle,
                    revision)));
      }
    }

    // Override policies: index 0 = replicas, then one per distinct selector.
    var selectors = new TreeSet<ResourceSelector>(DesiredState.SELECTOR_ORDER);
    for (ClusterAssignment a : assignments.values()) {
      for (var o : a.overrides()) {
        selectors.add(o.target());
      }
    }
    int width = Math.max(3, Integer.toString(selectors.size()).length());
    for (var e : byNamespace.entrySet()) {
      String ns = e.getKey();
      List<ObjectNode> ops = new ArrayList<>();
      if (anyReplicas) {
        List<Manifest> targets =
            e.getValue().stream()
                .filter(m -> OverrideEngine.scalable(m.key()) && !(divided && divisible(m.key())))
                .toList();
        ArrayNode rules = Json.NODES.arrayNode();
        for (ClusterAssignment a : assignments.values()) {
          if (a.replicas() != null && !targets.isEmpty()) {
            ObjectNode ov = Json.NODES.objectNode();
            ov.putArray("plaintext")
                .addObject()
                .put("operator", "add")
                .put("path", "/spec/replicas")
                .put("value", a.replicas());
            rules.add(rule(a.name(), ov));
          }
        }
        if (!rules.isEmpty()) {
          ops.add(
              overridePolicy(ns, bundle + "-" + pad(0, width), targets, rules, bundle, revision));
        }
      }
      int index = 0;
      for (ResourceSelector sel : selectors) {
        index++;
        List<Manifest> targets = e.getValue().stream().filter(m -> sel.matches(m.key())).toList();
        if (targets.isEmpty()) {
          continue;
        }
        ArrayNode rules = Json.NODES.arrayNode();
        for (ClusterAssignment a : assignments.values()) {
          List<io.vela4j.dispatch.Override> mine =
              a.overrides().stream()
                  .filter(o -> o.target().equals(sel) && canChange(o, targets))
                  .toList();
          if (!mine.isEmpty()) {
            rules.add(rule(a.name(), overriders(mine)));
          }
        }
        if (!rules.isEmpty()) {
          ops.add(
              overridePolicy(
                  ns, bundle + "-" + pad(index, width), targets, rules, bundle, revision));
        }
      }
      for (ObjectNode op : ops) {
        if (ns.isEmpty()) {
          wave0.add(apply(0, op));
        } else {
          wave1.add(apply(1, op));
        }
      }
    }

    // Templates.
    List<Delivery> all = new ArrayList<>(wave0);
    List<Delivery> waits = new ArrayList<>();
    var later = new TreeMap<Integer, List<Delivery>>();
    for (Manifest t : templates) {
      int w = Waves.of(t.key());
      if (w == Waves.FOUNDATION) {
        all.add(Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, t));
        if (Waves.isCrd(t.key())) {
          waits.add(
              Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.WAIT_ESTABLISHED, t));
        }
      } else {
        later
            .computeIfAbsent(w + 1, k -> new ArrayList<>())
            .add(Delivery.of(DeliveryTarget.CONTROL_PLANE, w + 1, Delivery.Action.APPLY, t));
      }
    }
    all.addAll(waits);
    all.addAll(wave1);
    later.values().forEach(all::addAll);
    return DispatchPlan.of(ID, all, warnings);
  }

  /**
   * Whether an overrider can change any of the targets: image overriders only find containers in
   * Karmada's workload kinds, command/args overriders in a smaller set; others always apply. Rules
   * that cannot change anything are left out, so policies stay readable.
   */
  private static boolean canChange(io.vela4j.dispatch.Override o, List<Manifest> targets) {
    if (o instanceof Image) {
      return targets.stream().anyMatch(m -> OverrideEngine.IMAGE_KINDS.contains(m.key().kind()));
    }
    if (o instanceof ContainerArgs || o instanceof ContainerCommand) {
      return targets.stream().anyMatch(m -> OverrideEngine.COMMAND_KINDS.contains(m.key().kind()));
    }
    return true;
  }

  private static int priority(DispatchRequest request, List<Diagnostic> warnings) {
    int priority = 100;
    for (Map.Entry<String, String> e : request.options().entrySet()) {
      if (e.getKey().equals(OPTION_PRIORITY)) {
        try {
          priority = Integer.parseInt(e.getValue().trim());
        } catch (NumberFormatException ex) {
          throw new DispatchException(
              Diagnostic.error(
                      "BAD_OPTION",
                      "option " + OPTION_PRIORITY + " is not an integer",
                      "options." + OPTION_PRIORITY)
                  .withFacts("an integer", e.getValue()));
        }
      } else {
        warnings.add(
            Diagnostic.warning(
                "UNKNOWN_OPTION",
                "the karmada dispatcher has no option '" + e.getKey() + "'",
                "options"));
      }
    }
    return priority;
  }

  private static Delivery apply(int wave, ObjectNode o) {
    return Delivery.of(DeliveryTarget.CONTROL_PLANE, wave, Delivery.Action.APPLY, o);
  }

  private static String pad(int i, int width) {
    String s = Integer.toString(i);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static ArrayNode selectors(List<Manifest> objects) {
    ArrayNode a = Json.NODES.arrayNode();
    for (Manifest m : objects) {
      ObjectNode s = a.addObject();
      s.put("apiVersion", m.key().apiVersion());
      s.put("kind", m.key().kind());
      s.put("name", m.key().name());
      if (m.key().namespace() != null) {
        s.put("namespace", m.key().namespace());
      }
    }
    return a;
  }

  private static ObjectNode propagation(
      String kind,
      String name,
      @Nullable String ns,
      List<Manifest> objects,
      List<String> clusters,
      @Nullable Map<String, ClusterAssignment> weights,
      DispatchPolicy policy,
      int priority,
      String bundle,
      String revision) {
    ObjectNode pp =
        io.vela4j.dispatch.internal.Labels.wrapper(POLICY_API, kind, name, ns, bundle, revision);
    ObjectNode spec = pp.putObject("spec");
    spec.set("resourceSelectors", selectors(objects));
    ObjectNode placement = spec.putObject("placement");
    ArrayNode names = placement.putObject("clusterAffinity").putArray("clusterNames");
    clusters.forEach(names::add);
    ObjectNode rs = placement.putObject("replicaScheduling");
    if (weights == null) {
      rs.put("replicaSchedulingType", "Duplicated");
    } else {
      rs.put("replicaSchedulingType", "Divided");
      rs.put("replicaDivisionPreference", "Weighted");
      ArrayNode list = rs.putObject("weightPreference").putArray("staticWeightList");
      for (var a : weights.values()) {
        ObjectNode w = list.addObject();
        w.putObject("targetCluster").putArray("clusterNames").add(a.name());
        w.put("weight", a.replicas());
      }
    }
    spec.put(
        "conflictResolution",
        policy.conflict() == DispatchPolicy.Conflict.OVERWRITE ? "Overwrite" : "Abort");
    spec.put("preserveResourcesOnDeletion", policy.deletion() == DispatchPolicy.Deletion.ORPHAN);
    spec.put("priority", priority);
    spec.put("preemption", "Always");
    return pp;
  }

  private static ObjectNode rule(String cluster, ObjectNode overriders) {
    ObjectNode r = Json.NODES.objectNode();
    r.putObject("targetCluster").putArray("clusterNames").add(cluster);
    r.set("overriders", overriders);
    return r;
  }

  private static ObjectNode overridePolicy(
      String ns,
      String name,
      List<Manifest> targets,
      ArrayNode rules,
      String bundle,
      String revision) {
    ObjectNode op =
        io.vela4j.dispatch.internal.Labels.wrapper(
            POLICY_API,
            ns.isEmpty() ? "ClusterOverridePolicy" : "OverridePolicy",
            name,
            ns.isEmpty() ? null : ns,
            bundle,
            revision);
    ObjectNode spec = op.putObject("spec");
    spec.set("resourceSelectors", selectors(targets));
    spec.set("overrideRules", rules);
    return op;
  }

  private static String op(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** Karmada overriders for one cluster's overrides of one target, in declaration order. */
  static ObjectNode overriders(List<io.vela4j.dispatch.Override> overrides) {
    ArrayNode image = Json.NODES.arrayNode();
    ArrayNode command = Json.NODES.arrayNode();
    ArrayNode args = Json.NODES.arrayNode();
    ArrayNode labels = Json.NODES.arrayNode();
    ArrayNode annotations = Json.NODES.arrayNode();
    ArrayNode plaintext = Json.NODES.arrayNode();
    for (var o : overrides) {
      if (o instanceof Image im) {
        ObjectNode n = image.addObject();
        n.put(
            "component",
            switch (im.component()) {
              case REGISTRY -> "Registry";
              case REPOSITORY -> "Repository";
              case TAG -> "Tag";
            });
        n.put("operator", op(im.operator()));
        if (!im.value().isEmpty()) {
          n.put("value", im.value());
        }
      } else if (o instanceof ContainerCommand c) {
        ObjectNode n = command.addObject();
        n.put("containerName", c.container());
        n.put("operator", op(c.operator()));
        c.values().forEach(n.putArray("value")::add);
      } else if (o instanceof ContainerArgs c) {
        ObjectNode n = args.addObject();
        n.put("containerName", c.container());
        n.put("operator", op(c.operator()));
        c.values().forEach(n.putArray("value")::add);
      } else if (o instanceof Labels l) {
        ObjectNode n = labels.addObject();
        n.put("operator", op(l.operator()));
        ObjectNode v = n.putObject("value");
        l.values().forEach(v::put);
      } else if (o instanceof Annotations l) {
        ObjectNode n = annotations.addObject();
        n.put("operator", op(l.operator()));
        ObjectNode v = n.putObject("value");
        l.values().forEach(v::put);
      } else if (o instanceof JsonPatch p) {
        for (PatchOp po : p.ops()) {
          ObjectNode n = plaintext.addObject();
          n.put("operator", op(po.op()));
          n.put("path", po.path());
          if (po.value() != null) {
            n.set("value", po.value());
          }
        }
      } else if (o instanceof Replicas r) {
        plaintext
            .addObject()
            .put("operator", "add")
            .put("path", "/spec/replicas")
            .put("value", r.replicas());
      }
    }
    ObjectNode out = Json.NODES.objectNode();
    if (!image.isEmpty()) {
      out.set("imageOverrider", image);
    }
    if (!command.isEmpty()) {
      out.set("commandOverrider", command);
    }
    if (!args.isEmpty()) {
      out.set("argsOverrider", args);
    }
    if (!labels.isEmpty()) {
      out.set("labelsOverrider", labels);
    }
    if (!annotations.isEmpty()) {
      out.set("annotationsOverrider", annotations);
    }
    if (!plaintext.isEmpty()) {
      out.set("plaintext", plaintext);
    }
    return out;
  }
}
