package io.vela4j.dispatch.kube.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.kube.ApiServer;
import io.vela4j.dispatch.kube.ApiServerException;
import io.vela4j.dispatch.kube.ClusterOutcome;
import io.vela4j.dispatch.kube.ObjectOutcome;
import io.vela4j.dispatch.kube.ObjectOutcome.Operation;
import io.vela4j.dispatch.kube.ObjectOutcome.Result;
import io.vela4j.dispatch.kube.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Applies one target's deliveries: wave by wave, waiting for CRDs applied in a wave to be
 * Established before the next, recording the ApplySet inventory before each wave and after a
 * failure, and pruning once every wave succeeded. One instance per run; not thread-safe.
 */
public final class ClusterRun {
  private static final String CRD_KIND = "CustomResourceDefinition";

  private final DeliveryTarget target;
  private final ApiServer api;
  private final List<Step> steps;
  private final RunSettings settings;
  private final List<ObjectOutcome> outcomes = new ArrayList<>();

  /** Members known to exist (identity key to ref): previous inventory plus what we applied. */
  private final Map<String, ObjectRef> members = new TreeMap<>();

  private @Nullable GenericKubernetesResource plannedParent;
  private @Nullable String applySetId;

  /** What the parent last recorded; a sentinel so the parent is written at least once per run. */
  private String lastRecorded = "\u0000unwritten";

  private final @Nullable WrapperPrune wrapperPrune;

  /** A run of {@code steps} (in plan order) against {@code api}. */
  public ClusterRun(DeliveryTarget target, ApiServer api, List<Step> steps, RunSettings settings) {
    this(target, api, steps, settings, null);
  }

  /** A run that also prunes stale wrapper objects (control planes) when every wave succeeded. */
  public ClusterRun(
      DeliveryTarget target,
      ApiServer api,
      List<Step> steps,
      RunSettings settings,
      @Nullable WrapperPrune wrapperPrune) {
    this.target = target;
    this.api = api;
    this.steps = List.copyOf(steps);
    this.settings = settings;
    this.wrapperPrune = wrapperPrune;
  }

  /** Runs to completion; never throws for API errors (they become outcomes). */
  public ClusterOutcome run() {
    var waves = new TreeMap<Integer, List<Step>>();
    for (var step : steps) {
      if (step.operation() == Operation.APPLY && Inventory.isParent(step.object())) {
        if (readOnly()) {
          continue; // READ_ONLY never writes, so there is no inventory to keep
        }
        if (plannedParent != null) {
          return fail("the plan has two ApplySet parents for " + target.display(), -1);
        }
        plannedParent = step.object();
        applySetId = Inventory.id(step.object());
        continue;
      }
      waves.computeIfAbsent(step.wave(), w -> new ArrayList<>()).add(step);
    }
    if (plannedParent != null) {
      try {
        api.get(ObjectRef.of(plannedParent))
            .ifPresent(live -> Inventory.members(live).forEach(m -> members.put(identity(m), m)));
      } catch (ApiServerException e) {
        return fail(
            "cannot read the inventory " + ObjectRef.of(plannedParent) + ": " + message(e), -1);
      }
    }
    var previous = new LinkedHashMap<>(members);

    int failedWave = -1;
    for (var entry : waves.entrySet()) {
      int wave = entry.getKey();
      var waveSteps = entry.getValue();
      if (failedWave >= 0) {
        var reason = "not attempted: wave " + failedWave + " failed";
        waveSteps.forEach(s -> outcomes.add(outcome(s, Result.SKIPPED, reason)));
        continue;
      }
      if (!runWave(wave, waveSteps)) {
        failedWave = wave;
      }
    }

    String error = "";
    if (failedWave < 0 && settings.prune() && plannedParent != null) {
      prune(
          previous.values(),
          waves.values().stream().flatMap(List::stream).toList(),
          waves.isEmpty() ? 0 : waves.lastKey() + 1);
    }
    if (failedWave < 0 && settings.prune() && wrapperPrune != null) {
      pruneWrappers(
          waves.values().stream().flatMap(List::stream).toList(),
          waves.isEmpty() ? 0 : waves.lastKey() + 1);
    }
    if (plannedParent != null) {
      try {
        record(members.values());
      } catch (ApiServerException e) {
        error = "cannot record the inventory: " + message(e);
      }
    }
    boolean ok =
        failedWave < 0 && error.isEmpty() && outcomes.stream().noneMatch(ObjectOutcome::failed);
    var outcome =
        new ClusterOutcome(
            target,
            ok,
            outcomes,
            failedWave,
            plannedParent == null ? List.of() : List.copyOf(new TreeSet<>(members.values())),
            error);
    settings.listener().targetFinished(outcome);
    return outcome;
  }

