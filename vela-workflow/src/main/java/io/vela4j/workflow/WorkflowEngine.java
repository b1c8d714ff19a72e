package io.vela4j.workflow;

import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import io.vela4j.workflow.internal.Engine;
import io.vela4j.workflow.spi.WorkflowProvider;
import java.util.Objects;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Runs Application workflows as KubeVela's workflow engine does, step by step, offline or against
 * clusters (see the package documentation for what is run and how). Immutable and thread-safe:
 * build once, run from any number of threads; each call works on its own state, and the engine
 * reads no clock (the time of a run is in its options, the time of a resume in its cluster state).
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder().renderer(renderer).build(); // offline provider
 * WorkflowRun run = engine.run(renderer.render(app, RenderOptions.defaults()), WorkflowOptions.of(app));
 * if (run.phase() == WorkflowRun.Phase.SUSPENDED) {
 *   run = engine.resume(run, run.state()); // the approval
 * }
 * run.plan().forEach((target, objects) -> ...); // what each target gets
 * }</pre>
 */
public final class WorkflowEngine {
  private final Engine engine;
  private final WorkflowProvider provider;

  private WorkflowEngine(Engine engine, WorkflowProvider provider) {
    this.engine = engine;
    this.provider = provider;
  }

  /**
   * A builder: the built-in catalogue's renderer, the {@code offline} provider.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The provider this engine uses.
   *
   * @return the provider
   */
  public WorkflowProvider provider() {
    return provider;
  }

  /**
   * Runs the workflow of {@code options.application()} from its start: its {@code spec.workflow},
   * or the workflow KubeVela derives (the render result's deploy steps).
   *
   * @param rendered the application rendered with {@code options.renderOptions()}: its deploy
   *     steps' placements are what {@code deploy} and {@code apply-component} apply
   * @param options the application and how to run
   * @return the run, as far as it went: succeeded, failed, suspended or waiting
   * @throws WorkflowException when the workflow cannot start: unknown step types, duplicate step
   *     names, unknown dependencies, bad modes or timeouts (every problem, located)
   */
  public WorkflowRun run(RenderResult rendered, WorkflowOptions options) {
    Objects.requireNonNull(rendered, "rendered");
    Objects.requireNonNull(options, "options");
    return engine.run(rendered, options);
  }

  /**
   * Goes on with a run: steps whose {@code timeout} passed by {@code state.time()} time out, every
   * suspended step is resumed (as {@code vela workflow resume} does: a {@code suspend} step
   * succeeds, a step suspended by an action or an approval runs again past it), and the workflow
   * runs on against {@code state}.
   *
   * @param run a run of this engine's kind (from {@link #run} or {@link WorkflowRun#fromJson})
   * @param state what the clusters hold now (its time, when given, is the time of the resume;
   *     {@code run.state()} to keep the one the run saw)
   * @return the run, as far as it went now
   * @throws WorkflowException when the workflow cannot run
   */
  public WorkflowRun resume(WorkflowRun run, ClusterState state) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(state, "state");
    return engine.resume(run, state);
  }

  /** Builds a {@link WorkflowEngine}. */
  public static final class Builder {
    private @Nullable Renderer renderer;
    private @Nullable WorkflowProvider provider;
    private WorkflowListener listener = WorkflowListener.NONE;

    private Builder() {}

    /**
     * The renderer (its registry's WorkflowStepDefinitions are the custom step types; default: the
     * built-in catalogue).
     *
     * @param r the renderer
     * @return this builder
     */
    public Builder renderer(Renderer r) {
      this.renderer = Objects.requireNonNull(r);
      return this;
    }

    /**
     * The provider that carries out cluster actions (default: the {@code offline} provider found
     * with {@link ServiceLoader}).
     *
     * @param p the provider
     * @return this builder
     */
    public Builder provider(WorkflowProvider p) {
      this.provider = Objects.requireNonNull(p);
      return this;
    }

    /**
     * A listener told about steps as they run.
     *
     * @param l the listener
     * @return this builder
     */
    public Builder listener(WorkflowListener l) {
      this.listener = Objects.requireNonNull(l);
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     */
    public WorkflowEngine build() {
      WorkflowProvider p = provider == null ? discover("offline") : provider;
      Renderer r = renderer == null ? Renderer.builder().build() : renderer;
      return new WorkflowEngine(new Engine(r, p, listener), p);
    }

    private static WorkflowProvider discover(String name) {
      for (WorkflowProvider p :
          ServiceLoader.load(WorkflowProvider.class, WorkflowEngine.class.getClassLoader())) {
        if (p.name().equals(name)) {
          return p;
        }
      }
      throw new IllegalStateException("no WorkflowProvider named " + name + " on the class path");
    }
  }
}
