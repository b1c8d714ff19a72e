package io.vela4j.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import io.vela4j.model.FieldReader;
import io.vela4j.rollout.internal.SpecBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds {@link RolloutSpec}s from the shapes other projects use, given as Jackson trees (so no
 * model classes are needed). Stateless and thread-safe. Problems are reported with paths in the
 * <em>input</em> shape (for example {@code rolloutBatches[1].replicas}).
 */
public final class RolloutAdapters {
  private static final Set<String> TRAIT_FIELDS =
      Set.of("targetRevision", "targetSize", "rolloutBatches", "batchPartition", "rolloutStrategy");
  private static final Set<String> PLAN_FIELDS =
      Set.of(
          "rolloutStrategy",
          "targetSize",
          "numBatches",
          "rolloutBatches",
          "batchPartition",
          "paused",
          "rolloutWebhooks",
          "canaryMetric");
  private static final Set<String> BATCH_FIELDS =
      Set.of(
          "replicas",
          "podList",
          "maxUnavailable",
          "instanceInterval",
          "batchRolloutWebhooks",
          "canaryMetric");
  private static final Set<String> KRUISE_CANARY_FIELDS =
      Set.of(
          "steps",
          "enableExtraWorkloadForCanary",
          "trafficRoutings",
          "failureThreshold",
          "patchPodTemplateMetadata",
          "disableGenerateCanaryService");
  private static final Set<String> KRUISE_STEP_FIELDS =
      Set.of("replicas", "pause", "traffic", "matches", "requestHeaderModifier");

  private RolloutAdapters() {}

  /**
   * From KubeVela's {@code rollout} trait properties: {@code targetRevision} (checked, then not
   * needed: the planner is revision-agnostic), {@code targetSize}, {@code
   * rolloutBatches[].replicas} (increments), {@code batchPartition}, {@code rolloutStrategy}.
   * In-place (PARTITION) style, INCREMENTAL semantics; without batches, one batch.
   *
   * @param properties the trait's {@code properties} object
   * @param sourceReplicas replicas of the current revision
   * @throws RolloutException listing every problem
   */
  public static RolloutSpec fromKubeVelaTrait(JsonNode properties, int sourceReplicas) {
    var f = FieldReader.unlocated();
    var b = base(sourceReplicas);
    if (f.object(properties, "")) {
      f.unknownFields(properties, "", TRAIT_FIELDS);
      if (present(properties, "targetRevision")) {
        f.text(properties.get("targetRevision"), "targetRevision");
      }
      common(f, b, properties);
    }
    return SpecBinder.build(b, f, RolloutAdapters::kubeVelaPaths);
  }

  /**
   * From the KubeVela v1alpha1 {@code RolloutPlan} shape: {@code rolloutStrategy}, {@code
   * targetSize}, {@code numBatches}, {@code rolloutBatches[]} ({@code replicas} as increments,
   * {@code maxUnavailable}), {@code batchPartition}. {@code podList} is rejected (a plan by pod
   * names cannot be computed from counts); webhooks, metrics, {@code instanceInterval} and {@code
   * paused} are executor concerns and ignored.
   *
   * @param rolloutPlan the {@code rolloutPlan} object
   * @param sourceReplicas replicas of the source workload
   * @throws RolloutException listing every problem
   */
  public static RolloutSpec fromRolloutPlan(JsonNode rolloutPlan, int sourceReplicas) {
    var f = FieldReader.unlocated();
    var b = base(sourceReplicas);
    if (f.object(rolloutPlan, "")) {
      f.unknownFields(rolloutPlan, "", PLAN_FIELDS);
      if (present(rolloutPlan, "numBatches")) {
        b.numBatches(f.integer(rolloutPlan.get("numBatches"), "numBatches"));
      }
      common(f, b, rolloutPlan);
    }
    return SpecBinder.build(b, f, RolloutAdapters::kubeVelaPaths);
  }