  private boolean runWave(int wave, List<Step> waveSteps) {
    int before = outcomes.size();
    if (plannedParent != null) {
      var planned = new ArrayList<>(members.values());
      waveSteps.stream()
          .filter(s -> s.operation() == Operation.APPLY)
          .map(Step::ref)
          .forEach(planned::add);
      if (!recordBeforeWave(planned, waveSteps, wave)) {
        waveSteps.stream()
            .filter(s -> !alreadyDone(s))
            .forEach(
                s ->
                    outcomes.add(
                        outcome(
                            s,
                            Result.SKIPPED,
                            "not attempted: the inventory could not be recorded first")));
        settings.listener().waveFinished(target, wave, waveSteps.size(), false);
        return false;
      }
    }
    var waits = new LinkedHashSet<ObjectRef>();
    for (var step : waveSteps) {
      if (alreadyDone(step)) {
        continue;
      }
      switch (step.operation()) {
        case APPLY -> {
          if (apply(step) && CRD_KIND.equals(step.object().getKind())) {
            waits.add(step.ref());
          }
        }
        case DELETE -> {
          if (readOnly()) {
            outcomes.add(outcome(step, Result.SKIPPED, "update strategy READ_ONLY never deletes"));
          } else {
            delete(step);
          }
        }
        case WAIT_ESTABLISHED -> waits.add(step.ref());
        default -> throw new IllegalStateException("unexpected step " + step.operation());
      }
    }
    boolean applyFailed =
        outcomes.subList(before, outcomes.size()).stream().anyMatch(ObjectOutcome::failed);
    if (!applyFailed) {
      for (var ref : waits) {
        waitReady(ref, wave);
      }
    }
    boolean ok =
        outcomes.subList(before, outcomes.size()).stream().noneMatch(ObjectOutcome::failed);
    settings.listener().waveFinished(target, wave, waveSteps.size(), ok);
    return ok;
  }

  private final Set<ObjectRef> doneEarly = new LinkedHashSet<>();

  private boolean readOnly() {
    return settings.strategy() == DispatchPolicy.UpdateStrategy.READ_ONLY;
  }

  private boolean alreadyDone(Step step) {
    return step.operation() == Operation.APPLY && doneEarly.contains(step.ref());
  }

  /**
   * Records the inventory before a wave. When the parent's namespace does not exist yet, the wave's
   * Namespace objects are applied first, then the record is retried.
   */
  private boolean recordBeforeWave(List<ObjectRef> planned, List<Step> waveSteps, int wave) {
    try {
      record(planned);
      return true;
    } catch (ApiServerException e) {
      if (e.kind() != ApiServerException.Kind.NOT_FOUND) {
        outcomes.add(
            new ObjectOutcome(
                ObjectRef.of(plannedParent),
                wave,
                Operation.INVENTORY,
                Result.FAILED,
                e.getMessage()));
        return false;
      }
      var namespaces =
          waveSteps.stream()
              .filter(
                  s -> s.operation() == Operation.APPLY && "Namespace".equals(s.object().getKind()))
              .toList();
      if (namespaces.isEmpty()) {
        outcomes.add(
            new ObjectOutcome(
                ObjectRef.of(plannedParent),
                wave,
                Operation.INVENTORY,
                Result.FAILED,
                e.getMessage()));
        return false;
      }
      for (var ns : namespaces) {
        doneEarly.add(ns.ref());
        if (!apply(ns)) {
          return false;
        }
      }
      try {
        record(planned);
        return true;
      } catch (ApiServerException again) {
        outcomes.add(
            new ObjectOutcome(
                ObjectRef.of(plannedParent),
                wave,
                Operation.INVENTORY,
                Result.FAILED,
                again.getMessage()));
        return false;
      }
    }
  }

