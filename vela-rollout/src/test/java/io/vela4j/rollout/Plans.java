package io.vela4j.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers for rollout tests. */
final class Plans {
  private Plans() {}

  /** Steps from {@code "3"}, {@code "20%"}, {@code null} (no change). */
  static List<RolloutStep> steps(String... values) {
    var out = new ArrayList<RolloutStep>();
    for (var v : values) {
      out.add(new RolloutStep(v == null ? null : IntOrPercent.parse(v), null, null));
    }
    return out;
  }

  static List<Integer> news(RolloutPlan plan) {
    return plan.steps().stream().map(RolloutPlan.Step::newReplicas).toList();
  }

  static List<Integer> olds(RolloutPlan plan) {
    return plan.steps().stream().map(RolloutPlan.Step::oldReplicas).toList();
  }

  static List<Integer> totals(RolloutPlan plan) {
    return plan.steps().stream().map(s -> s.newReplicas() + s.oldReplicas()).toList();
  }

  static List<String> codes(RolloutPlan plan) {
    return plan.warnings().stream().map(d -> d.code() + "@" + d.path()).toList();
  }

  static String transitions(RolloutPlan.Step step) {
    return step.transitions().stream()
        .map(t -> t.newReplicas() + "/" + t.oldReplicas())
        .collect(Collectors.joining(" "));
  }

  /** Increments of the settled new counts (batch sizes). */
  static List<Integer> increments(RolloutPlan plan) {
    var out = new ArrayList<Integer>();
    int prev = 0;
    for (var n : news(plan)) {
      out.add(n - prev);
      prev = n;
    }
    return out;
  }

  static RolloutSpec.Builder rollout(int n, String... steps) {
    return RolloutSpec.builder().sourceReplicas(n).steps(steps(steps));
  }

  static RolloutSpec.Builder kubeVela(int n, String... steps) {
    return rollout(n, steps).semantics(RolloutSpec.Semantics.INCREMENTAL);
  }
}
