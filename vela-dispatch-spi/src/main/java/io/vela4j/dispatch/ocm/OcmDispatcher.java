package io.vela4j.dispatch.ocm;

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
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.dispatch.Waves;
import io.vela4j.dispatch.internal.Json;
import io.vela4j.dispatch.internal.Labels;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans delivery through Open Cluster Management: {@code ManifestWork}s
 * (work.open-cluster-management.io/v1) on the hub, one or more per cluster in the cluster's
 * namespace, with per-cluster replicas and overrides baked in (OCM has no override API).
 *
 * <ul>
 *   <li>Names: {@code <bundle>-<cluster>-<n>}, n from 0. A cluster whose manifests fit within
 *       {@link DispatchPolicy#maxPayloadBytes()} (default 512000, the hub webhook's default limit
 *       on the summed manifest sizes) gets one work ({@code -0}). Otherwise the foundation objects
 *       (wave 0: Namespaces, CRDs, ...) are packed first into their own chunk(s), then the rest in
 *       wave order, greedily; the foundation works are delivered in wave 0 followed by a {@code
 *       WAIT_ESTABLISHED} barrier on each (wait for the work's {@code Applied} condition), the
 *       others in wave 1. Work names never exceed 188 characters (253 minus the 65 characters the
 *       agent's AppliedManifestWork prefix adds).
 *   <li>{@code manifestConfigs}: one per manifest, with {@code resourceIdentifier} (plural resource
 *       from the {@link io.vela4j.dispatch.ResourceScopes}), {@code updateStrategy} from the policy
 *       (ServerSideApply with field manager {@code work-agent-<fieldManager>} unless it already
 *       starts with {@code work-agent}, and {@code force} for {@code OVERWRITE}; or {@code
 *       Update}/{@code CreateOnly}/{@code ReadOnly}), and {@code feedbackRules} for the policy's
 *       rules of the manifest's kind.
 *   <li>{@code deleteOption.propagationPolicy}: {@code Foreground} for {@code DELETE}, {@code
 *       Orphan} for {@code ORPHAN}.
 *   <li>Labels {@code dispatch.vela4j.io/bundle}, {@code /cluster}, {@code /chunk} and annotation
 *       {@code dispatch.vela4j.io/revision} on every work, so an executor can find stale chunks.
 * </ul>
 *
 * Errors: {@code PAYLOAD_TOO_LARGE} when one object alone exceeds the limit. Stateless and
 * thread-safe; registered for {@link java.util.ServiceLoader} with id {@code ocm}.
 */
public final class OcmDispatcher implements Dispatcher {

  /** The id. */
  public static final String ID = "ocm";

  /** The longest work name the agent can handle (253 − 65). */
  public static final int MAX_WORK_NAME = 188;

  /**
   * Option: {@code explicit} (default: ManifestWorks per cluster) or {@code placement}: let OCM
   * schedule, with one {@code Placement} (cluster.open-cluster-management.io/v1beta1) selecting the
   * placement's clusters by label and one {@code ManifestWorkReplicaSet}
   * (work.open-cluster-management.io/v1alpha1, hub feature gate {@code ManifestWorkReplicaSet}).
   * Only possible when every cluster gets identical objects (MWRS has no per-cluster overrides,
   * api#353) and they fit in one work.
   */
  public static final String OPTION_SCHEDULING = "ocm.scheduling";

  /**
   * Option: the hub namespace of the Placement and ManifestWorkReplicaSet (default {@code
   * default}).
   */
  public static final String OPTION_NAMESPACE = "ocm.namespace";

  /**
   * Option: comma-separated ManagedClusterSets the Placement selects from (default: none given).
   */
  public static final String OPTION_CLUSTER_SETS = "ocm.clusterSets";

  /**
   * Option: the ManagedCluster label holding the cluster name, used by the Placement's label
   * selector (default {@code name}, the label OCM/ACM installations conventionally set).
   */
  public static final String OPTION_NAME_LABEL = "ocm.clusterNameLabel";

  private static final java.util.Set<String> OPTIONS =
      new java.util.TreeSet<>(
          List.of(OPTION_SCHEDULING, OPTION_NAMESPACE, OPTION_CLUSTER_SETS, OPTION_NAME_LABEL));

  /** Creates the dispatcher. */
  public OcmDispatcher() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        Capabilities.OverrideSupport.RENDERED,
        false,
        true,
        true,
        Capabilities.GarbageCollection.NATIVE,
        DispatchPolicy.OCM_DEFAULT_MAX_PAYLOAD_BYTES);
  }

  @Override
  public DispatchPlan plan(DispatchRequest request) {
    DesiredState.Calculator calculator = DesiredState.calculator(request);
    var warnings = new ArrayList<Diagnostic>(calculator.warnings());
    var errors = new ArrayList<Diagnostic>(calculator.errors());
    for (String key : request.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        warnings.add(
            Diagnostic.warning(
                "UNKNOWN_OPTION",
                "the ocm dispatcher has no option '" + key + "' (known: " + OPTIONS + ")",
                "options"));
      }
    }
    DispatchPolicy policy = request.policy();
    feedbackWithoutMatch(calculator.templates(), policy, warnings);
    String bundle = request.bundle().id();
    String scheduling = request.options().getOrDefault(OPTION_SCHEDULING, "explicit");
    if (scheduling.equals("placement")) {
      return ocmScheduled(request, DesiredState.compute(request), warnings);
    }
    if (!scheduling.equals("explicit")) {
      throw new DispatchException(
          Diagnostic.error(
                  "BAD_OPTION", "unknown OCM scheduling mode", "options." + OPTION_SCHEDULING)
              .withFacts("explicit or placement", scheduling));
    }
    List<Delivery> wave0 = new ArrayList<>();
    List<Delivery> wave1 = new ArrayList<>();
    List<ClusterAssignment> clusters = new ArrayList<>(request.placement().clusters());
    clusters.sort(java.util.Comparator.comparing(ClusterAssignment::name));
    for (ClusterAssignment assignment : clusters) {
      DesiredState.ClusterObjects rendered = calculator.compute(assignment);
      warnings.addAll(rendered.warnings());
      errors.addAll(rendered.errors());
      if (!rendered.errors().isEmpty()) {
        continue;
      }
      String cluster = assignment.name();
      List<Manifest> objects = rendered.objects();
      List<List<Manifest>> chunks = chunk(objects, policy.maxPayloadBytes(), cluster, errors);
      boolean split = chunks.size() > 1;
      for (int i = 0; i < chunks.size(); i++) {
        List<Manifest> chunk = chunks.get(i);
        String name = workName(bundle, cluster, i);
        ObjectNode work = manifestWork(name, cluster, i, chunk, request, calculator.scopes());
        boolean foundation =
            split && Waves.of(chunk.get(chunk.size() - 1).key()) == Waves.FOUNDATION;
        if (foundation) {
          wave0.add(Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, work));
          wave0.add(
              Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.WAIT_ESTABLISHED, work));
        } else if (split) {
          wave1.add(Delivery.of(DeliveryTarget.CONTROL_PLANE, 1, Delivery.Action.APPLY, work));
        } else {
          wave0.add(Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, work));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DispatchException(errors);
    }
    var all = new ArrayList<Delivery>(wave0);
    all.addAll(wave1);
    return DispatchPlan.of(ID, all, warnings);
  }

  private static DispatchPlan ocmScheduled(
      DispatchRequest request, DesiredState state, List<Diagnostic> warnings) {
    List<String> clusters = new ArrayList<>(state.clusters());
    clusters.sort(null);
    List<Manifest> first = state.objects(clusters.get(0));
    var differing = new ArrayList<String>();
    for (String c : clusters) {
      if (!state.objects(c).equals(first)) {
        differing.add(c);
      }
    }
    if (!differing.isEmpty()) {
      throw new DispatchException(
          Diagnostic.error(
                  "OCM_SCHEDULING_NOT_UNIFORM",
                  "ocm.scheduling=placement needs identical objects on every cluster"
                      + " (ManifestWorkReplicaSet has no per-cluster overrides, OCM api#353), but "
                      + String.join(", ", differing)
                      + " differ from "
                      + clusters.get(0)
                      + "; drop per-cluster replicas/overrides or use explicit scheduling",
                  "options." + OPTION_SCHEDULING)
              .withFacts("identical per-cluster objects", differing.size() + " clusters differ"));
    }
    var errors = new ArrayList<Diagnostic>();
    List<List<Manifest>> chunks =
        chunk(first, request.policy().maxPayloadBytes(), clusters.get(0), errors);
    if (errors.isEmpty() && chunks.size() > 1) {
      errors.add(
          Diagnostic.error(
                  "PAYLOAD_TOO_LARGE",
                  "the bundle does not fit in one ManifestWork, and a ManifestWorkReplicaSet"
                      + " cannot be split; use explicit scheduling",
                  "policy.maxPayloadBytes")
              .withFacts(
                  "at most " + request.policy().maxPayloadBytes() + " bytes",
                  chunks.size() + " chunks"));
    }
    if (!errors.isEmpty()) {
      throw new DispatchException(errors);
    }
    String ns = request.options().getOrDefault(OPTION_NAMESPACE, "default");
    String bundle = request.bundle().id();
    String revision = request.bundle().revision();
    ObjectNode placement =
        Labels.wrapper(
            "cluster.open-cluster-management.io/v1beta1",
            "Placement",
            bundle,
            ns,
            bundle,
            revision);
    ObjectNode pspec = placement.putObject("spec");
    String sets = request.options().getOrDefault(OPTION_CLUSTER_SETS, "");
    if (!sets.isBlank()) {
      ArrayNode a = pspec.putArray("clusterSets");
      for (String set : Json.split(sets, ',')) {
        if (!set.isBlank()) {
          a.add(set.trim());
        }
      }
    } else {
      warnings.add(
          Diagnostic.warning(
              "OCM_NO_CLUSTER_SETS",
              "the Placement lists no clusterSets: it selects from the ManagedClusterSets bound to"
                  + " namespace "
                  + ns
                  + " (none bound means no cluster is selected)",
              "options." + OPTION_CLUSTER_SETS));
    }
    pspec.put("numberOfClusters", clusters.size());
    ObjectNode expr =
        pspec
            .putArray("predicates")
            .addObject()
            .putObject("requiredClusterSelector")
            .putObject("labelSelector")
            .putArray("matchExpressions")
            .addObject();
    expr.put("key", request.options().getOrDefault(OPTION_NAME_LABEL, "name"));
    expr.put("operator", "In");
    ArrayNode values = expr.putArray("values");
    clusters.forEach(values::add);
    ObjectNode work = manifestWork("template", clusters.get(0), 0, first, request, state.scopes());
    ObjectNode mwrs =
        Labels.wrapper(
            "work.open-cluster-management.io/v1alpha1",
            "ManifestWorkReplicaSet",
            bundle,
            ns,
            bundle,
            revision);
    ObjectNode mspec = mwrs.putObject("spec");
    mspec.set("manifestWorkTemplate", work.get("spec"));
    mspec.put("cascadeDeletionPolicy", "Background");
    mspec
        .putArray("placementRefs")
        .addObject()
        .put("name", bundle)
        .putObject("rolloutStrategy")
        .put("type", "All");
    warnings.add(
        Diagnostic.warning(
            "OCM_FEATURE_GATE",
            "ManifestWorkReplicaSet needs the hub feature gate ManifestWorkReplicaSet (Alpha, off"
                + " by default)",
            "options." + OPTION_SCHEDULING));
    return DispatchPlan.of(
        ID,
        List.of(
            Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, placement),
            Delivery.of(DeliveryTarget.CONTROL_PLANE, 0, Delivery.Action.APPLY, mwrs)),
        warnings);
  }

  /**
   * The name of chunk {@code index} of a bundle's work for a cluster: {@code
   * <bundle>-<cluster>-<index>}.
   *
   * @param bundle the bundle id
   * @param cluster the cluster name
   * @param index the chunk index
   * @return the name
   * @throws DispatchException {@code NAME_TOO_LONG} when it exceeds {@value #MAX_WORK_NAME}
   *     characters
   */
  public static String workName(String bundle, String cluster, int index) {
    String name = bundle + "-" + cluster + "-" + index;
    if (name.length() > MAX_WORK_NAME) {
      throw new DispatchException(
          Diagnostic.error(
                  "NAME_TOO_LONG",
                  "ManifestWork name "
                      + name
                      + " is too long: the work agent prefixes it with a"
                      + " 65-character hash for its AppliedManifestWork",
                  "bundle")
              .withFacts(
                  "at most " + MAX_WORK_NAME + " characters", name.length() + " characters"));
    }
    return name;
  }

  /** Size of a manifest as OCM's webhook counts it (its serialized JSON). */
  static int size(Manifest m) {
    return m.canonicalJson().getBytes(StandardCharsets.UTF_8).length;
  }

  static List<List<Manifest>> chunk(
      List<Manifest> objects, int limit, String cluster, List<Diagnostic> errors) {
    int total = 0;
    int[] sizes = new int[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      Manifest m = objects.get(i);
      sizes[i] = size(m);
      total += sizes[i];
      if (sizes[i] > limit) {
        errors.add(
            Diagnostic.error(
                    "PAYLOAD_TOO_LARGE",
                    m.key().display()
                        + " for cluster "
                        + cluster
                        + " is "
                        + sizes[i]
                        + " bytes, more than one ManifestWork may carry; shrink it or raise"
                        + " policy.maxPayloadBytes (and the hub's --manifestLimit)",
                    "policy.maxPayloadBytes")
                .withFacts("at most " + limit + " bytes", sizes[i] + " bytes"));
      }
    }
    List<List<Manifest>> chunks = new ArrayList<>();
    if (objects.isEmpty()) {
      return chunks;
    }
    if (total <= limit) {
      chunks.add(objects);
      return chunks;
    }
    List<Manifest> cur = new ArrayList<>();
    int curSize = 0;
    boolean curFoundation = true;
    for (int i = 0; i < objects.size(); i++) {
      boolean foundation = Waves.of(objects.get(i).key()) == Waves.FOUNDATION;
      boolean boundary =
          !cur.isEmpty() && (curSize + sizes[i] > limit || curFoundation != foundation);
      if (boundary) {
        chunks.add(List.copyOf(cur));
        cur.clear();
        curSize = 0;
      }
      curFoundation = foundation;
      cur.add(objects.get(i));
      curSize += sizes[i];
    }
    chunks.add(List.copyOf(cur));
    return chunks;
  }

  private static ObjectNode manifestWork(
      String name,
      String cluster,
      int index,
      List<Manifest> chunk,
      DispatchRequest request,
      ResourceScopes scopes) {
    DispatchPolicy policy = request.policy();
    ObjectNode work =
        Labels.wrapper(
            "work.open-cluster-management.io/v1",
            "ManifestWork",
            name,
            cluster,
            request.bundle().id(),
            request.bundle().revision());
    ObjectNode labels = (ObjectNode) work.get("metadata").get("labels");
    labels.put(Labels.CLUSTER, cluster);
    labels.put(Labels.CHUNK, Integer.toString(index));
    ObjectNode spec = work.putObject("spec");
    ArrayNode manifests = spec.putObject("workload").putArray("manifests");
    ArrayNode configs = spec.putArray("manifestConfigs");
    for (Manifest m : chunk) {
      manifests.addRawValue(new com.fasterxml.jackson.databind.util.RawValue(m.canonicalJson()));
      configs.add(manifestConfig(m.key(), policy, scopes));
    }
    spec.putObject("deleteOption")
        .put(
            "propagationPolicy",
            policy.deletion() == DispatchPolicy.Deletion.ORPHAN ? "Orphan" : "Foreground");
    return work;
  }

  /** The field manager OCM accepts: the policy's, prefixed with {@code work-agent-} if needed. */
  public static String fieldManager(DispatchPolicy policy) {
    String fm = policy.fieldManager();
    return fm.startsWith("work-agent") ? fm : "work-agent-" + fm;
  }

  private static ObjectNode manifestConfig(
      ResourceKey key, DispatchPolicy policy, ResourceScopes scopes) {
    ObjectNode c = Json.NODES.objectNode();
    ObjectNode id = c.putObject("resourceIdentifier");
    id.put("group", key.group());
    id.put("resource", scopes.pluralOrGuess(key.group(), key.kind()));
    id.put("name", key.name());
    if (key.namespace() != null) {
      id.put("namespace", key.namespace());
    }
    ObjectNode us = c.putObject("updateStrategy");
    switch (policy.updateStrategy()) {
      case SERVER_SIDE_APPLY -> {
        us.put("type", "ServerSideApply");
        us.putObject("serverSideApply")
            .put("fieldManager", fieldManager(policy))
            .put("force", policy.conflict() == DispatchPolicy.Conflict.OVERWRITE);
      }
      case UPDATE -> us.put("type", "Update");
      case CREATE_ONLY -> us.put("type", "CreateOnly");
      case READ_ONLY -> us.put("type", "ReadOnly");
      default -> throw new IllegalStateException(policy.updateStrategy().name());
    }
    ArrayNode rules = Json.NODES.arrayNode();
    ArrayNode paths = Json.NODES.arrayNode();
    boolean wellKnown = false;
    for (DispatchPolicy.FeedbackRule r : policy.feedback()) {
      if (!r.kind().equals(key.kind())) {
        continue;
      }
      if (r.wellKnown()) {
        wellKnown = true;
      } else {
        paths.addObject().put("name", r.name()).put("path", r.jsonPath());
      }
    }
    if (wellKnown) {
      rules.addObject().put("type", "WellKnownStatus");
    }
    if (!paths.isEmpty()) {
      ObjectNode jp = rules.addObject();
      jp.put("type", "JSONPaths");
      jp.set("jsonPaths", paths);
    }
    if (!rules.isEmpty()) {
      c.set("feedbackRules", rules);
    }
    return c;
  }

  private static void feedbackWithoutMatch(
      List<Manifest> templates, DispatchPolicy policy, List<Diagnostic> warnings) {
    for (int i = 0; i < policy.feedback().size(); i++) {
      String kind = policy.feedback().get(i).kind();
      if (templates.stream().noneMatch(m -> m.key().kind().equals(kind))) {
        warnings.add(
            Diagnostic.warning(
                "FEEDBACK_NO_MATCH",
                "feedback rule #" + (i + 1) + " is for kind " + kind + ", which the bundle lacks",
                "policy.feedback[" + i + "]"));
      }
    }
  }
}