  private void record(java.util.Collection<ObjectRef> refs) {
    var key = recordKey(refs);
    if (key.equals(lastRecorded)) {
      return;
    }
    var parent = Inventory.withMembers(plannedParent, refs);
    api.apply(parent, settings.fieldManager(), settings.force());
    lastRecorded = key;
  }

  private static String recordKey(java.util.Collection<ObjectRef> refs) {
    var sorted = new TreeSet<>(refs);
    return sorted.toString();
  }

  private boolean apply(Step step) {
    var object = applySetId == null ? step.object() : Inventory.labelled(step.object(), applySetId);
    try {
      var strategy = settings.strategy();
      if (strategy == DispatchPolicy.UpdateStrategy.READ_ONLY
          || strategy == DispatchPolicy.UpdateStrategy.CREATE_ONLY) {
        if (api.get(step.ref()).isPresent()) {
          members.put(identity(step.ref()), step.ref());
          outcomes.add(outcome(step, Result.UNCHANGED, "exists; update strategy " + strategy));
          return true;
        }
        if (strategy == DispatchPolicy.UpdateStrategy.READ_ONLY) {
          outcomes.add(outcome(step, Result.FAILED, "does not exist (update strategy READ_ONLY)"));
          return false;
        }
      }
      api.apply(object, settings.fieldManager(), settings.force());
      members.put(identity(step.ref()), step.ref());
      outcomes.add(outcome(step, Result.APPLIED, ""));
      return true;
    } catch (ApiServerException e) {
      var result = e.kind() == ApiServerException.Kind.CONFLICT ? Result.CONFLICT : Result.FAILED;
      outcomes.add(outcome(step, result, message(e)));
      return false;
    }
  }

  private void delete(Step step) {
    try {
      boolean existed = api.delete(step.ref(), settings.orphanDependents());
      members.remove(identity(step.ref()));
      outcomes.add(outcome(step, existed ? Result.DELETED : Result.ABSENT, ""));
    } catch (ApiServerException e) {
      outcomes.add(outcome(step, Result.FAILED, message(e)));
    }
  }

  /**
   * Polls until {@code ref} is ready: a CRD Established, an OCM ManifestWork Applied, any other
   * object present.
   */
  private void waitReady(ObjectRef ref, int wave) {
    int polls = Math.max(1, settings.establishedPolls());
    for (int i = 0; i < polls; i++) {
      try {
        if (ready(ref)) {
          outcomes.add(
              new ObjectOutcome(ref, wave, Operation.WAIT_ESTABLISHED, Result.ESTABLISHED, ""));
          return;
        }
      } catch (ApiServerException e) {
        outcomes.add(
            new ObjectOutcome(ref, wave, Operation.WAIT_ESTABLISHED, Result.FAILED, message(e)));
        return;
      }
      if (i + 1 < polls) {
        try {
          settings.sleeper().sleep(settings.pollInterval());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          outcomes.add(
              new ObjectOutcome(
                  ref,
                  wave,
                  Operation.WAIT_ESTABLISHED,
                  Result.FAILED,
                  "interrupted while waiting for readiness"));
          return;
        }
      }
    }
    var what =
        CRD_KIND.equals(ref.kind())
            ? "not Established"
            : isManifestWork(ref) ? "not Applied" : "does not exist";
    outcomes.add(
        new ObjectOutcome(
            ref,
            wave,
            Operation.WAIT_ESTABLISHED,
            Result.FAILED,
            what
                + " after "
                + polls
                + " checks "
                + settings.pollInterval().toMillis()
                + " ms apart"));
  }

  private boolean ready(ObjectRef ref) {
    if (CRD_KIND.equals(ref.kind())) {
      return api.crdEstablished(ref.name());
    }
    var live = api.get(ref);
    if (isManifestWork(ref)) {
      return live.map(w -> Conditions.isTrue(w, "Applied")).orElse(false);
    }
    return live.isPresent();
  }

