/**
 * The rollout planner: computes, as a pure function, every step of a progressive rollout (new and
 * old replicas per cluster, transitions bounded by surge and unavailability, pauses, partition
 * gates).
 *
 * <pre>{@code
 * RolloutSpec spec = RolloutSpec.builder()
 *     .sourceReplicas(10)
 *     .steps(List.of(RolloutStep.of(IntOrPercent.percent(20), Pause.manual()),
 *                    RolloutStep.of(IntOrPercent.percent(100))))
 *     .build();
 * RolloutPlan plan = RolloutPlanner.plan(spec);
 * System.out.print(RolloutPlanWriter.write(plan, RolloutPlanWriter.OutputFormat.TABLE));
 * }</pre>
 */
@NullMarked
package io.vela4j.rollout;

import org.jspecify.annotations.NullMarked;
