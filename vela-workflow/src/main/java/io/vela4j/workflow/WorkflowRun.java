package io.vela4j.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.Application;
import io.vela4j.workflow.internal.RunCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A run of an application's workflow, as far as it got: each step's phase, message, outputs and the
 * objects it applied per target, and what {@link WorkflowEngine#resume} needs to go on after a
 * suspension or with a changed cluster state. Immutable; {@link #toJson()} and {@link
 * #fromJson(JsonNode)} write and read it.
 *
 * @param application the application (with its workflow)
 * @param options the options the run started with; {@code time} and {@code state} are those of the
 *     latest run or resume
 * @param phase where the run is
 * @param message why it is there ({@code ""} when it succeeded)
 * @param steps the steps in workflow order (sub-steps inside their group)
 * @param variables the steps' outputs by name, as later steps' inputs see them
 * @param notifications the notifications and webhook calls steps made (recorded, never sent)
 * @param rollouts where each component's {@code rollout} trait is
 * @param resumed steps that were suspended and have been resumed
 */
public record WorkflowRun(
    Application application,
    WorkflowOptions options,
    Phase phase,
    String message,
    List<StepStatus> steps,
    Map<String, JsonNode> variables,
    List<NotificationRecord> notifications,
    List<RolloutProgress> rollouts,
    Set<String> resumed) {

  /** Where a run is. */
  public enum Phase {
    /** Every step succeeded or was skipped. */
    SUCCEEDED,
    /** A step failed or timed out: the run is terminated (the steps after it were skipped). */
    FAILED,
    /** A step is suspended: resume the run to go on. */
    SUSPENDED,
    /**
     * A step waits for a condition ({@code #ConditionalWait}, healthy components): resume with a
     * cluster state in which it holds.
     */
    WAITING;

    /**
     * The lower-case name.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates and copies. */
  public WorkflowRun {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
    steps = List.copyOf(steps);
    var v = new LinkedHashMap<String, JsonNode>();
    variables.forEach((k, x) -> v.put(k, x.deepCopy()));
    variables = Collections.unmodifiableMap(v);
    notifications = List.copyOf(notifications);
    rollouts = List.copyOf(rollouts);
    resumed = Collections.unmodifiableSet(new TreeSet<>(resumed));
  }

  /**
   * The time of the latest run or resume.
   *
   * @return the time
   */
  public Instant time() {
    return options.time();
  }

  /**
   * The cluster state of the latest run or resume.
   *
   * @return the state
   */
  public ClusterState state() {
    return options.state();
  }

  /**
   * Every step and sub-step, depth first.
   *
   * @return the statuses
   */
  public List<StepStatus> allSteps() {
    var out = new ArrayList<StepStatus>();
    for (StepStatus s : steps) {
      out.add(s);
      out.addAll(s.subSteps());
    }
    return out;
  }

  /**
   * One step or sub-step by name.
   *
   * @param name the name
   * @return its status, or empty
   */
  public Optional<StepStatus> step(String name) {
    return allSteps().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Everything the steps applied or deleted, in step order.
   *
   * @return the objects
   */
  public List<AppliedObject> applied() {
    return allSteps().stream().flatMap(s -> s.applied().stream()).toList();
  }

  /**
   * The plan per target: the objects the run leaves on each target (the latest apply of each
   * object, deletions removed), targets hub first, objects in the order first applied.
   *
   * @return objects by target
   */
  public Map<DeliveryTarget, List<ObjectNode>> plan() {
    var byTarget = new TreeMap<DeliveryTarget, LinkedHashMap<ResourceKey, ObjectNode>>();
    for (AppliedObject a : applied()) {
      var m = byTarget.computeIfAbsent(a.target(), t -> new LinkedHashMap<>());
      if (a.action() == AppliedObject.Action.APPLY) {
        m.put(a.key(), a.object());
      } else {
        m.remove(a.key());
      }
    }
    var out = new LinkedHashMap<DeliveryTarget, List<ObjectNode>>();
    byTarget.forEach((t, m) -> out.put(t, List.copyOf(m.values())));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The failure of a failed run: every failed or timed-out step's diagnostic.
   *
   * @return the exception, or empty when the run did not fail
   */
  public Optional<WorkflowException> failure() {
    if (phase != Phase.FAILED) {
      return Optional.empty();
    }
    List<Diagnostic> ds =
        allSteps().stream()
            .filter(s -> s.phase() == StepPhase.FAILED || s.phase() == StepPhase.TIMED_OUT)
            .filter(s -> s.diagnostic() != null)
            .map(StepStatus::diagnostic)
            .toList();
    if (ds.isEmpty()) {
      ds = List.of(Diagnostic.error(WorkflowException.ACTION_FAILED, message, "spec.workflow"));
    }
    return Optional.of(new WorkflowException(ds));
  }

  /**
   * The run as JSON: the application, the options, every step with every applied object in full,
   * the variables, notifications, rollouts and the cluster state.
   *
   * @return a new tree
   */
  public ObjectNode toJson() {
    return RunCodec.write(this);
  }

  /**
   * Reads a run written by {@link #toJson()}.
   *
   * @param tree the tree
   * @return the run
   * @throws WorkflowException ({@code INVALID_STATE}) when the tree is not a run
   */
  public static WorkflowRun fromJson(JsonNode tree) {
    return RunCodec.read(tree);
  }
}