  private static boolean isManifestWork(ObjectRef ref) {
    return "ManifestWork".equals(ref.kind())
        && "work.open-cluster-management.io".equals(ref.group());
  }

  /**
   * Deletes inventory members that are no longer desired: the previous inventory plus objects found
   * by the part-of label (for each kind and namespace the inventory or plan uses), minus the
   * desired objects. Only objects whose live labels say they belong to this ApplySet are deleted;
   * Namespaces and CRDs are never pruned.
   */
  private void prune(java.util.Collection<ObjectRef> previous, List<Step> planned, int wave) {
    var desired = new LinkedHashSet<String>();
    planned.stream()
        .filter(s -> s.operation() == Operation.APPLY)
        .forEach(s -> desired.add(identity(s.ref())));
    var candidates = new TreeMap<String, ObjectRef>();
    for (var ref : previous) {
      if (!desired.contains(identity(ref))) {
        candidates.put(identity(ref), ref);
      }
    }
    // objects labelled as members but missing from the recorded list
    var scopes = new TreeSet<String>();
    var all = new ArrayList<ObjectRef>(previous);
    planned.stream().filter(s -> s.operation() == Operation.APPLY).map(Step::ref).forEach(all::add);
    for (var ref : all) {
      scopes.add(
          ref.apiVersion()
              + "|"
              + ref.kind()
              + "|"
              + (ref.namespace() == null ? "" : ref.namespace()));
    }
    for (var scope : scopes) {
      var parts = scope.split("\\|", -1);
      try {
        for (var live :
            api.list(
                parts[0],
                parts[1],
                parts[2].isEmpty() ? null : parts[2],
                Map.of(Inventory.PART_OF_LABEL, applySetId))) {
          var ref = ObjectRef.of(withApiVersion(live, parts[0], parts[1]));
          if (!desired.contains(identity(ref))) {
            candidates.putIfAbsent(identity(ref), ref);
          }
        }
      } catch (ApiServerException e) {
        if (e.kind() != ApiServerException.Kind.NOT_FOUND) {
          outcomes.add(
              new ObjectOutcome(
                  ObjectRef.of(plannedParent),
                  wave,
                  Operation.PRUNE,
                  Result.FAILED,
                  "cannot list " + parts[1] + " for prune: " + message(e)));
        }
      }
    }
    var ordered = new ArrayList<>(candidates.values());
    ordered.sort(Comparator.comparingInt(ClusterRun::deleteRank).thenComparing(r -> r));
    for (var ref : ordered) {
      if ("Namespace".equals(ref.kind()) || CRD_KIND.equals(ref.kind())) {
        members.remove(identity(ref));
        outcomes.add(
            new ObjectOutcome(
                ref,
                wave,
                Operation.PRUNE,
                Result.SKIPPED,
                "Namespaces and CustomResourceDefinitions are never pruned; delete them explicitly"));
        continue;
      }
      try {
        var live = api.get(ref);
        if (live.isEmpty()) {
          members.remove(identity(ref));
          outcomes.add(new ObjectOutcome(ref, wave, Operation.PRUNE, Result.ABSENT, ""));
          continue;
        }
        if (!Inventory.isMember(live.get(), applySetId)) {
          members.remove(identity(ref));
          outcomes.add(
              new ObjectOutcome(
                  ref,
                  wave,
                  Operation.PRUNE,
                  Result.SKIPPED,
                  "not labelled " + Inventory.PART_OF_LABEL + "=" + applySetId + "; left alone"));
          continue;
        }
        boolean existed = api.delete(ref, settings.orphanDependents());
        members.remove(identity(ref));
        outcomes.add(
            new ObjectOutcome(
                ref, wave, Operation.PRUNE, existed ? Result.DELETED : Result.ABSENT, ""));
      } catch (ApiServerException e) {
        members.putIfAbsent(identity(ref), ref);
        outcomes.add(new ObjectOutcome(ref, wave, Operation.PRUNE, Result.FAILED, message(e)));
      }
    }
  }

