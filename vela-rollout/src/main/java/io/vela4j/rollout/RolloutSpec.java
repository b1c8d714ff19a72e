package io.vela4j.rollout;

import io.vela4j.rollout.internal.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What to roll out: sizes, mode, style, steps, limits and clusters. Immutable; build one with
 * {@link #builder()}. Constructing a spec validates it completely: an invalid spec throws one
 * {@link RolloutException} listing every problem with its field path, so a {@code RolloutSpec} that
 * exists is always plannable.
 *
 * @param sourceReplicas replicas of the old version now (≥ 0)
 * @param targetReplicas final size (≥ 0); the builder defaults it to the sum of explicit cluster
 *     sizes, else to {@code sourceReplicas}
 * @param mode new version ({@link Mode#ROLLOUT}) or resize only ({@link Mode#SCALE})
 * @param style how the new version is brought in
 * @param order which side moves first inside a step
 * @param semantics whether step values are totals or increments
 * @param steps explicit steps; empty when {@code numBatches} generates them
 * @param numBatches number of generated batches, or (with explicit steps) their expected count;
 *     {@code null} when not given
 * @param maxSurge extra replicas allowed during a transition (percent rounds up), or {@code null}
 *     for the style's default
 * @param maxUnavailable replicas allowed to be missing during a transition (percent rounds down),
 *     or {@code null} for the style's default
 * @param batchPartition inclusive index of the last step to execute, or {@code null} for all
 * @param keepOneOld whether a step below 100% keeps at least one old replica (when N &gt; 1)
 * @param clusters clusters taking part (empty: a single workload)
 * @param clusterMode how the replicas are spread over the clusters
 * @param waves wave configuration for {@link ClusterMode#WAVES}, or {@code null}
 */
public record RolloutSpec(
    int sourceReplicas,
    int targetReplicas,
    Mode mode,
    Style style,
    Order order,
    Semantics semantics,
    List<RolloutStep> steps,
    @Nullable Integer numBatches,
    @Nullable IntOrPercent maxSurge,
    @Nullable IntOrPercent maxUnavailable,
    @Nullable Integer batchPartition,
    boolean keepOneOld,
    List<RolloutCluster> clusters,
    ClusterMode clusterMode,
    @Nullable ClusterWaves waves) {

  /** What the rollout changes. */
  public enum Mode {
    /** A new version replaces the old one. */
    ROLLOUT,
    /** Same version, resized from {@code sourceReplicas} to {@code targetReplicas}. */
    SCALE;

    /** Parses {@code ROLLOUT}, {@code rollout}, {@code Rollout}, ... */
    public static Mode parse(String text) {
      return Enums.parse(Mode.class, text);
    }
  }

  /** How the new version is brought in. */
  public enum Style {
    /** In place, total constant (CloneSet / StatefulSet partition). */
    PARTITION,
    /** An extra canary workload; the old one stays full until the final step. */
    CANARY,
    /** Argo-like replacement bounded by maxSurge / maxUnavailable. */
    SURGE;

    /** Parses the name in any case. */
    public static Style parse(String text) {
      return Enums.parse(Style.class, text);
    }
  }

  /** Which side moves first inside a step (KubeVela's {@code rolloutStrategy}). */
  public enum Order {
    /** Add new replicas first (surge), then remove old ones. */
    INCREASE_FIRST,
    /** Remove old replicas first (availability dips), then add new ones. */
    DECREASE_FIRST;

    /** Parses {@code INCREASE_FIRST} or KubeVela's {@code IncreaseFirst}, in any case. */
    public static Order parse(String text) {
      return Enums.parse(Order.class, text);
    }
  }

  /** What a step value means. */
  public enum Semantics {
    /** "20%" means 20% in total (OpenKruise, Argo Rollouts). */
    CUMULATIVE,
    /** "20%" means 20% more (KubeVela {@code rolloutBatches}). */
    INCREMENTAL;

    /** Parses the name in any case. */
    public static Semantics parse(String text) {
      return Enums.parse(Semantics.class, text);
    }
  }

  /** How replicas are spread over clusters. */
  public enum ClusterMode {
    /** Each step's global count is divided across clusters (Webster, weights = cluster sizes). */
    SPLIT,
    /** Every cluster runs the same steps on its own size, in lockstep. */
    SAME_PLAN,
    /** Clusters run the steps wave after wave. */
    WAVES;

    /** Parses {@code SAME_PLAN} or {@code SamePlan}, in any case. */
    public static ClusterMode parse(String text) {
      return Enums.parse(ClusterMode.class, text);
    }
  }

  /** Copies the lists and validates everything; throws {@link RolloutException} when invalid. */
  public RolloutSpec {
    steps = List.copyOf(steps);
    clusters = List.copyOf(clusters);
    java.util.Objects.requireNonNull(mode, "mode");
    java.util.Objects.requireNonNull(style, "style");
    java.util.Objects.requireNonNull(order, "order");
    java.util.Objects.requireNonNull(semantics, "semantics");
    java.util.Objects.requireNonNull(clusterMode, "clusterMode");
    var problems =
        SpecValidator.validate(
            sourceReplicas,
            targetReplicas,
            mode,
            semantics,
            steps,
            numBatches,
            maxSurge,
            maxUnavailable,
            batchPartition,
            clusters,
            clusterMode,
            waves);
    if (!problems.isEmpty()) {
      throw new RolloutException(problems);
    }
  }

  /** A new builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised from this spec. */
  public Builder toBuilder() {
    var b = new Builder();
    b.sourceReplicas = sourceReplicas;
    b.targetReplicas = targetReplicas;
    b.mode = mode;
    b.style = style;
    b.order = order;
    b.semantics = semantics;
    b.steps = steps.isEmpty() ? null : new ArrayList<>(steps);
    b.numBatches = numBatches;
    b.maxSurge = maxSurge;
    b.maxUnavailable = maxUnavailable;
    b.batchPartition = batchPartition;
    b.keepOneOld = keepOneOld;
    b.clusters = new ArrayList<>(clusters);
    b.clusterMode = clusterMode;
    b.waves = waves;
    return b;
  }

  /** Whether the steps are generated from {@link #numBatches()}. */
  public boolean generatedSteps() {
    return steps.isEmpty();
  }

  /**
   * Builds {@link RolloutSpec}s. Defaults: {@code ROLLOUT}, {@code PARTITION}, {@code
   * INCREASE_FIRST}, {@code CUMULATIVE}, {@code keepOneOld = true}, {@code SPLIT}, and one batch
   * when neither steps nor {@code numBatches} are given. Not thread-safe; the built spec is.
   */
  public static final class Builder {
    private int sourceReplicas;
    private @Nullable Integer targetReplicas;
    private Mode mode = Mode.ROLLOUT;
    private Style style = Style.PARTITION;
    private Order order = Order.INCREASE_FIRST;
    private Semantics semantics = Semantics.CUMULATIVE;
    private @Nullable List<RolloutStep> steps;
    private @Nullable Integer numBatches;
    private @Nullable IntOrPercent maxSurge;
    private @Nullable IntOrPercent maxUnavailable;
    private @Nullable Integer batchPartition;
    private boolean keepOneOld = true;
    private List<RolloutCluster> clusters = new ArrayList<>();
    private ClusterMode clusterMode = ClusterMode.SPLIT;
    private @Nullable ClusterWaves waves;

    private Builder() {}

    /** Sets the replicas of the old version now. */
    public Builder sourceReplicas(int value) {
      this.sourceReplicas = value;
      return this;
    }

    /** Sets the final size; {@code null} restores the default. */
    public Builder targetReplicas(@Nullable Integer value) {
      this.targetReplicas = value;
      return this;
    }

    /** Sets the mode. */
    public Builder mode(Mode value) {
      this.mode = value;
      return this;
    }

    /** Sets the style. */
    public Builder style(Style value) {
      this.style = value;
      return this;
    }

    /** Sets the order inside a step. */
    public Builder order(Order value) {
      this.order = value;
      return this;
    }

    /** Sets the step semantics. */
    public Builder semantics(Semantics value) {
      this.semantics = value;
      return this;
    }

    /** Sets explicit steps (an empty list is invalid); {@code null} removes them. */
    public Builder steps(@Nullable List<RolloutStep> value) {
      this.steps = value == null ? null : new ArrayList<>(value);
      return this;
    }

    /** Sets the number of batches. */
    public Builder numBatches(@Nullable Integer value) {
      this.numBatches = value;
      return this;
    }

    /** Sets maxSurge. */
    public Builder maxSurge(@Nullable IntOrPercent value) {
      this.maxSurge = value;
      return this;
    }

    /** Sets maxUnavailable. */
    public Builder maxUnavailable(@Nullable IntOrPercent value) {
      this.maxUnavailable = value;
      return this;
    }

    /** Sets the batch partition (inclusive). */
    public Builder batchPartition(@Nullable Integer value) {
      this.batchPartition = value;
      return this;
    }

    /** Sets whether steps below 100% keep one old replica. */
    public Builder keepOneOld(boolean value) {
      this.keepOneOld = value;
      return this;
    }

    /** Sets the clusters. */
    public Builder clusters(List<RolloutCluster> value) {
      this.clusters = new ArrayList<>(value);
      return this;
    }

    /** Sets the cluster mode. */
    public Builder clusterMode(ClusterMode value) {
      this.clusterMode = value;
      return this;
    }

    /** Sets the waves. */
    public Builder waves(@Nullable ClusterWaves value) {
      this.waves = value;
      return this;
    }

    /**
     * Builds and validates the spec.
     *
     * @throws RolloutException listing every problem
     */
    public RolloutSpec build() {
      int target;
      if (targetReplicas != null) {
        target = targetReplicas;
      } else if (!clusters.isEmpty()
          && clusters.stream().allMatch(c -> c.replicas() != null && c.weight() == null)) {
        long sum = 0;
        for (var c : clusters) {
          sum += c.replicas();
        }
        target = (int) Math.min(Integer.MAX_VALUE, sum);
      } else {
        target = Math.max(0, sourceReplicas);
      }
      Integer batches = numBatches;
      List<RolloutStep> stepList = steps == null ? List.of() : steps;
      if (steps == null && batches == null) {
        batches = 1;
      } else if (steps != null && steps.isEmpty()) {
        batches = null; // an explicit empty list is an error even when numBatches is given
      }
      return new RolloutSpec(
          sourceReplicas,
          target,
          mode,
          style,
          order,
          semantics,
          stepList,
          batches,
          maxSurge,
          maxUnavailable,
          batchPartition,
          keepOneOld,
          clusters,
          clusterMode,
          waves);
    }
  }

  /** Enum parsing that accepts upper snake case and KubeVela's camel case. */
  static final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
      var key = text.strip().replace("_", "").replace("-", "").toUpperCase(Locale.ROOT);
      for (var e : type.getEnumConstants()) {
        if (e.name().replace("_", "").equals(key)) {
          return e;
        }
      }
      throw new IllegalArgumentException(
          "expected one of " + List.of(type.getEnumConstants()) + ", found \"" + text + "\"");
    }
  }
}
