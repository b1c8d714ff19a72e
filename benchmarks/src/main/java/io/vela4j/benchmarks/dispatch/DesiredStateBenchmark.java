package io.vela4j.benchmarks.dispatch;

import io.vela4j.dispatch.DesiredState;
import io.vela4j.dispatch.DispatchRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shared per-cluster step alone (bundle → replicas → overrides → normalize → sort), which every
 * planner runs first; the difference to {@link DispatchPlanBenchmark} is the planner's own work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 2, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class DesiredStateBenchmark {

  @Param({"10", "100", "1000", "10000"})
  public int clusters;

  private DispatchRequest request;

  /** Builds the request. */
  @Setup(Level.Trial)
  public void setUp() {
    request = DispatchPlanBenchmark.request(clusters);
  }

  /** Computes every cluster's objects. */
  @Benchmark
  public DesiredState desiredState() {
    return DesiredState.compute(request);
  }
}
