package io.vela4j.workflow.internal;

import io.vela4j.model.Diagnostic;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import io.vela4j.workflow.AppliedObject;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.StepPhase;
import io.vela4j.workflow.StepStatus;
import io.vela4j.workflow.WorkflowListener;
import io.vela4j.workflow.WorkflowOptions;
import io.vela4j.workflow.WorkflowRun;
import io.vela4j.workflow.spi.WorkflowProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs and resumes workflows; the public {@code WorkflowEngine} delegates here. Thread-safe. */
public final class Engine {
  private final Renderer renderer;
  private final WorkflowProvider provider;
  private final WorkflowListener listener;
  private final StepTemplates templates;

  /**
   * An engine.
   *
   * @param renderer renders the application for the steps that need it
   * @param provider carries out cluster actions
   * @param listener told about progress
   */
  public Engine(Renderer renderer, WorkflowProvider provider, WorkflowListener listener) {
    this.renderer = renderer;
    this.provider = provider;
    this.listener = listener;
    this.templates = new StepTemplates(renderer.registry());
  }

  /** Runs a workflow from its start. */
  public WorkflowRun run(RenderResult rendered, WorkflowOptions options) {
    RunState rs = new RunState(options, rendered, renderer, provider, templates, listener);
    if (rendered.revisionOnly()) {
      return new WorkflowRun(
          options.application(),
          options,
          WorkflowRun.Phase.SUCCEEDED,
          "a revision-only application runs no workflow",
          List.of(),
          java.util.Map.of(),
          List.of(),
          List.of(),
          java.util.Set.of());
    }
    Scheduler s = Scheduler.of(rs);
    s.run();
    return snapshot(rs, s);
  }

  /** Resumes a run against a new cluster state. */
  public WorkflowRun resume(WorkflowRun run, ClusterState state) {
    Instant now = state.time() == null ? run.time() : state.time();
    if (now.isBefore(run.time())) {
      now = run.time();
    }
    WorkflowOptions options = run.options().withState(state).withTime(now);
    RenderResult rendered;
    try {
      rendered = renderer.render(options.application(), options.renderOptions());
    } catch (io.vela4j.render.RenderException e) {
      throw new io.vela4j.workflow.WorkflowException(e.diagnostics());
    }
    RunState rs = new RunState(options, rendered, renderer, provider, templates, listener);
    for (StepStatus s : run.allSteps()) {
      rs.steps.put(s.name(), RunState.MutableStep.of(s));
    }
    for (AppliedObject a : run.applied()) {
      rs.replay(a);
    }
    rs.variables.putAll(run.variables());
    rs.notifications.addAll(run.notifications());
    rs.resumed.addAll(run.resumed());
    rs.terminated =
        run.allSteps().stream()
            .anyMatch(s -> s.phase() == StepPhase.FAILED || s.phase() == StepPhase.TIMED_OUT);
    Scheduler s = Scheduler.of(rs);
    // steps whose timeout passed while the run was stopped time out before anything resumes
    for (StepSpec spec : s.all()) {
      RunState.MutableStep st = rs.step(spec);
      if (!st.phase.finished()
          && st.first != null
          && spec.timeout() != null
          && now.isAfter(st.first.plus(spec.timeout()))) {
        st.set(StepPhase.TIMED_OUT, "", "Timeout");
        st.diagnostic =
            Diagnostic.error(
                io.vela4j.workflow.WorkflowException.TIMED_OUT,
                "step "
                    + spec.name()
                    + " ("
                    + spec.type()
                    + ") did not finish within timeout "
                    + spec.timeout(),
                spec.path() + ".timeout");
        rs.terminated = true;
      }
    }
    // then every suspended step resumes, as `vela workflow resume` resumes them
    for (StepSpec spec : s.all()) {
      RunState.MutableStep st = rs.step(spec);
      if (st.phase == StepPhase.SUSPENDED) {
        rs.resumed.add(spec.name());
        if (spec.type().equals("suspend")) {
          st.set(StepPhase.SUCCEEDED, "resumed", "");
          st.last = now;
          listener.stepFinished(st.toStatus(rs.steps));
        } else {
          st.set(StepPhase.RUNNING, "resumed", "");
        }
      }
    }
    s.run();
    return snapshot(rs, s);
  }

  private static WorkflowRun snapshot(RunState rs, Scheduler s) {
    var steps = new ArrayList<StepStatus>();
    for (String name : s.order()) {
      steps.add(rs.steps.get(name).toStatus(rs.steps));
    }
    boolean allDone = steps.stream().allMatch(x -> x.phase().finished());
    StepStatus suspended = find(steps, StepPhase.SUSPENDED);
    WorkflowRun.Phase phase;
    String message;
    if (rs.terminated && allDone) {
      phase = WorkflowRun.Phase.FAILED;
      StepStatus f = find(steps, StepPhase.FAILED);
      if (f == null) {
        f = find(steps, StepPhase.TIMED_OUT);
      }
      message =
          f == null ? "terminated" : "step " + f.name() + " " + f.phase().label() + failure(f);
    } else if (suspended != null) {
      phase = WorkflowRun.Phase.SUSPENDED;
      message =
          "step "
              + suspended.name()
              + " is suspended"
              + (suspended.message().isEmpty() ? "" : ": " + suspended.message());
    } else if (allDone) {
      phase = WorkflowRun.Phase.SUCCEEDED;
      message = "";
    } else {
      phase = WorkflowRun.Phase.WAITING;
      StepStatus w = find(steps, StepPhase.RUNNING);
      if (w == null) {
        w = find(steps, StepPhase.PENDING);
      }
      message =
          w == null
              ? "waiting"
              : "step "
                  + w.name()
                  + " is "
                  + w.phase().label()
                  + (w.message().isEmpty() ? "" : ": " + w.message());
    }
    return new WorkflowRun(
        rs.app,
        rs.options,
        phase,
        message,
        steps,
        rs.variables,
        rs.notifications,
        Rollouts.of(rs),
        rs.resumed);
  }

  private static String failure(StepStatus s) {
    if (s.diagnostic() != null) {
      return ": " + s.diagnostic().format();
    }
    return s.message().isEmpty() ? "" : ": " + s.message();
  }

  private static StepStatus find(List<StepStatus> steps, StepPhase phase) {
    for (StepStatus s : steps) {
      if (s.phase() == phase) {
        return s.subSteps().stream().filter(x -> x.phase() == phase).findFirst().orElse(s);
      }
    }
    return null;
  }
}