  /**
   * Deletes wrapper objects labelled with this bundle that the plan no longer contains (stale OCM
   * chunks, policies of clusters or namespaces that left the placement). Kinds whose CRD is not
   * installed are skipped.
   */
  private void pruneWrappers(List<Step> planned, int wave) {
    var desired = new LinkedHashSet<String>();
    planned.stream()
        .filter(s -> s.operation() == Operation.APPLY)
        .forEach(s -> desired.add(identity(s.ref())));
    var stale = new TreeMap<String, ObjectRef>();
    for (var kind : wrapperPrune.kinds()) {
      var parts = kind.split("\\|", -1);
      try {
        for (var live :
            api.list(
                parts[0],
                parts[1],
                null,
                Map.of(wrapperPrune.labelKey(), wrapperPrune.labelValue()))) {
          var ref = ObjectRef.of(withApiVersion(live, parts[0], parts[1]));
          if (!desired.contains(identity(ref))) {
            stale.put(identity(ref), ref);
          }
        }
      } catch (ApiServerException e) {
        if (e.kind() != ApiServerException.Kind.NOT_FOUND) {
          outcomes.add(
              new ObjectOutcome(
                  new ObjectRef(parts[0], parts[1], null, "*"),
                  wave,
                  Operation.PRUNE,
                  Result.FAILED,
                  "cannot list " + parts[1] + " for prune: " + message(e)));
        }
      }
    }
    for (var ref : stale.values()) {
      try {
        boolean existed = api.delete(ref, settings.orphanDependents());
        outcomes.add(
            new ObjectOutcome(
                ref, wave, Operation.PRUNE, existed ? Result.DELETED : Result.ABSENT, ""));
      } catch (ApiServerException e) {
        outcomes.add(new ObjectOutcome(ref, wave, Operation.PRUNE, Result.FAILED, message(e)));
      }
    }
  }

  private static GenericKubernetesResource withApiVersion(
      GenericKubernetesResource live, String apiVersion, String kind) {
    // list items may come back without apiVersion/kind (the list carries them)
    if (live.getApiVersion() == null || live.getKind() == null) {
      var copy = Inventory.copy(live);
      copy.setApiVersion(apiVersion);
      copy.setKind(kind);
      return copy;
    }
    return live;
  }

  /** Workloads first, then services, config, RBAC, then anything else (reverse apply order). */
  private static int deleteRank(ObjectRef ref) {
    return switch (ref.kind()) {
      case "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService" -> 0;
      case "Deployment",
          "StatefulSet",
          "DaemonSet",
          "ReplicaSet",
          "Job",
          "CronJob",
          "Pod",
          "HorizontalPodAutoscaler",
          "ReplicationController" ->
          1;
      case "Service", "Ingress" -> 2;
      case "ConfigMap", "Secret", "PersistentVolumeClaim" -> 3;
      case "ServiceAccount",
          "NetworkPolicy",
          "ResourceQuota",
          "LimitRange",
          "PodDisruptionBudget" ->
          4;
      case "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding" -> 5;
      default -> ref.group().isEmpty() || ref.group().endsWith(".k8s.io") ? 6 : 1;
    };
  }

  /**
   * Identity ignores the version: {@code apps/v1} and {@code apps/v1beta2} name the same object.
   */
  static String identity(ObjectRef ref) {
    return ref.group()
        + "/"
        + ref.kind()
        + "/"
        + (ref.namespace() == null ? "" : ref.namespace())
        + "/"
        + ref.name();
  }

  private ObjectOutcome outcome(Step step, Result result, String message) {
    return new ObjectOutcome(step.ref(), step.wave(), step.operation(), result, message);
  }

  private static String message(ApiServerException e) {
    var text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e.code() > 0 && !text.contains("HTTP " + e.code())) {
      text = "HTTP " + e.code() + ": " + text;
    }
    return text;
  }

  private ClusterOutcome fail(String error, int wave) {
    for (var step : steps) {
      outcomes.add(outcome(step, Result.SKIPPED, "not attempted: " + error));
    }
    var outcome = new ClusterOutcome(target, false, outcomes, wave, List.of(), error);
    settings.listener().targetFinished(outcome);
    return outcome;
  }
}
