package io.vela4j.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The planner and the writers share no mutable state: concurrent calls give identical output. */
class ThreadSafetyTest {

  @Test
  void concurrentPlansOfTheSameSpecsAreIdentical() throws Exception {
    var specs = new ArrayList<RolloutSpec>();
    for (long seed = 0; seed < 40; seed++) {
      specs.add(SpecGen.random(seed));
    }
    var expected = specs.stream().map(ThreadSafetyTest::render).toList();
    var pool = Executors.newFixedThreadPool(4);
    try {
      var futures = new ArrayList<Future<List<String>>>();
      for (int t = 0; t < 8; t++) {
        Callable<List<String>> task = () -> specs.stream().map(ThreadSafetyTest::render).toList();
        futures.add(pool.submit(task));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String render(RolloutSpec spec) {
    var plan = RolloutPlanner.plan(spec);
    return RolloutPlanWriter.write(plan, RolloutPlanWriter.OutputFormat.JSON)
        + RolloutPlanWriter.write(plan, RolloutPlanWriter.OutputFormat.SVG);
  }
}
