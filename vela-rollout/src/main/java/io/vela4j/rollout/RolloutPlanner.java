package io.vela4j.rollout;

import io.vela4j.rollout.internal.Planner;

/**
 * Plans rollouts. Pure and thread-safe: no I/O, no clock, no shared state; the same spec always
 * gives an equal plan.
 *
 * <p>Rounding is exact and cumulative: the new count after step {@code i} is {@code
 * ceil(cumulative_i × N / 100)} in integers, at least one replica moves in a step above 0%, one old
 * replica stays below 100% ({@link RolloutSpec#keepOneOld()}), and the last step reaches N. Counts
 * are split over clusters with the Webster method, so no cluster's share shrinks as the total
 * grows. See the module README for every rule.
 */
public final class RolloutPlanner {
  private RolloutPlanner() {}

  /**
   * The whole plan of a rollout from its start ({@code sourceReplicas} old, no new replicas).
   *
   * @param spec a (necessarily valid) spec
   * @return the plan; never partial
   */
  public static RolloutPlan plan(RolloutSpec spec) {
    return Planner.plan(spec);
  }

  /**
   * The rest of a running rollout: the steps after {@code state.completedStep()}, starting from the
   * state's counts, possibly with a changed spec (for example a new {@code targetReplicas}). Steps
   * that would undo completed work keep what already runs, and a warning says so.
   *
   * @throws RolloutException when the state does not fit the spec (step index out of range,
   *     negative counts, unknown clusters)
   */
  public static RolloutPlan replan(RolloutSpec spec, RolloutState state) {
    return Planner.replan(spec, state);
  }
}
