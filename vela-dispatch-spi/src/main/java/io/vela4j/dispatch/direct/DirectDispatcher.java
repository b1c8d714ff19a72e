package io.vela4j.dispatch.direct;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.Capabilities;
import io.vela4j.dispatch.ClusterAssignment;
import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DesiredState;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * Plans direct delivery: each cluster's objects themselves, applied to the cluster's API server,
 * plus an inventory following the Kubernetes ApplySet convention (KEP-3659), so that pruning only
 * ever touches objects this bundle applied.
 *
 * <ul>
 *   <li>Inventory: per cluster, a parent {@code Secret} named {@code applyset-<bundle>} in {@link
 *       DispatchPolicy#inventoryNamespace()} (default {@code default}) with label {@code
 *       applyset.kubernetes.io/id=applyset-<base64url(sha256(<name>.<namespace>.Secret.))>-v1} and
 *       annotations {@code applyset.kubernetes.io/tooling: vela4j/v1}, {@code
 *       applyset.kubernetes.io/contains-group-kinds} (sorted {@code Kind.group} list) and {@code
 *       applyset.kubernetes.io/additional-namespaces} (the other namespaces of the members). Every
 *       member carries the label {@code applyset.kubernetes.io/part-of=<id>}. The parent also
 *       records the policy ({@code dispatch.vela4j.io/deletion}, {@code /prune}).
 *   <li>Waves (per cluster): wave 0 delivers the Namespaces, then the inventory parent (written
 *       before any member, as KubeVela records its ResourceTracker before applying), then the other
 *       foundation objects, then a {@code WAIT_ESTABLISHED} barrier per CRD; waves 1–7 follow
 *       {@link Waves}.
 * </ul>
 *
 * Stateless and thread-safe; registered for {@link java.util.ServiceLoader} with id {@code direct}.
 */
public final class DirectDispatcher implements Dispatcher {

  /** The id. */
  public static final String ID = "direct";

  /** Label on the parent: the ApplySet id. */
  public static final String APPLYSET_ID = "applyset.kubernetes.io/id";

  /** Label on members: the ApplySet id they belong to. */
  public static final String PART_OF = "applyset.kubernetes.io/part-of";

  /** Annotation on the parent: the tool managing the set. */
  public static final String TOOLING = "applyset.kubernetes.io/tooling";

  /** Annotation on the parent: the member group-kinds. */
  public static final String GROUP_KINDS = "applyset.kubernetes.io/contains-group-kinds";

  /** Annotation on the parent: member namespaces other than the parent's. */
  public static final String NAMESPACES = "applyset.kubernetes.io/additional-namespaces";

  /** Annotation on the parent: {@code Delete} or {@code Orphan}. */
  public static final String DELETION = "dispatch.vela4j.io/deletion";

  /** Annotation on the parent: whether removed members are pruned. */
  public static final String PRUNE = "dispatch.vela4j.io/prune";

