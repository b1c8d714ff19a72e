package io.vela4j.workflow;

import io.vela4j.model.oam.Application;
import io.vela4j.render.RenderOptions;
import java.time.Instant;
import java.util.Objects;

/**
 * How one run goes. Immutable; start from {@link #of(Application)} and change with the {@code with}
 * methods.
 *
 * @param application the application whose workflow runs (the one the render result came from)
 * @param renderOptions the options the application was rendered with (re-renders for {@code
 *     op.#Load}, {@code #ApplyComponent} and inputs use them)
 * @param state what the clusters hold before the run: reads, {@code #ConditionalWait} and health
 *     checks see it
 * @param time the time of the run: when steps start, from which timeouts and suspend durations
 *     count (the engine reads no clock; {@link ClusterState#time()} moves it on resume)
 * @param strictHealth whether a deployed component whose objects the cluster state does not hold is
 *     unhealthy (the step then waits for a state that shows it healthy); by default an offline run
 *     assumes such objects become healthy
 */
public record WorkflowOptions(
    Application application,
    RenderOptions renderOptions,
    ClusterState state,
    Instant time,
    boolean strictHealth) {

  /** Validates. */
  public WorkflowOptions {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(renderOptions, "renderOptions");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(time, "time");
  }

  /**
   * Options for an application: default render options, an empty cluster state, time {@code
   * 1970-01-01T00:00:00Z} (set a real one with {@link #withTime}), lenient health.
   *
   * @param application the application
   * @return the options
   */
  public static WorkflowOptions of(Application application) {
    return new WorkflowOptions(
        application, RenderOptions.defaults(), ClusterState.empty(), Instant.EPOCH, false);
  }

  /**
   * A copy with other render options.
   *
   * @param options the render options
   * @return the copy
   */
  public WorkflowOptions withRenderOptions(RenderOptions options) {
    return new WorkflowOptions(application, options, state, time, strictHealth);
  }

  /**
   * A copy with a cluster state.
   *
   * @param newState the state
   * @return the copy
   */
  public WorkflowOptions withState(ClusterState newState) {
    return new WorkflowOptions(application, renderOptions, newState, time, strictHealth);
  }

  /**
   * A copy with the time of the run.
   *
   * @param newTime the time
   * @return the copy
   */
  public WorkflowOptions withTime(Instant newTime) {
    return new WorkflowOptions(application, renderOptions, state, newTime, strictHealth);
  }

  /**
   * A copy with strict or lenient health checks.
   *
   * @param strict whether objects missing from the cluster state are unhealthy
   * @return the copy
   */
  public WorkflowOptions withStrictHealth(boolean strict) {
    return new WorkflowOptions(application, renderOptions, state, time, strict);
  }
}
