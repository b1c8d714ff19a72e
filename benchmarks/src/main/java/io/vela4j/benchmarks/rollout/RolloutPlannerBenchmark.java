package io.vela4j.benchmarks.rollout;

import io.vela4j.rollout.IntOrPercent;
import io.vela4j.rollout.RolloutCluster;
import io.vela4j.rollout.RolloutPlan;
import io.vela4j.rollout.RolloutPlanner;
import io.vela4j.rollout.RolloutSpec;
import io.vela4j.rollout.RolloutStep;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plans a 20-step rollout over 1k, 10k and 100k clusters (about 10 replicas each, weights 1..19),
 * in SPLIT mode (every step's global count divided with Webster) and SAME_PLAN mode (every cluster
 * runs the 20 steps on its own size). Time and allocation per plan should grow linearly with the
 * number of clusters (run with {@code -prof gc}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RolloutPlanner -f 1 -wi 2 -i 3 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RolloutPlannerBenchmark {

  /** Number of clusters. */
  @Param({"1000", "10000", "100000"})
  public int clusters;

  /** Cluster mode. */
  @Param({"SPLIT", "SAME_PLAN"})
  public String clusterMode;

  private RolloutSpec spec;

  /** Builds the spec (not measured). */
  @Setup
  public void setup() {
    var list = new ArrayList<RolloutCluster>(clusters);
    long total = 0;
    for (int i = 0; i < clusters; i++) {
      int size = 1 + (int) ((i * 2654435761L) % 19);
      total += size;
      list.add(RolloutCluster.sized(String.format("cluster-%06d", i), size));
    }
    var steps = new ArrayList<RolloutStep>();
    for (int s = 1; s <= 20; s++) {
      steps.add(RolloutStep.of(IntOrPercent.percent(s * 5)));
    }
    spec =
        RolloutSpec.builder()
            .sourceReplicas((int) total)
            .steps(steps)
            .style(RolloutSpec.Style.SURGE)
            .clusters(list)
            .clusterMode(RolloutSpec.ClusterMode.parse(clusterMode))
            .build();
  }

  /** One complete plan. */
  @Benchmark
  public RolloutPlan plan() {
    return RolloutPlanner.plan(spec);
  }
}
