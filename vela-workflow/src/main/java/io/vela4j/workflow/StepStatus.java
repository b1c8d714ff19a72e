package io.vela4j.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step (or sub-step) of a run: its phase, its message, what it produced and what it applied.
 * Immutable.
 *
 * @param name the step's name
 * @param type the step's type ({@code deploy}, {@code suspend}, a WorkflowStepDefinition name, ...)
 * @param phase where it is
 * @param message the message its actions or the engine set, or {@code ""}
 * @param reason why it is in that phase, as KubeVela names reasons ({@code Wait}, {@code Suspend},
 *     {@code Action}, {@code Timeout}, {@code Skip}, {@code Execute}, {@code Rendering}, ...), or
 *     {@code ""}
 * @param firstExecuteTime when it first ran, or {@code null}
 * @param lastExecuteTime when it last ran, or {@code null}
 * @param outputs its {@code outputs}, by name
 * @param applied the objects it applied or deleted, in order
 * @param log what its {@code #Log} actions recorded
 * @param subSteps the sub-steps of a {@code step-group}, in order
 * @param diagnostic for a failed step: the step, the action and the CUE position, or {@code null}
 */
public record StepStatus(
    String name,
    String type,
    StepPhase phase,
    String message,
    String reason,
    @Nullable Instant firstExecuteTime,
    @Nullable Instant lastExecuteTime,
    Map<String, JsonNode> outputs,
    List<AppliedObject> applied,
    List<String> log,
    List<StepStatus> subSteps,
    @Nullable Diagnostic diagnostic) {

  /** Validates and copies. */
  public StepStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reason, "reason");
    var o = new LinkedHashMap<String, JsonNode>();
    outputs.forEach((k, v) -> o.put(k, v.deepCopy()));
    outputs = Collections.unmodifiableMap(o);
    applied = List.copyOf(applied);
    log = List.copyOf(log);
    subSteps = List.copyOf(subSteps);
  }

  /**
   * A step that has not run.
   *
   * @param name the name
   * @param type the type
   * @return a pending status
   */
  public static StepStatus pending(String name, String type) {
    return new StepStatus(
        name,
        type,
        StepPhase.PENDING,
        "",
        "",
        null,
        null,
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        null);
  }

  /**
   * A copy in another phase, with a message and a reason.
   *
   * @param newPhase the phase
   * @param newMessage the message
   * @param newReason the reason
   * @return the copy
   */
  public StepStatus with(StepPhase newPhase, String newMessage, String newReason) {
    return new StepStatus(
        name,
        type,
        newPhase,
        newMessage,
        newReason,
        firstExecuteTime,
        lastExecuteTime,
        outputs,
        applied,
        log,
        subSteps,
        diagnostic);
  }

  /**
   * The targets this step applied to, in display form ({@code control-plane}, {@code
   * cluster/dev2}), without repeats.
   *
   * @return the targets
   */
  public List<String> targets() {
    return applied.stream().map(a -> a.target().display()).distinct().toList();
  }
}
