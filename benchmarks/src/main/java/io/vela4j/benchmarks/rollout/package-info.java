/** JMH benchmarks of the rollout planner. */
@NullMarked
package io.vela4j.benchmarks.rollout;

import org.jspecify.annotations.NullMarked;