  /**
   * From an OpenKruise {@code Rollout}'s canary strategy: either the {@code steps} list or the
   * {@code canary} object holding it. Step {@code replicas} are cumulative and required (> 0, as
   * the Kruise webhook demands); {@code pause.duration} is in seconds, and a step without a
   * duration waits for manual approval, as in Kruise (except the last, which ends the rollout).
   * {@code enableExtraWorkloadForCanary: true} selects the CANARY style, else PARTITION. Traffic
   * fields are ignored: the planner plans replicas.
   *
   * @param canary the {@code spec.strategy.canary} object or its {@code steps} list
   * @param replicas the workload's replicas
   * @throws RolloutException listing every problem
   */
  public static RolloutSpec fromKruiseCanary(JsonNode canary, int replicas) {
    var f = FieldReader.unlocated();
    var b =
        RolloutSpec.builder().sourceReplicas(replicas).semantics(RolloutSpec.Semantics.CUMULATIVE);
    JsonNode steps = canary;
    String prefix = "";
    if (canary.isObject()) {
      f.unknownFields(canary, "", KRUISE_CANARY_FIELDS);
      var extra = canary.get("enableExtraWorkloadForCanary");
      if (extra != null && Boolean.TRUE.equals(f.bool(extra, "enableExtraWorkloadForCanary"))) {
        b.style(RolloutSpec.Style.CANARY);
      }
      steps = canary.get("steps");
      prefix = "steps";
      if (steps == null) {
        f.error(
            DiagnosticCodes.MISSING_FIELD,
            "steps is required",
            "steps",
            "a list of steps",
            "nothing");
        return SpecBinder.build(b, f, d -> d);
      }
    }
    var list = new ArrayList<RolloutStep>();
    if (f.array(steps, prefix)) {
      for (int i = 0; i < steps.size(); i++) {
        var s = steps.get(i);
        var p = FieldPaths.index(prefix, i);
        if (!f.object(s, p)) {
          continue;
        }
        f.unknownFields(s, p, KRUISE_STEP_FIELDS);
        IntOrPercent r = null;
        if (!present(s, "replicas")) {
          f.error(
              DiagnosticCodes.MISSING_FIELD,
              "replicas is required",
              FieldPaths.field(p, "replicas"),
              "an integer or a percentage",
              "nothing");
        } else {
          r = SpecBinder.intOrPercent(f, s.get("replicas"), FieldPaths.field(p, "replicas"));
          if (r != null && r.value() <= 0) {
            f.error(
                DiagnosticCodes.VALUE_OUT_OF_RANGE,
                "replicas must be greater than 0",
                FieldPaths.field(p, "replicas"),
                "> 0",
                r.toString());
          }
        }
        Pause pause = i == steps.size() - 1 ? null : Pause.manual();
        var pn = s.get("pause");
        if (pn != null && !pn.isNull() && f.object(pn, FieldPaths.field(p, "pause"))) {
          var d = pn.get("duration");
          if (d != null && !d.isNull()) {
            var secs = f.integer(d, p + ".pause.duration");
            if (secs != null && secs < 0) {
              f.error(
                  DiagnosticCodes.VALUE_OUT_OF_RANGE,
                  "must not be negative",
                  p + ".pause.duration",
                  ">= 0",
                  secs.toString());
            } else if (secs != null) {
              pause = secs == 0 ? null : Pause.of(Duration.ofSeconds(secs));
            }
          }
        }
        list.add(new RolloutStep(r, pause, null));
      }
    }
    b.steps(list);
    var pre = prefix;
    return SpecBinder.build(
        b,
        f,
        d ->
            d.path() != null && d.path().startsWith("steps") && pre.isEmpty()
                ? rename(d, "steps", "")
                : d);
  }

  private static RolloutSpec.Builder base(int sourceReplicas) {
    return RolloutSpec.builder()
        .sourceReplicas(sourceReplicas)
        .semantics(RolloutSpec.Semantics.INCREMENTAL)
        .style(RolloutSpec.Style.PARTITION);
  }

  private static void common(FieldReader f, RolloutSpec.Builder b, JsonNode o) {
    if (present(o, "targetSize")) {
      b.targetReplicas(f.integer(o.get("targetSize"), "targetSize"));
    }
    if (present(o, "batchPartition")) {
      b.batchPartition(f.integer(o.get("batchPartition"), "batchPartition"));
    }
    if (present(o, "rolloutStrategy")) {
      var s =
          f.enumValue(
              o.get("rolloutStrategy"),
              "rolloutStrategy",
              RolloutSpec.Order::parse,
              "one of " + List.of("IncreaseFirst", "DecreaseFirst"));
      if (s != null) {
        b.order(s);
      }
    }
    var batches = o.get("rolloutBatches");
    if (batches != null && !batches.isNull() && f.array(batches, "rolloutBatches")) {
      var steps = new ArrayList<RolloutStep>();
      for (int i = 0; i < batches.size(); i++) {
        var s = batches.get(i);
        var p = FieldPaths.index("rolloutBatches", i);
        if (!f.object(s, p)) {
          continue;
        }
        f.unknownFields(s, p, BATCH_FIELDS);
        if (present(s, "podList")) {
          f.error(
              DiagnosticCodes.UNSUPPORTED_FIELD,
              "podList is not supported: the planner plans counts; give replicas instead",
              FieldPaths.field(p, "podList"),
              "replicas",
              "podList");
        }
        IntOrPercent r =
            present(s, "replicas")
                ? SpecBinder.intOrPercent(f, s.get("replicas"), FieldPaths.field(p, "replicas"))
                : null;
        IntOrPercent mu =
            present(s, "maxUnavailable")
                ? SpecBinder.intOrPercent(
                    f, s.get("maxUnavailable"), FieldPaths.field(p, "maxUnavailable"))
                : null;
        steps.add(new RolloutStep(r, null, mu));
      }
      b.steps(steps);
    }
  }

  private static boolean present(JsonNode o, String name) {
    var n = o.get(name);
    return n != null && !n.isNull();
  }

  /** Maps RolloutSpec paths back to KubeVela's names. */
  private static Diagnostic kubeVelaPaths(Diagnostic d) {
    var p = d.path();
    if (p == null) {
      return d;
    }
    if (p.startsWith("steps")) {
      return rename(d, "steps", "rolloutBatches");
    }
    if (p.equals("targetReplicas")) {
      return rename(d, "targetReplicas", "targetSize");
    }
    if (p.equals("order")) {
      return rename(d, "order", "rolloutStrategy");
    }
    return d;
  }

  private static Diagnostic rename(Diagnostic d, String from, String to) {
    var p = d.path() == null ? "" : d.path();
    var np = to + p.substring(from.length());
    return new Diagnostic(
        d.severity(),
        d.code(),
        d.message(),
        d.source(),
        d.line(),
        d.column(),
        np,
        d.expected(),
        d.actual());
  }
}
