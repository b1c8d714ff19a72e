package io.vela4j.dispatch.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A small in-memory API server for flow tests (test sources only). It models what the applier
 * depends on:
 *
 * <ul>
 *   <li>kinds: a fixed set of built-in kinds plus kinds of CRDs once they are Established; an
 *       unknown kind is a 404 like a real server's "no matches for kind";
 *   <li>namespaces: a namespaced object in a namespace that does not exist is a 404 (the
 *       "namespaces not created" edge); {@code default} and {@code kube-system} exist;
 *   <li>CRDs become Established after a configurable number of checks;
 *   <li>server-side apply field ownership at leaf granularity: a leaf owned by another manager with
 *       a different value is a 409 conflict unless forced;
 *   <li>fault injection per object (any {@link ApiServerException}) and a "down" switch.
 * </ul>
 *
 * <p>It does not model: merging of several managers' fields into one object (the last applied
 * object is stored whole), list-item merge keys, defaulting, admission, validation against schemas,
 * resourceVersion conflicts, garbage collection of dependents (except that deleting a Namespace
 * deletes its objects), watch, or status subresources written by controllers (tests set status with
 * {@link #setStatus}).
 */
final class InMemoryApiServer implements ApiServer {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private static final Map<String, Boolean> BUILT_IN = new HashMap<>();

  static {
    for (var k :
        List.of(
            "v1/Namespace",
            "apiextensions.k8s.io/v1/CustomResourceDefinition",
            "rbac.authorization.k8s.io/v1/ClusterRole",
            "rbac.authorization.k8s.io/v1/ClusterRoleBinding")) {
      BUILT_IN.put(k, false);
    }
    for (var k :
        List.of(
            "v1/ConfigMap",
            "v1/Secret",
            "v1/Service",
            "v1/ServiceAccount",
            "apps/v1/Deployment",
            "apps/v1/StatefulSet",
            "apps/v1/DaemonSet",
            "batch/v1/Job",
            "rbac.authorization.k8s.io/v1/Role",
            "rbac.authorization.k8s.io/v1/RoleBinding",
            "work.open-cluster-management.io/v1/ManifestWork",
            "policy.karmada.io/v1alpha1/PropagationPolicy",
            "policy.karmada.io/v1alpha1/OverridePolicy",
            "work.karmada.io/v1alpha2/ResourceBinding")) {
      BUILT_IN.put(k, true);
    }
    BUILT_IN.put("policy.karmada.io/v1alpha1/ClusterPropagationPolicy", false);
    BUILT_IN.put("policy.karmada.io/v1alpha1/ClusterOverridePolicy", false);
    BUILT_IN.put("work.karmada.io/v1alpha2/ClusterResourceBinding", false);
  }

  private final String name;
  private final Map<String, GenericKubernetesResource> objects = new TreeMap<>();
  private final Map<String, Map<String, String>> owners = new HashMap<>();
  private final Map<String, Deque<ApiServerException>> faults = new HashMap<>();
  private final Map<String, Integer> crdChecks = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final AtomicInteger inFlight;
  private final AtomicInteger maxInFlight;
  private int establishAfterChecks = 1;
  private long latencyMillis;
  private boolean down;

  InMemoryApiServer(String name) {
    this(name, new AtomicInteger(), new AtomicInteger());
  }

  /** A server sharing in-flight counters with others, to observe concurrency across servers. */
  InMemoryApiServer(String name, AtomicInteger inFlight, AtomicInteger maxInFlight) {
    this.name = name;
    this.inFlight = inFlight;
    this.maxInFlight = maxInFlight;
    for (var ns : List.of("default", "kube-system")) {
      objects.put(
          key("v1", "Namespace", null, ns),
          resource(
              "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                  + ns
                  + "\"}}"));
    }
  }

  // ---- test controls ----

  /** CRDs report Established on the {@code n}-th check (0: never). */
  synchronized InMemoryApiServer establishAfter(int n) {
    this.establishAfterChecks = n;
    return this;
  }

  /** Every call fails with a transient "connection refused". */
  synchronized InMemoryApiServer down(boolean value) {
    this.down = value;
    return this;
  }

  /** Each call takes this long (real sleep; keep it tiny). */
  synchronized InMemoryApiServer latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** The next calls touching {@code ref} throw these, in order. */
  synchronized InMemoryApiServer failNext(ObjectRef ref, ApiServerException... errors) {
    var q = faults.computeIfAbsent(identity(ref), k -> new ArrayDeque<>());
    q.addAll(List.of(errors));
    return this;
  }

  /** Stores an object as if another manager had applied it (no checks). */
  synchronized InMemoryApiServer seed(GenericKubernetesResource object, String manager) {
    var ref = ObjectRef.of(object);
    objects.put(identity(ref), JSON.clone(object));
    var own = new HashMap<String, String>();
    leaves(object).forEach((path, v) -> own.put(path, manager));
    owners.put(identity(ref), own);
    return this;
  }

  /** Sets the status of a stored object, as a controller would. */
  @SuppressWarnings("unchecked")
  synchronized void setStatus(ObjectRef ref, Map<String, Object> status) {
    var o = objects.get(identity(ref));
    if (o == null) {
      throw new IllegalStateException("no object " + ref);
    }
    o.setAdditionalProperty("status", JSON.clone(new LinkedHashMap<>(status)));
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  synchronized Optional<GenericKubernetesResource> stored(ObjectRef ref) {
    return Optional.ofNullable(objects.get(identity(ref))).map(JSON::clone);
  }

  synchronized List<ObjectRef> storedRefs() {
    return objects.values().stream().map(ObjectRef::of).sorted().toList();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  // ---- ApiServer ----

  @Override
  public GenericKubernetesResource apply(
      GenericKubernetesResource object, String fieldManager, boolean force) {
    var ref = ObjectRef.of(object);
    enter("apply " + ref + (force ? " force" : ""), ref);
    try {
      synchronized (this) {
        var scope = scope(ref);
        if (scope == null) {
          throw new ApiServerException(
              ApiServerException.Kind.NOT_FOUND,
              404,
              "no matches for kind \"" + ref.kind() + "\" in version \"" + ref.apiVersion() + "\"");
        }
        if (scope && ref.namespace() == null) {
          throw new ApiServerException(
              ApiServerException.Kind.PERMANENT, 400, "the namespace of the object is required");
        }
        if (scope && !objects.containsKey(key("v1", "Namespace", null, ref.namespace()))) {
          throw new ApiServerException(
              ApiServerException.Kind.NOT_FOUND,
              404,
              "namespaces \"" + ref.namespace() + "\" not found");
        }
        var id = identity(ref);
        var existing = objects.get(id);
        var own = owners.computeIfAbsent(id, k -> new HashMap<>());
        var applied = leaves(object);
        if (existing != null && !force) {
          var current = leaves(existing);
          var conflicts = new ArrayList<String>();
          applied.forEach(
              (path, value) -> {
                var owner = own.get(path);
                if (owner != null
                    && !owner.equals(fieldManager)
                    && !value.equals(current.get(path))) {
                  conflicts.add("conflict with \"" + owner + "\": " + path);
                }
              });
          if (!conflicts.isEmpty()) {
            throw new ApiServerException(
                ApiServerException.Kind.CONFLICT,
                409,
                "Apply failed with "
                    + conflicts.size()
                    + " conflict"
                    + (conflicts.size() == 1 ? "" : "s")
                    + ": "
                    + String.join(", ", conflicts));
          }
        }
        own.entrySet()
            .removeIf(e -> e.getValue().equals(fieldManager) && !applied.containsKey(e.getKey()));
        applied.keySet().forEach(path -> own.put(path, fieldManager));
        var stored = JSON.clone(object);
        stored.getAdditionalProperties().remove("status");
        long generation = 1;
        if (existing != null) {
          if (existing.getAdditionalProperties().get("status") != null) {
            stored.setAdditionalProperty(
                "status", existing.getAdditionalProperties().get("status"));
          }
          generation =
              existing.getMetadata().getGeneration() == null
                  ? 1
                  : existing.getMetadata().getGeneration() + 1;
        }
        stored.getMetadata().setGeneration(generation);
        if ("CustomResourceDefinition".equals(ref.kind())) {
          crdChecks.putIfAbsent(ref.name(), 0);
        }
        objects.put(id, stored);
        return JSON.clone(stored);
      }
    } finally {
      leave();
    }
  }

  @Override
  public Optional<GenericKubernetesResource> get(ObjectRef ref) {
    enter("get " + ref, ref);
    try {
      synchronized (this) {
        if ("CustomResourceDefinition".equals(ref.kind())) {
          checkCrd(ref.name());
        }
        return Optional.ofNullable(objects.get(identity(ref))).map(JSON::clone);
      }
    } finally {
      leave();
    }
  }

  @Override
  public boolean delete(ObjectRef ref, boolean orphanDependents) {
    enter("delete " + ref + (orphanDependents ? " orphan" : ""), ref);
    try {
      synchronized (this) {
        var removed = objects.remove(identity(ref));
        owners.remove(identity(ref));
        if (removed != null && "Namespace".equals(ref.kind())) {
          objects.values().removeIf(o -> ref.name().equals(o.getMetadata().getNamespace()));
        }
        return removed != null;
      }
    } finally {
      leave();
    }
  }

  @Override
  public List<GenericKubernetesResource> list(
      String apiVersion, String kind, @Nullable String namespace, Map<String, String> labels) {
    var probe = new ObjectRef(apiVersion, kind, namespace, "list");
    enter(
        "list "
            + apiVersion
            + "/"
            + kind
            + "/"
            + (namespace == null ? "" : namespace)
            + " "
            + labels,
        null);
    try {
      synchronized (this) {
        if (scope(probe) == null) {
          throw new ApiServerException(
              ApiServerException.Kind.NOT_FOUND, 404, "no matches for kind \"" + kind + "\"");
        }
        var out = new ArrayList<GenericKubernetesResource>();
        for (var o : objects.values()) {
          var r = ObjectRef.of(o);
          if (!r.group().equals(probe.group()) || !r.kind().equals(kind)) {
            continue;
          }
          if (namespace != null && !namespace.equals(r.namespace())) {
            continue;
          }
          var have =
              o.getMetadata().getLabels() == null
                  ? Map.<String, String>of()
                  : o.getMetadata().getLabels();
          if (labels.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())))) {
            out.add(JSON.clone(o));
          }
        }
        return out;
      }
    } finally {
      leave();
    }
  }

  @Override
  public boolean crdEstablished(String crd) {
    var ref = new ObjectRef("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, crd);
    enter("established? " + crd, ref);
    try {
      synchronized (this) {
        checkCrd(crd);
        var o = objects.get(identity(ref));
        return o != null && io.vela4j.dispatch.kube.internal.Conditions.isTrue(o, "Established");
      }
    } finally {
      leave();
    }
  }

  @Override
  public String describe() {
    return "memory://" + name;
  }

  // ---- internals ----

  private void enter(String call, @Nullable ObjectRef ref) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    long sleep;
    ApiServerException fault = null;
    synchronized (this) {
      calls.add(call);
      sleep = latencyMillis;
      if (down) {
        fault =
            new ApiServerException(
                ApiServerException.Kind.TRANSIENT,
                0,
                "connect to " + describe() + " failed: Connection refused");
      } else if (ref != null) {
        var q = faults.get(identity(ref));
        if (q != null && !q.isEmpty()) {
          fault = q.poll();
        }
      }
    }
    if (sleep > 0) {
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault != null) {
      inFlight.decrementAndGet();
      throw fault;
    }
  }

  private void leave() {
    inFlight.decrementAndGet();
  }

  private void checkCrd(String crd) {
    var id =
        identity(new ObjectRef("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, crd));
    var o = objects.get(id);
    if (o == null || establishAfterChecks <= 0) {
      return;
    }
    int checks = crdChecks.merge(crd, 1, Integer::sum);
    if (checks >= establishAfterChecks) {
      o.setAdditionalProperty(
          "status",
          Map.of(
              "conditions",
              List.of(
                  Map.of("type", "NamesAccepted", "status", "True"),
                  Map.of("type", "Established", "status", "True"))));
    }
  }

  /** true: namespaced, false: cluster-scoped, null: unknown kind. */
  @SuppressWarnings("unchecked")
  private @Nullable Boolean scope(ObjectRef ref) {
    var builtIn = BUILT_IN.get(ref.apiVersion() + "/" + ref.kind());
    if (builtIn != null) {
      return builtIn;
    }
    for (var o : objects.values()) {
      if (!"CustomResourceDefinition".equals(o.getKind())
          || !io.vela4j.dispatch.kube.internal.Conditions.isTrue(o, "Established")) {
        continue;
      }
      var spec = (Map<String, Object>) o.getAdditionalProperties().get("spec");
      var names = (Map<String, Object>) spec.get("names");
      if (ref.group().equals(spec.get("group")) && ref.kind().equals(names.get("kind"))) {
        return "Namespaced".equals(spec.get("scope"));
      }
    }
    return null;
  }

  private static Map<String, String> leaves(GenericKubernetesResource object) {
    var out = new TreeMap<String, String>();
    Map<?, ?> tree = JSON.convertValue(object, Map.class);
    flatten("", tree, out);
    out.keySet()
        .removeIf(
            k ->
                k.startsWith(".status")
                    || k.equals(".apiVersion")
                    || k.equals(".kind")
                    || k.equals(".metadata.name")
                    || k.equals(".metadata.namespace")
                    || k.startsWith(".metadata.generation")
                    || k.startsWith(".metadata.resourceVersion"));
    return out;
  }

  private static void flatten(String path, @Nullable Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(path + "." + k, v, out));
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(path + "[" + i + "]", l.get(i), out);
      }
    } else {
      out.put(path, String.valueOf(node));
    }
  }

  private static String identity(ObjectRef ref) {
    return key(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name());
  }

  private static String key(String apiVersion, String kind, @Nullable String ns, String name) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return group + "/" + kind + "/" + (ns == null ? "" : ns) + "/" + name;
  }

  static GenericKubernetesResource resource(String json) {
    return JSON.unmarshal(json, GenericKubernetesResource.class);
  }
}
