package io.vela4j.dispatch.kube;

import java.util.Objects;

/**
 * What happened to one object of a plan on one target. Immutable.
 *
 * @param ref the object
 * @param wave the wave of the delivery (for prunes: one past the last wave)
 * @param operation what was attempted
 * @param result what happened
 * @param message a human-readable detail: the server's error, or empty
 */
public record ObjectOutcome(
    ObjectRef ref, int wave, Operation operation, Result result, String message) {

  /** What was attempted. */
  public enum Operation {
    /** Server-side apply. */
    APPLY,
    /** Explicit delete from the plan. */
    DELETE,
    /** Wait for a CustomResourceDefinition to be Established. */
    WAIT_ESTABLISHED,
    /** Delete of an inventory member the plan no longer contains. */
    PRUNE,
    /** Write of the ApplySet inventory parent. */
    INVENTORY
  }

  /** What happened. */
  public enum Result {
    /** Applied (created or updated). */
    APPLIED,
    /** Deleted (explicitly or by prune). */
    DELETED,
    /** Nothing to delete: the object was already gone. */
    ABSENT,
    /**
     * The awaited object is ready: a CRD reported Established=True, a ManifestWork Applied=True,
     * any other object exists.
     */
    ESTABLISHED,
    /** Left as it was: it exists and the update strategy is CREATE_ONLY or READ_ONLY. */
    UNCHANGED,
    /** A server-side apply field conflict without force (HTTP 409). */
    CONFLICT,
    /** Any other failure, after retries for transient errors. */
    FAILED,
    /** Not attempted because an earlier wave on this target failed. */
    SKIPPED
  }

  /** Validates the components. */
  public ObjectOutcome {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(message, "message");
  }

  /** Whether this outcome is a failure ({@link Result#CONFLICT} or {@link Result#FAILED}). */
  public boolean failed() {
    return result == Result.CONFLICT || result == Result.FAILED;
  }
}
