package io.vela4j.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How objects are delivered and removed. Create it with {@link #builder()} or {@link #defaults()};
 * components may be added in later versions, so prefer the builder over the canonical constructor.
 * Immutable.
 *
 * @param fieldManager the server-side-apply field manager (1 to 128 printable characters); OCM
 *     requires a {@code work-agent} prefix, which the OCM planner adds
 * @param conflict what to do when a field or object is owned by someone else
 * @param deletion what happens to delivered objects when the dispatch is deleted
 * @param prune whether objects that left the bundle are deleted from the clusters
 * @param feedback status fields to copy back (OCM {@code feedbackRules})
 * @param maxPayloadBytes the largest payload of one delivered wrapper object (OCM: total manifest
 *     bytes of one ManifestWork; OCM's webhook default is 512000)
 * @param updateStrategy how existing objects are updated
 * @param inventoryNamespace the namespace of the direct planner's ApplySet parent Secret, or {@code
 *     null} for the placement's namespace (else {@code default})
 */
public record DispatchPolicy(
    String fieldManager,
    Conflict conflict,
    Deletion deletion,
    boolean prune,
    List<FeedbackRule> feedback,
    int maxPayloadBytes,
    UpdateStrategy updateStrategy,
    @Nullable String inventoryNamespace) {

  /** OCM's default manifest limit per ManifestWork, in bytes (500 × 1024). */
  public static final int OCM_DEFAULT_MAX_PAYLOAD_BYTES = 512_000;

  /** The default field manager. */
  public static final String DEFAULT_FIELD_MANAGER = "vela4j";

  /** Conflict handling. */
  public enum Conflict {
    /** Fail the object (SSA without force; Karmada {@code Abort}; OCM SSA {@code force: false}). */
    ABORT,
    /** Take ownership (forced SSA; Karmada {@code Overwrite}; OCM SSA {@code force: true}). */
    OVERWRITE
  }

  /** What happens to delivered objects when the dispatch is deleted. */
  public enum Deletion {
    /** Delete them (OCM {@code Foreground}; Karmada default). */
    DELETE,
    /** Leave them (OCM {@code Orphan}; Karmada {@code preserveResourcesOnDeletion: true}). */
    ORPHAN
  }

  /** How existing objects are updated (OCM {@code updateStrategy.type}). */
  public enum UpdateStrategy {
    /** Server-side apply with {@link #fieldManager()}. */
    SERVER_SIDE_APPLY,
    /** Client-side update (OCM {@code Update}). */
    UPDATE,
    /** Create when absent, never update (OCM {@code CreateOnly}). */
    CREATE_ONLY,
    /** Only check existence and read status; never write or delete (OCM {@code ReadOnly}). */
    READ_ONLY
  }

  /**
   * A status field to copy back from the clusters (OCM {@code feedbackRules}).
   *
   * @param kind the kind of the objects it applies to, such as {@code Deployment}
   * @param name the feedback value name (such as {@code readyReplicas}), or {@code null} together
   *     with a {@code null} jsonPath for OCM's {@code WellKnownStatus}
   * @param jsonPath the path of a scalar relative to {@code .status} (OCM semantics), such as
   *     {@code .readyReplicas}, or {@code null} for {@code WellKnownStatus}
   */
  public record FeedbackRule(String kind, @Nullable String name, @Nullable String jsonPath) {
    /** Validates the components. */
    public FeedbackRule {
      Objects.requireNonNull(kind, "kind");
      if ((name == null) != (jsonPath == null)) {
        throw new IllegalArgumentException(
            "feedback rule for " + kind + " needs both name and jsonPath, or neither");
      }
    }

    /** Whether this is OCM's {@code WellKnownStatus} rule (no name and path). */
    public boolean wellKnown() {
      return jsonPath == null;
    }
  }

  /** Validates and copies the components. */
  public DispatchPolicy {
    Objects.requireNonNull(fieldManager, "fieldManager");
    Objects.requireNonNull(conflict, "conflict");
    Objects.requireNonNull(deletion, "deletion");
    Objects.requireNonNull(updateStrategy, "updateStrategy");
    feedback = List.copyOf(feedback);
    if (fieldManager.isEmpty() || fieldManager.length() > 128) {
      throw new IllegalArgumentException("fieldManager must have 1 to 128 characters");
    }
    for (int i = 0; i < fieldManager.length(); i++) {
      char c = fieldManager.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("fieldManager must be printable ASCII: " + fieldManager);
      }
    }
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException(
          "maxPayloadBytes must be positive, was " + maxPayloadBytes);
    }
  }

  /** The defaults: field manager {@code vela4j}, ABORT, DELETE, prune, SSA, 512000 bytes. */
  public static DispatchPolicy defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder()
        .fieldManager(fieldManager)
        .conflict(conflict)
        .deletion(deletion)
        .prune(prune)
        .feedback(feedback)
        .maxPayloadBytes(maxPayloadBytes)
        .updateStrategy(updateStrategy)
        .inventoryNamespace(inventoryNamespace);
  }

  /** Builds a {@link DispatchPolicy}. Not thread-safe. */
  public static final class Builder {
    private String fieldManager = DEFAULT_FIELD_MANAGER;
    private Conflict conflict = Conflict.ABORT;
    private Deletion deletion = Deletion.DELETE;
    private boolean prune = true;
    private List<FeedbackRule> feedback = new ArrayList<>();
    private int maxPayloadBytes = OCM_DEFAULT_MAX_PAYLOAD_BYTES;
    private UpdateStrategy updateStrategy = UpdateStrategy.SERVER_SIDE_APPLY;
    private @Nullable String inventoryNamespace;

    private Builder() {}

    /** Sets the field manager. */
    public Builder fieldManager(String v) {
      this.fieldManager = v;
      return this;
    }

    /** Sets the conflict handling. */
    public Builder conflict(Conflict v) {
      this.conflict = v;
      return this;
    }

    /** Sets the deletion handling. */
    public Builder deletion(Deletion v) {
      this.deletion = v;
      return this;
    }

    /** Sets whether removed objects are pruned. */
    public Builder prune(boolean v) {
      this.prune = v;
      return this;
    }

    /** Replaces the feedback rules. */
    public Builder feedback(List<FeedbackRule> v) {
      this.feedback = new ArrayList<>(v);
      return this;
    }

    /** Adds a feedback rule. */
    public Builder addFeedback(FeedbackRule v) {
      this.feedback.add(v);
      return this;
    }

    /** Sets the maximum payload per delivered wrapper object. */
    public Builder maxPayloadBytes(int v) {
      this.maxPayloadBytes = v;
      return this;
    }

    /** Sets the update strategy. */
    public Builder updateStrategy(UpdateStrategy v) {
      this.updateStrategy = v;
      return this;
    }

    /** Sets the inventory namespace of the direct planner ({@code null} for the default). */
    public Builder inventoryNamespace(@Nullable String v) {
      this.inventoryNamespace = v;
      return this;
    }

    /** The policy. */
    public DispatchPolicy build() {
      return new DispatchPolicy(
          fieldManager,
          conflict,
          deletion,
          prune,
          feedback,
          maxPayloadBytes,
          updateStrategy,
          inventoryNamespace);
    }
  }
}