  /** Creates the dispatcher. */
  public DirectDispatcher() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        Capabilities.OverrideSupport.RENDERED,
        false,
        false,
        false,
        Capabilities.GarbageCollection.INVENTORY,
        0);
  }

  /**
   * The ApplySet id of a parent object, as KEP-3659 defines it: {@code applyset-} + unpadded
   * base64url of the SHA-256 of {@code <name>.<namespace>.<kind>.<group>} + {@code -v1}.
   *
   * @param name the parent's name
   * @param namespace the parent's namespace
   * @param kind the parent's kind
   * @param group the parent's group ({@code ""} for core)
   * @return the id
   */
  public static String applySetId(String name, String namespace, String kind, String group) {
    byte[] digest =
        Json.digest()
            .digest(
                (name + "." + namespace + "." + kind + "." + group)
                    .getBytes(StandardCharsets.UTF_8));
    return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "-v1";
  }

  @Override
  public DispatchPlan plan(DispatchRequest request) {
    DesiredState.Calculator calculator = DesiredState.calculator(request);
    var warnings = new ArrayList<Diagnostic>(calculator.warnings());
    var errors = new ArrayList<Diagnostic>(calculator.errors());
    for (String key : request.options().keySet()) {
      warnings.add(
          Diagnostic.warning(
              "UNKNOWN_OPTION", "the direct dispatcher has no option '" + key + "'", "options"));
    }
    DispatchPolicy policy = request.policy();
    String ns = policy.inventoryNamespace() == null ? "default" : policy.inventoryNamespace();
    String parentName = "applyset-" + request.bundle().id();
    boolean nsInBundle =
        calculator.templates().stream()
            .anyMatch(
                m ->
                    m.key().group().isEmpty()
                        && m.key().kind().equals("Namespace")
                        && m.key().name().equals(ns));
    if (!nsInBundle && !ns.equals("default")) {
      warnings.add(
          Diagnostic.warning(
              "INVENTORY_NAMESPACE_NOT_IN_BUNDLE",
              "the inventory Secret goes to namespace "
                  + ns
                  + ", which the bundle does not create; it must already exist on every cluster",
              "policy.inventoryNamespace"));
    }
    String id = applySetId(parentName, ns, "Secret", "");
    List<ClusterAssignment> clusters = new ArrayList<>(request.placement().clusters());
    clusters.sort(java.util.Comparator.comparing(ClusterAssignment::name));
    List<Delivery> all = new ArrayList<>();
    for (ClusterAssignment assignment : clusters) {
      DesiredState.ClusterObjects rendered = calculator.compute(assignment);
      warnings.addAll(rendered.warnings());
      errors.addAll(rendered.errors());
      if (!rendered.errors().isEmpty()) {
        continue;
      }
      String cluster = assignment.name();
      DeliveryTarget target = DeliveryTarget.cluster(cluster);
      List<Manifest> objects = rendered.objects();
      var groupKinds = new TreeSet<String>();
      var namespaces = new TreeSet<String>();
      List<Delivery> namespacesFirst = new ArrayList<>();
      List<Delivery> foundation = new ArrayList<>();
      List<Delivery> waits = new ArrayList<>();
      List<Delivery> rest = new ArrayList<>();
      for (Manifest m : objects) {
        ResourceKey k = m.key();
        groupKinds.add(k.group().isEmpty() ? k.kind() : k.kind() + "." + k.group());
        if (k.namespace() != null && !k.namespace().equals(ns)) {
          namespaces.add(k.namespace());
        }
        ObjectNode body = m.body();
        body.withObject("/metadata").withObject("/labels").put(PART_OF, id);
        int wave = Waves.of(k);
        Delivery d = Delivery.of(target, wave, Delivery.Action.APPLY, body);
        if (wave != Waves.FOUNDATION) {
          rest.add(d);
        } else if (k.group().isEmpty() && k.kind().equals("Namespace")) {
          namespacesFirst.add(d);
        } else {
          foundation.add(d);
          if (Waves.isCrd(k)) {
            waits.add(Delivery.of(target, 0, Delivery.Action.WAIT_ESTABLISHED, body));
          }
        }
      }
      ObjectNode parent =
          Labels.wrapper(
              "v1", "Secret", parentName, ns, request.bundle().id(), request.bundle().revision());
      ObjectNode meta = (ObjectNode) parent.get("metadata");
      ((ObjectNode) meta.get("labels")).put(APPLYSET_ID, id);
      ((ObjectNode) meta.get("labels")).put(Labels.CLUSTER, cluster);
      ObjectNode ann = (ObjectNode) meta.get("annotations");
      ann.put(TOOLING, "vela4j/v1");
      ann.put(GROUP_KINDS, String.join(",", groupKinds));
      ann.put(NAMESPACES, String.join(",", namespaces));
      ann.put(DELETION, policy.deletion() == DispatchPolicy.Deletion.ORPHAN ? "Orphan" : "Delete");
      ann.put(PRUNE, Boolean.toString(policy.prune()));
      parent.put("type", "Opaque");
      all.addAll(namespacesFirst);
      all.add(Delivery.of(target, 0, Delivery.Action.APPLY, parent));
      all.addAll(foundation);
      all.addAll(waits);
      all.addAll(rest);
    }
    if (!errors.isEmpty()) {
      throw new io.vela4j.dispatch.DispatchException(errors);
    }
    return DispatchPlan.of(ID, all, warnings);
  }
}
