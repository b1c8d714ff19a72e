package io.vela4j.rollout.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import io.vela4j.model.FieldReader;
import io.vela4j.rollout.ClusterWaves;
import io.vela4j.rollout.IntOrPercent;
import io.vela4j.rollout.Pause;
import io.vela4j.rollout.RolloutCluster;
import io.vela4j.rollout.RolloutException;
import io.vela4j.rollout.RolloutSpec;
import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Order;
import io.vela4j.rollout.RolloutSpec.Semantics;
import io.vela4j.rollout.RolloutSpec.Style;
import io.vela4j.rollout.RolloutStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Binds the spec file format (the {@code RolloutSpec} field names) to a {@link RolloutSpec}. */
public final class SpecBinder {
  private static final Set<String> FIELDS =
      Set.of(
          "sourceReplicas",
          "targetReplicas",
          "mode",
          "style",
          "order",
          "semantics",
          "steps",
          "numBatches",
          "maxSurge",
          "maxUnavailable",
          "batchPartition",
          "keepOneOld",
          "clusters",
          "clusterMode",
          "waves");
  private static final Set<String> STEP_FIELDS = Set.of("replicas", "pause", "maxUnavailable");
  private static final Set<String> CLUSTER_FIELDS = Set.of("name", "replicas", "weight");
  private static final Set<String> WAVE_FIELDS = Set.of("groups", "maxConcurrency");

  private SpecBinder() {}

  /**
   * Binds {@code root}; every problem (type errors, unknown fields, and the spec's own validation)
   * is thrown together, located by {@code f}.
   */
  public static RolloutSpec bind(FieldReader f, JsonNode root) {
    var b = RolloutSpec.builder();
    if (f.object(root, "")) {
      f.unknownFields(root, "", FIELDS);
      var source = root.get("sourceReplicas");
      if (source == null) {
        f.error(
            DiagnosticCodes.MISSING_FIELD,
            "sourceReplicas is required",
            "sourceReplicas",
            "an integer",
            "nothing");
      } else {
        var v = f.integer(source, "sourceReplicas");
        if (v != null) {
          b.sourceReplicas(v);
        }
      }
      opt(root, "targetReplicas", n -> b.targetReplicas(f.integer(n, "targetReplicas")));
      opt(
          root,
          "mode",
          n ->
              set(
                  f.enumValue(n, "mode", Mode::parse, "one of " + List.of(Mode.values())),
                  b::mode));
      opt(
          root,
          "style",
          n ->
              set(
                  f.enumValue(n, "style", Style::parse, "one of " + List.of(Style.values())),
                  b::style));
      opt(
          root,
          "order",
          n ->
              set(
                  f.enumValue(n, "order", Order::parse, "one of " + List.of(Order.values())),
                  b::order));
      opt(
          root,
          "semantics",
          n ->
              set(
                  f.enumValue(
                      n, "semantics", Semantics::parse, "one of " + List.of(Semantics.values())),
                  b::semantics));
      opt(
          root,
          "clusterMode",
          n ->
              set(
                  f.enumValue(
                      n,
                      "clusterMode",
                      ClusterMode::parse,
                      "one of " + List.of(ClusterMode.values())),
                  b::clusterMode));
      opt(root, "steps", n -> b.steps(steps(f, n, "steps")));
      opt(root, "numBatches", n -> b.numBatches(f.integer(n, "numBatches")));
      opt(root, "maxSurge", n -> b.maxSurge(intOrPercent(f, n, "maxSurge")));
      opt(root, "maxUnavailable", n -> b.maxUnavailable(intOrPercent(f, n, "maxUnavailable")));
      opt(root, "batchPartition", n -> b.batchPartition(f.integer(n, "batchPartition")));
      opt(root, "keepOneOld", n -> set(f.bool(n, "keepOneOld"), b::keepOneOld));
      opt(root, "clusters", n -> b.clusters(clusters(f, n)));
      opt(root, "waves", n -> b.waves(waves(f, n)));
    }
    return build(b, f, d -> d);
  }

  /**
   * Builds, merging the builder's validation (located by {@code f}) with {@code f}'s problems, and
   * throws on any; {@code map} rewrites every diagnostic (adapters name fields in their own shape).
   */
  public static RolloutSpec build(
      RolloutSpec.Builder b, FieldReader f, UnaryOperator<Diagnostic> map) {
    List<Diagnostic> problems = new ArrayList<>(f.diagnostics());
    RolloutSpec spec = null;
    try {
      spec = b.build();
    } catch (RolloutException e) {
      for (var d : e.diagnostics()) {
        if (!f.hasProblemAt(d.path())) {
          problems.add(f.locate(d));
        }
      }
    }
    if (!problems.isEmpty() || spec == null) {
      throw new RolloutException(problems.stream().map(map).toList());
    }
    return spec;
  }

