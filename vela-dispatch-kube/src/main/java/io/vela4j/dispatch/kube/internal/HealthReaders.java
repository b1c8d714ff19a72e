package io.vela4j.dispatch.kube.internal;

import static io.vela4j.dispatch.kube.internal.Conditions.at;
import static io.vela4j.dispatch.kube.internal.Conditions.number;
import static io.vela4j.dispatch.kube.internal.Conditions.string;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.kube.Health;
import io.vela4j.dispatch.kube.ObjectRef;
import io.vela4j.dispatch.kube.ResourceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Health of live objects, from their {@code status}. Pure functions; unknown shapes never throw.
 *
 * <ul>
 *   <li>Deployment: the controller observed the current generation, and updated and available
 *       replicas reach {@code spec.replicas} (default 1); {@code ProgressDeadlineExceeded} is
 *       unhealthy.
 *   <li>StatefulSet: observed generation, {@code availableReplicas} (or {@code readyReplicas} on
 *       servers before 1.22) and {@code updatedReplicas} reach {@code spec.replicas}.
 *   <li>DaemonSet: {@code numberAvailable} and {@code updatedNumberScheduled} reach {@code
 *       desiredNumberScheduled}.
 *   <li>Job: condition {@code Complete} (healthy) or {@code Failed} (unhealthy).
 *   <li>CustomResourceDefinition: condition {@code Established}.
 *   <li>OCM ManifestWork: {@code Degraded} or {@code Applied=False} (work or any manifest) is
 *       unhealthy; healthy needs {@code Applied} and {@code Available}, and workload feedback (when
 *       present) must show the desired replicas available — OCM's {@code Available} only means the
 *       objects exist.
 *   <li>Karmada (Cluster)ResourceBinding: every scheduled cluster must appear in {@code
 *       aggregatedStatus} with {@code applied: true} and {@code health: Healthy}; {@code
 *       FullyApplied} alone is never healthy (karmada#5867).
 *   <li>Any other kind: healthy when it exists.
 * </ul>
 */
public final class HealthReaders {
  private HealthReaders() {}

  /** The status of a live object (or {@link Health#MISSING} when {@code live} is null). */
  public static ResourceStatus read(ObjectRef ref, @Nullable GenericKubernetesResource live) {
    if (live == null) {
      return new ResourceStatus(ref, false, Health.MISSING, "not found", Map.of());
    }
    var status = live.getAdditionalProperties().get("status");
    var spec = live.getAdditionalProperties().get("spec");
    long generation =
        live.getMetadata() == null || live.getMetadata().getGeneration() == null
            ? 0
            : live.getMetadata().getGeneration();
    String group = ref.group();
    return switch (ref.kind()) {
      case "Deployment" ->
          group.equals("apps") ? deployment(ref, spec, status, generation) : exists(ref);
      case "StatefulSet" ->
          group.equals("apps") ? statefulSet(ref, spec, status, generation) : exists(ref);
      case "DaemonSet" -> group.equals("apps") ? daemonSet(ref, status, generation) : exists(ref);
      case "Job" -> group.equals("batch") ? job(ref, status) : exists(ref);
      case "CustomResourceDefinition" -> crd(ref, status);
      case "ManifestWork" ->
          group.equals("work.open-cluster-management.io") ? manifestWork(ref, status) : exists(ref);
      case "ResourceBinding", "ClusterResourceBinding" ->
          group.equals("work.karmada.io") ? binding(ref, spec, status) : exists(ref);
      default -> exists(ref);
    };
  }

  private static ResourceStatus exists(ObjectRef ref) {
    return new ResourceStatus(ref, true, Health.HEALTHY, "", Map.of());
  }

  private static ResourceStatus of(ObjectRef ref, Health health, String message) {
    return new ResourceStatus(ref, true, health, message, Map.of());
  }

  private static @Nullable String notObserved(@Nullable Object status, long generation) {
    long observed = number(status, -1, "observedGeneration");
    if (generation > 0 && observed >= 0 && observed < generation) {
      return "generation " + generation + " not yet observed (observed " + observed + ")";
    }
    if (status == null) {
      return "no status yet";
    }
    return null;
  }

  private static ResourceStatus deployment(
      ObjectRef ref, @Nullable Object spec, @Nullable Object status, long generation) {
    var deadline = Conditions.condition(status, "Progressing");
    if (deadline.isPresent() && "ProgressDeadlineExceeded".equals(deadline.get().get("reason"))) {
      return of(
          ref, Health.UNHEALTHY, "progress deadline exceeded: " + deadline.get().get("message"));
    }
    var pending = notObserved(status, generation);
    if (pending != null) {
      return of(ref, Health.PROGRESSING, pending);
    }
    long desired = number(spec, 1, "replicas");
    long updated = number(status, 0, "updatedReplicas");
    long available = number(status, 0, "availableReplicas");
    if (updated >= desired && available >= desired) {
      return of(ref, Health.HEALTHY, "");
    }
    return of(
        ref,
        Health.PROGRESSING,
        available + "/" + desired + " available, " + updated + "/" + desired + " updated");
  }

  private static ResourceStatus statefulSet(
      ObjectRef ref, @Nullable Object spec, @Nullable Object status, long generation) {
    var pending = notObserved(status, generation);
    if (pending != null) {
      return of(ref, Health.PROGRESSING, pending);
    }
    long desired = number(spec, 1, "replicas");
    long available = number(status, -1, "availableReplicas");
    if (available < 0) {
      available = number(status, 0, "readyReplicas");
    }
    long updated = number(status, desired, "updatedReplicas");
    if (available >= desired && updated >= desired) {
      return of(ref, Health.HEALTHY, "");
    }
    return of(
        ref,
        Health.PROGRESSING,
        available + "/" + desired + " available, " + updated + "/" + desired + " updated");
  }

  private static ResourceStatus daemonSet(ObjectRef ref, @Nullable Object status, long generation) {
    var pending = notObserved(status, generation);
    if (pending != null) {
      return of(ref, Health.PROGRESSING, pending);
    }
    long desired = number(status, 0, "desiredNumberScheduled");
    long available = number(status, 0, "numberAvailable");
    long updated = number(status, 0, "updatedNumberScheduled");
    if (available >= desired && updated >= desired) {
      return of(ref, Health.HEALTHY, "");
    }
    return of(
        ref,
        Health.PROGRESSING,
        available + "/" + desired + " available, " + updated + "/" + desired + " updated");
  }

  private static ResourceStatus job(ObjectRef ref, @Nullable Object status) {
    var failed = Conditions.condition(status, "Failed");
    if (failed.isPresent() && "True".equals(failed.get().get("status"))) {
      return of(ref, Health.UNHEALTHY, "failed: " + failed.get().get("reason"));
    }
    var complete = Conditions.condition(status, "Complete");
    if (complete.isPresent() && "True".equals(complete.get().get("status"))) {
      return of(ref, Health.HEALTHY, "");
    }
    return of(
        ref,
        Health.PROGRESSING,
        "not complete ("
            + number(status, 0, "succeeded")
            + " succeeded, "
            + number(status, 0, "active")
            + " active)");
  }

  private static ResourceStatus crd(ObjectRef ref, @Nullable Object status) {
    var names = Conditions.condition(status, "NamesAccepted");
    if (names.isPresent() && "False".equals(names.get().get("status"))) {
      return of(ref, Health.UNHEALTHY, "names not accepted: " + names.get().get("message"));
    }
    var established = Conditions.condition(status, "Established");
    if (established.isPresent() && "True".equals(established.get().get("status"))) {
      return of(ref, Health.HEALTHY, "");
    }
    return of(ref, Health.PROGRESSING, "not Established yet");
  }

  private static ResourceStatus manifestWork(ObjectRef ref, @Nullable Object status) {
    var feedback = new LinkedHashMap<String, Object>();
    var problems = new ArrayList<String>();
    var shortfalls = new ArrayList<String>();
    if (at(status, "resourceStatus", "manifests") instanceof List<?> manifests) {
      for (var m : manifests) {
        var meta = at(m, "resourceMeta");
        var name =
            string(meta, "kind")
                + "/"
                + (string(meta, "namespace") == null || string(meta, "namespace").isEmpty()
                    ? ""
                    : string(meta, "namespace") + "/")
                + string(meta, "name");
        for (var type : List.of("Applied", "Available", "Degraded")) {
          var c = Conditions.condition(m, type);
          if (c.isEmpty()) {
            continue;
          }
          boolean bad =
              type.equals("Degraded")
                  ? "True".equals(c.get().get("status"))
                  : "False".equals(c.get().get("status"));
          if (bad) {
            problems.add(
                name
                    + " "
                    + type
                    + "="
                    + c.get().get("status")
                    + " ("
                    + c.get().get("reason")
                    + ": "
                    + c.get().get("message")
                    + ")");
          }
        }
        var values = new LinkedHashMap<String, Object>();
        if (at(m, "statusFeedback", "values") instanceof List<?> list) {
          for (var v : list) {
            var key = string(v, "name");
            var value = feedbackValue(at(v, "fieldValue"));
            if (key != null && value != null) {
              values.put(key, value);
              feedback.put(name + "." + key, value);
            }
          }
        }
        var replicas = values.get("replicas");
        var available =
            values.containsKey("availableReplicas")
                ? values.get("availableReplicas")
                : values.get("readyReplicas");
        if (replicas instanceof Number r
            && available instanceof Number a
            && a.longValue() < r.longValue()) {
          shortfalls.add(name + " " + a + "/" + r + " available");
        } else if (replicas instanceof Number r
            && available == null
            && r.longValue() > 0
            && values.containsKey("readyReplicas")) {
          shortfalls.add(name + " 0/" + r + " ready");
        }
      }
    }
    var degraded = Conditions.condition(status, "Degraded");
    if (degraded.isPresent() && "True".equals(degraded.get().get("status"))) {
      problems.add(0, "work Degraded: " + degraded.get().get("message"));
    }
    var applied = Conditions.condition(status, "Applied");
    if (applied.isPresent() && "False".equals(applied.get().get("status"))) {
      problems.add(
          0,
          "work Applied=False ("
              + applied.get().get("reason")
              + ": "
              + applied.get().get("message")
              + ")");
    }
    if (!problems.isEmpty()) {
      return new ResourceStatus(ref, true, Health.UNHEALTHY, String.join("; ", problems), feedback);
    }
    boolean isApplied = applied.isPresent() && "True".equals(applied.get().get("status"));
    var available = Conditions.condition(status, "Available");
    boolean isAvailable = available.isPresent() && "True".equals(available.get().get("status"));
    if (!isApplied || !isAvailable) {
      return new ResourceStatus(
          ref,
          true,
          Health.PROGRESSING,
          "work not yet " + (!isApplied ? "Applied" : "Available") + " on the cluster",
          feedback);
    }
    if (!shortfalls.isEmpty()) {
      return new ResourceStatus(
          ref, true, Health.PROGRESSING, String.join("; ", shortfalls), feedback);
    }
    return new ResourceStatus(ref, true, Health.HEALTHY, "", feedback);
  }

  private static @Nullable Object feedbackValue(@Nullable Object fieldValue) {
    var type = string(fieldValue, "type");
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "Integer" -> at(fieldValue, "integer");
      case "String" -> at(fieldValue, "string");
      case "Boolean" -> at(fieldValue, "boolean");
      case "JsonRaw" -> at(fieldValue, "jsonRaw");
      default -> null;
    };
  }

  private static ResourceStatus binding(
      ObjectRef ref, @Nullable Object spec, @Nullable Object status) {
    var feedback = new LinkedHashMap<String, Object>();
    var scheduled = Conditions.condition(status, "Scheduled");
    if (scheduled.isPresent() && "False".equals(scheduled.get().get("status"))) {
      return new ResourceStatus(
          ref,
          true,
          Health.UNHEALTHY,
          "not scheduled: " + scheduled.get().get("message"),
          feedback);
    }
    var expected = new TreeSet<String>();
    if (at(spec, "clusters") instanceof List<?> clusters) {
      for (var c : clusters) {
        var name = string(c, "name");
        if (name != null) {
          expected.add(name);
        }
      }
    }
    var health = Health.HEALTHY;
    var messages = new ArrayList<String>();
    var reported = new TreeSet<String>();
    if (at(status, "aggregatedStatus") instanceof List<?> items) {
      for (var item : items) {
        var cluster = string(item, "clusterName");
        if (cluster == null) {
          continue;
        }
        reported.add(cluster);
        boolean applied = Boolean.TRUE.equals(at(item, "applied"));
        var h = string(item, "health");
        feedback.put(cluster + ".applied", applied);
        feedback.put(cluster + ".health", h == null ? "Unknown" : h);
        if (!applied) {
          health = health.worst(Health.UNHEALTHY);
          var msg = string(item, "appliedMessage");
          messages.add(cluster + ": not applied" + (msg == null ? "" : " (" + msg + ")"));
        } else if ("Unhealthy".equals(h)) {
          health = health.worst(Health.UNHEALTHY);
          messages.add(cluster + ": Unhealthy");
        } else if (!"Healthy".equals(h)) {
          health = health.worst(Health.UNKNOWN);
          messages.add(cluster + ": health " + (h == null ? "not reported" : h));
        }
      }
    }
    for (var cluster : expected) {
      if (!reported.contains(cluster)) {
        health = health.worst(Health.PROGRESSING);
        messages.add(cluster + ": no status yet");
      }
    }
    if (reported.isEmpty() && expected.isEmpty()) {
      health = Health.PROGRESSING;
      messages.add("no cluster scheduled or reported yet");
    }
    if (health != Health.HEALTHY
        && Conditions.condition(status, "FullyApplied")
            .map(c -> "True".equals(c.get("status")))
            .orElse(false)) {
      messages.add("FullyApplied=True only means applied, not healthy");
    }
    return new ResourceStatus(ref, true, health, String.join("; ", messages), feedback);
  }
}
