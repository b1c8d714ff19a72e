package io.vela4j.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.internal.JsonPatcher.PatchException;
import io.vela4j.dispatch.internal.OverrideEngine;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shared step every planner uses: the objects each cluster should end up with.
 *
 * <p>For every cluster of the placement: take the bundle's objects (normalized: the namespace is
 * removed from cluster-scoped kinds and {@code default} is set on namespaced kinds without one),
 * set {@code spec.replicas} of Deployments, StatefulSets and ReplicaSets to the cluster's replicas,
 * apply the cluster's overrides in a fixed order, sort object keys, and order the objects by {@link
 * Waves wave} then {@link ResourceKey canonical key}.
 *
 * <p>The override order is Karmada's: overrides are grouped by target selector ({@link
 * ResourceSelector#ALL} first, then by apiVersion, kind, namespace, name — the order of the
 * OverridePolicies the Karmada planner generates), and within a group applied image → command →
 * args → labels → annotations → JSON patch/replicas, in declaration order within each kind.
 *
 * <p>Objects that no override or replica count touches are shared between clusters (they are
 * immutable). Instances are immutable and thread-safe; {@link #compute} is pure.
 */
public final class DesiredState {

  /** Orders selectors: match-all first, then by apiVersion, kind, namespace, name. */
  public static final Comparator<ResourceSelector> SELECTOR_ORDER =
      Comparator.comparing((ResourceSelector s) -> !s.matchesAll())
          .thenComparing(
              ResourceSelector::apiVersion, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ResourceSelector::kind, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(
              ResourceSelector::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ResourceSelector::name, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Orders manifests by wave, then canonical key. */
  public static final Comparator<Manifest> MANIFEST_ORDER =
      Comparator.comparingInt((Manifest m) -> Waves.of(m.key())).thenComparing(Manifest::key);

  private final ResourceScopes scopes;
  private final List<Manifest> templates;
  private final Map<String, List<Manifest>> perCluster;
  private final List<Diagnostic> diagnostics;

  private DesiredState(
      ResourceScopes scopes,
      List<Manifest> templates,
      Map<String, List<Manifest>> perCluster,
      List<Diagnostic> diagnostics) {
    this.scopes = scopes;
    this.templates = templates;
    this.perCluster = perCluster;
    this.diagnostics = diagnostics;
  }

  /**
   * Computes the per-cluster objects of a request.
   *
   * @param request the request
   * @return the desired state; its diagnostics are warnings ({@code CR_WITHOUT_CRD}, {@code
   *     ZERO_REPLICA_CLUSTER}, {@code OVERRIDE_NO_MATCH})
   * @throws DispatchException listing every error ({@code BAD_CLUSTER_NAME}, {@code
   *     OVERRIDE_FAILED}, {@code OVERRIDE_CHANGED_IDENTITY})
   */
  public static DesiredState compute(DispatchRequest request) {
    Calculator r = calculator(request);
    var errors = new ArrayList<Diagnostic>(r.errors());
    var warnings = new ArrayList<Diagnostic>(r.warnings());
    var out = new LinkedHashMap<String, List<Manifest>>();
    for (ClusterAssignment a : request.placement().clusters()) {
      ClusterObjects c = r.compute(a);
      errors.addAll(c.errors());
      warnings.addAll(c.warnings());
      if (c.errors().isEmpty()) {
        out.put(a.name(), c.objects());
      }
    }
    if (!errors.isEmpty()) {
      throw new DispatchException(errors);
    }
    return new DesiredState(
        r.scopes(), r.templates(), Collections.unmodifiableMap(out), List.copyOf(warnings));
  }

  /**
   * A calculator that computes clusters one at a time, so that planners need not keep every
   * cluster's objects in memory at once. {@link #compute} is built on it.
   *
   * @param request the request
   * @return the calculator; bundle-level problems are in its {@link Calculator#errors()} and {@link
   *     Calculator#warnings()}
   */
  public static Calculator calculator(DispatchRequest request) {
    return new Calculator(request);
  }

  /**
   * One cluster's objects and the problems found computing them.
   *
   * @param cluster the cluster name
   * @param objects the objects, in wave then key order (empty when there are errors)
   * @param warnings warnings ({@code ZERO_REPLICA_CLUSTER}, {@code OVERRIDE_NO_MATCH})
   * @param errors errors ({@code BAD_CLUSTER_NAME}, {@code OVERRIDE_FAILED}, ...)
   */
  public record ClusterObjects(
      String cluster, List<Manifest> objects, List<Diagnostic> warnings, List<Diagnostic> errors) {
    /** Copies the lists. */
    public ClusterObjects {
      objects = List.copyOf(objects);
      warnings = List.copyOf(warnings);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Computes the clusters of one request one at a time (see {@link DesiredState#calculator}).
   * Clusters with identical replicas and overrides share their objects through a small cache. Not
   * thread-safe: use one calculator per thread.
   */
  public static final class Calculator {
    private static final int CACHE = 64;
    private final ResourceScopes scopes;
    private final List<Manifest> templates;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Map<ClusterAssignment, Integer> index = new HashMap<>();
    private final LinkedHashMap<List<Object>, Rendered> cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @java.lang.Override
          protected boolean removeEldestEntry(Map.Entry<List<Object>, Rendered> eldest) {
            return size() > CACHE;
          }
        };

    private Calculator(DispatchRequest request) {
      scopes = request.scopes().withCrds(Manifest.crds(request.bundle().manifests()));
      List<Manifest> ts = new ArrayList<>();
      var unknownKinds = new java.util.TreeSet<String>();
      for (Manifest m : request.bundle().manifests()) {
        ts.add(normalize(m, scopes, unknownKinds));
      }
      for (String k : unknownKinds) {
        int slash = k.indexOf('/');
        String group = k.substring(0, slash);
        String kind = k.substring(slash + 1);
        warnings.add(
            Diagnostic.warning(
                    "CR_WITHOUT_CRD",
                    "kind "
                        + kind
                        + (group.isEmpty() ? "" : " (" + group + ")")
                        + " is neither built in nor defined by a CRD in the bundle; its CRD must"
                        + " already exist on every cluster. Assuming it is namespaced with"
                        + " resource '"
                        + ResourceScopes.guessPlural(kind)
                        + "' (register it with ResourceScopes.with to be exact)",
                    "manifests")
                .withFacts("a CustomResourceDefinition for " + kind, "none"));
      }
      ts.sort(MANIFEST_ORDER);
      templates = List.copyOf(ts);
      List<ClusterAssignment> clusters = request.placement().clusters();
      if (clusters.isEmpty()) {
        errors.add(
            Diagnostic.error("NO_CLUSTERS", "the placement lists no cluster", "clusters")
                .withFacts("at least one cluster", "none"));
      }
      for (int i = 0; i < clusters.size(); i++) {
        index.put(clusters.get(i), i);
      }
    }

    /** The kind table: the request's plus the bundle's CRDs. */
    public ResourceScopes scopes() {
      return scopes;
    }

    /** The normalized, un-overridden bundle objects in wave then key order. */
    public List<Manifest> templates() {
      return templates;
    }

    /** Bundle-level errors ({@code NO_CLUSTERS}). */
    public List<Diagnostic> errors() {
      return List.copyOf(errors);
    }

    /** Bundle-level warnings ({@code CR_WITHOUT_CRD}). */
    public List<Diagnostic> warnings() {
      return List.copyOf(warnings);
    }

    /**
     * Computes one cluster's objects.
     *
     * @param a an assignment of the request's placement
     * @return the objects and problems; paths name the assignment's index in the placement
     */
    public ClusterObjects compute(ClusterAssignment a) {
      Integer ci = index.get(a);
      String path = "clusters[" + (ci == null ? "?" : ci) + "]";
      var errs = new ArrayList<Diagnostic>();
      var warns = new ArrayList<Diagnostic>();
      if (!Bundle.isDnsLabel(a.name())) {
        errs.add(
            Diagnostic.error(
                    "BAD_CLUSTER_NAME",
                    "cluster name '"
                        + a.name()
                        + "' is not a DNS-1123 label (OCM uses it as a"
                        + " namespace, Karmada as a Cluster name)",
                    path + ".name")
                .withFacts("lower-case alphanumerics and '-', at most 63 characters", a.name()));
        return new ClusterObjects(a.name(), List.of(), warns, errs);
      }
      if (a.replicas() != null && a.replicas() == 0) {
        warns.add(
            Diagnostic.warning(
                "ZERO_REPLICA_CLUSTER",
                "cluster "
                    + a.name()
                    + " gets 0 replicas: its workloads are delivered scaled to"
                    + " zero",
                path + ".replicas"));
      }
      List<Object> signature = new ArrayList<>();
      signature.add(a.replicas() == null ? -1 : a.replicas());
      signature.addAll(a.overrides());
      Rendered rendered = cache.get(signature);
      if (rendered == null) {
        var matchedNow = new boolean[a.overrides().size()];
        boolean[] replicasNow = {false};
        List<Manifest> objects =
            DesiredState.objectsOf(templates, a, path, matchedNow, replicasNow, errs);
        if (!errs.isEmpty()) {
          return new ClusterObjects(a.name(), List.of(), warns, errs);
        }
        rendered = new Rendered(objects, matchedNow, replicasNow[0]);
        cache.put(signature, rendered);
      }
      if (a.replicas() != null && !rendered.replicasMatched()) {
        warns.add(
            Diagnostic.warning(
                "OVERRIDE_NO_MATCH",
                "cluster "
                    + a.name()
                    + " sets replicas but the bundle has no Deployment,"
                    + " StatefulSet or ReplicaSet",
                path + ".replicas"));
      }
      for (int oi = 0; oi < rendered.matched().length; oi++) {
        if (!rendered.matched()[oi]) {
          warns.add(
              Diagnostic.warning(
                  "OVERRIDE_NO_MATCH",
                  "override #"
                      + (oi + 1)
                      + " of cluster "
                      + a.name()
                      + " matches no object of the bundle it can change",
                  path + ".overrides[" + oi + "]"));
        }
      }
      return new ClusterObjects(a.name(), rendered.objects(), warns, errs);
    }
  }

  private static Manifest normalize(
      Manifest m, ResourceScopes scopes, java.util.Set<String> unknownKinds) {
    ResourceKey k = m.key();
    var scope = scopes.find(k.group(), k.kind());
    if (scope.isEmpty()) {
      unknownKinds.add(k.group() + "/" + k.kind());
      return m;
    }
    if (!scope.get().namespaced() && k.namespace() != null) {
      ObjectNode body = m.body();
      ((ObjectNode) body.get("metadata")).remove("namespace");
      return new Manifest(k.withNamespace(null), body);
    }
    if (scope.get().namespaced() && k.namespace() == null) {
      ObjectNode body = m.body();
      ((ObjectNode) body.get("metadata")).put("namespace", "default");
      return new Manifest(k.withNamespace("default"), body);
    }
    return m;
  }

  /** The cluster's overrides in application order (stable). */
  static List<io.vela4j.dispatch.Override> ordered(List<io.vela4j.dispatch.Override> overrides) {
    var list = new ArrayList<>(overrides);
    list.sort(
        Comparator.comparing(io.vela4j.dispatch.Override::target, SELECTOR_ORDER)
            .thenComparingInt(io.vela4j.dispatch.Override::order));
    return list;
  }

  private record Rendered(List<Manifest> objects, boolean[] matched, boolean replicasMatched) {}

  private static List<Manifest> objectsOf(
      List<Manifest> templates,
      ClusterAssignment a,
      String path,
      boolean[] matched,
      boolean[] replicasMatched,
      List<Diagnostic> errors) {
    var ordered = ordered(a.overrides());
    List<Manifest> result = new ArrayList<>(templates.size());
    for (Manifest t : templates) {
      ResourceKey key = t.key();
      boolean scale = a.replicas() != null && OverrideEngine.scalable(key);
      boolean touched = scale;
      for (var o : ordered) {
        touched |= o.target().matches(key);
      }
      if (!touched) {
        result.add(t);
        continue;
      }
      ObjectNode body = t.body();
      if (scale) {
        replicasMatched[0] = true;
        setReplicas(body, Objects.requireNonNull(a.replicas()));
      }
      boolean failed = false;
      for (var o : ordered) {
        int oi = indexOf(a.overrides(), o);
        try {
          if (OverrideEngine.apply(o, key, body)) {
            matched[oi] = true;
          }
        } catch (PatchException e) {
          errors.add(
              Diagnostic.error(
                      "OVERRIDE_FAILED",
                      "override #"
                          + (oi + 1)
                          + " of cluster "
                          + a.name()
                          + " cannot be applied to "
                          + key.display()
                          + ": "
                          + e.getMessage(),
                      path + ".overrides[" + oi + "]")
                  .withFacts("an override that applies to " + key.display(), e.getMessage()));
          failed = true;
          break;
        }
      }
      if (failed) {
        result.add(t);
        continue;
      }
      ResourceKey after;
      try {
        after = Manifest.keyOf(body, "object");
      } catch (DispatchException e) {
        errors.addAll(e.diagnostics());
        result.add(t);
        continue;
      }
      if (!after.equals(key) || !after.version().equals(key.version())) {
        errors.add(
            Diagnostic.error(
                    "OVERRIDE_CHANGED_IDENTITY",
                    "the overrides of cluster "
                        + a.name()
                        + " change the identity of "
                        + key.display(),
                    path + ".overrides")
                .withFacts(key.display(), after.display()));
        result.add(t);
        continue;
      }
      Manifest m = Manifest.adopt(key, body);
      result.add(m);
    }
    return List.copyOf(result);
  }

  private static int indexOf(
      List<io.vela4j.dispatch.Override> list, io.vela4j.dispatch.Override o) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == o) {
        return i;
      }
    }
    throw new IllegalStateException("override not in list");
  }

  private static void setReplicas(ObjectNode body, int replicas) {
    ObjectNode spec = body.get("spec") instanceof ObjectNode s ? s : body.putObject("spec");
    spec.put("replicas", replicas);
  }

  /** The kind table used: the request's, plus the bundle's CRDs. */
  public ResourceScopes scopes() {
    return scopes;
  }

  /** The bundle's objects, normalized but not overridden, in wave then key order. */
  public List<Manifest> templates() {
    return templates;
  }

  /** The cluster names, in placement order. */
  public List<String> clusters() {
    return List.copyOf(perCluster.keySet());
  }

  /** Every cluster's objects, in placement order. */
  public Map<String, List<Manifest>> perCluster() {
    return perCluster;
  }

  /**
   * One cluster's objects, in wave then key order.
   *
   * @param cluster the cluster name
   * @return the objects, or an empty list for a cluster not in the placement
   */
  public List<Manifest> objects(String cluster) {
    List<Manifest> l = perCluster.get(cluster);
    return l == null ? List.of() : l;
  }

  /** The warnings found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Whether the kind of a key is known (built in, registered, or defined by a bundle CRD).
   *
   * @param key the key
   * @return whether {@link #scopes()} knows it
   */
  public boolean known(ResourceKey key) {
    return scopes.find(key.group(), key.kind()).isPresent();
  }

  /**
   * The bundle template with the given key.
   *
   * @param key the key
   * @return the template, or {@code null}
   */
  public @Nullable Manifest template(ResourceKey key) {
    for (Manifest m : templates) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    return null;
  }
}