  /** An integer or a percentage string, or {@code null} with an {@code INVALID_AMOUNT} problem. */
  public static @Nullable IntOrPercent intOrPercent(FieldReader f, JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return IntOrPercent.of(node.intValue());
    }
    if (node.isTextual()) {
      try {
        return IntOrPercent.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    f.error(
        DiagnosticCodes.INVALID_AMOUNT,
        "not an integer or a whole percentage",
        path,
        "3 or \"20%\"",
        FieldReader.describe(node));
    return null;
  }

  /** {@code MANUAL}, a duration string, or seconds; {@code null} with an {@code INVALID_PAUSE}. */
  public static @Nullable Pause pause(FieldReader f, JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      return Pause.of(Duration.ofSeconds(node.longValue()));
    }
    if (node.isTextual()) {
      try {
        return Pause.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    f.error(
        DiagnosticCodes.INVALID_PAUSE,
        "not a pause",
        path,
        "MANUAL or a duration such as 30s",
        FieldReader.describe(node));
    return null;
  }

  private static <T> void set(@Nullable T value, java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static void opt(JsonNode root, String name, java.util.function.Consumer<JsonNode> read) {
    var n = root.get(name);
    if (n != null && !n.isNull()) {
      read.accept(n);
    }
  }

  /** Reads a steps list: objects with replicas/pause/maxUnavailable, or bare amounts. */
  static List<RolloutStep> steps(FieldReader f, JsonNode node, String path) {
    var out = new ArrayList<RolloutStep>();
    if (!f.array(node, path)) {
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      var s = node.get(i);
      var p = FieldPaths.index(path, i);
      if (s.isIntegralNumber() || s.isTextual()) {
        out.add(new RolloutStep(intOrPercent(f, s, p), null, null));
        continue;
      }
      if (!f.object(s, p)) {
        continue;
      }
      f.unknownFields(s, p, STEP_FIELDS);
      IntOrPercent replicas = null;
      Pause pause = null;
      IntOrPercent mu = null;
      if (present(s, "replicas")) {
        replicas = intOrPercent(f, s.get("replicas"), FieldPaths.field(p, "replicas"));
      }
      if (present(s, "pause")) {
        pause = pause(f, s.get("pause"), FieldPaths.field(p, "pause"));
      }
      if (present(s, "maxUnavailable")) {
        mu = intOrPercent(f, s.get("maxUnavailable"), FieldPaths.field(p, "maxUnavailable"));
      }
      out.add(new RolloutStep(replicas, pause, mu));
    }
    return out;
  }

  static boolean present(JsonNode o, String name) {
    var n = o.get(name);
    return n != null && !n.isNull();
  }

  private static List<RolloutCluster> clusters(FieldReader f, JsonNode node) {
    var out = new ArrayList<RolloutCluster>();
    if (!f.array(node, "clusters")) {
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      var c = node.get(i);
      var p = FieldPaths.index("clusters", i);
      if (!f.object(c, p)) {
        continue;
      }
      f.unknownFields(c, p, CLUSTER_FIELDS);
      String name = null;
      if (present(c, "name")) {
        name = f.text(c.get("name"), FieldPaths.field(p, "name"));
      } else {
        f.error(
            DiagnosticCodes.MISSING_FIELD,
            "a cluster needs a name",
            FieldPaths.field(p, "name"),
            "a name",
            "nothing");
      }
      Integer replicas =
          present(c, "replicas")
              ? f.integer(c.get("replicas"), FieldPaths.field(p, "replicas"))
              : null;
      Integer weight =
          present(c, "weight") ? f.integer(c.get("weight"), FieldPaths.field(p, "weight")) : null;
      out.add(new RolloutCluster(name == null ? "" : name, replicas, weight));
    }
    return out;
  }

  private static @Nullable ClusterWaves waves(FieldReader f, JsonNode node) {
    if (!f.object(node, "waves")) {
      return null;
    }
    f.unknownFields(node, "waves", WAVE_FIELDS);
    var groups = new ArrayList<List<String>>();
    if (present(node, "groups") && f.array(node.get("groups"), "waves.groups")) {
      var gs = node.get("groups");
      for (int g = 0; g < gs.size(); g++) {
        var p = FieldPaths.index("waves.groups", g);
        var group = new ArrayList<String>();
        if (f.array(gs.get(g), p)) {
          for (int j = 0; j < gs.get(g).size(); j++) {
            var name = f.text(gs.get(g).get(j), FieldPaths.index(p, j));
            if (name != null) {
              group.add(name);
            }
          }
        }
        groups.add(group);
      }
    }
    IntOrPercent mc =
        present(node, "maxConcurrency")
            ? intOrPercent(f, node.get("maxConcurrency"), "waves.maxConcurrency")
            : null;
    return new ClusterWaves(groups, mc);
  }
}
