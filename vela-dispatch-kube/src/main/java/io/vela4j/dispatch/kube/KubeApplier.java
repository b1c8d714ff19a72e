package io.vela4j.dispatch.kube;

import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.kube.internal.ClusterRun;
import io.vela4j.dispatch.kube.internal.RetryingApiServer;
import io.vela4j.dispatch.kube.internal.RunSettings;
import io.vela4j.dispatch.kube.internal.StatusReader;
import io.vela4j.dispatch.kube.internal.Step;
import io.vela4j.dispatch.kube.internal.WrapperPrune;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a {@link DispatchPlan} to real API servers and reads back its status.
 *
 * <p>The plan carries everything it is applied with: its {@link DispatchPlan#policy() policy} and
 * the {@link DispatchPlan#labels() labels} of its wrapper objects. Per target (control plane or
 * member cluster): deliveries run wave by wave with server-side apply under the policy's field
 * manager ({@code force=true} only for {@link DispatchPolicy.Conflict#OVERWRITE}); before the next
 * wave, every CustomResourceDefinition applied in the wave and every {@code WAIT_ESTABLISHED}
 * delivery must be ready. When the target has an ApplySet inventory parent (direct plans), the
 * inventory is recorded before each wave, rewritten after a failed wave to list exactly what
 * exists, and — once every wave succeeded and the policy allows it — members that are no longer
 * desired are pruned. A failed wave stops its target; other targets continue. Targets run in
 * parallel, at most {@code concurrency} at a time. Transient API errors (429, 5xx, timeouts,
 * resets) are retried with bounded exponential backoff.
 *
 * <p>Immutable and thread-safe: one instance can apply many plans concurrently.
 *
 * <pre>{@code
 * var applier = KubeApplier.builder().concurrency(8).build();
 * try (var connections = ClusterConnections.fromKubeconfig(Path.of("clusters.yaml"))) {
 *   ApplyResult result = applier.apply(plan, connections); // throws KubeApplyException on failure
 * }
 * }</pre>
 */
public final class KubeApplier {
  private final int concurrency;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Duration readyTimeout;
  private final Duration pollInterval;
  private final ApplyListener listener;

  private KubeApplier(Builder b) {
    this.concurrency = b.concurrency;
    this.retry = b.retry;
    this.sleeper = b.sleeper;
    this.readyTimeout = b.readyTimeout;
    this.pollInterval = b.pollInterval;
    this.listener = b.listener;
  }

  /** An applier with the default policy and options. */
  public static KubeApplier create() {
    return builder().build();
  }

  /** A builder with the defaults: 4 targets at a time, {@link RetryPolicy#DEFAULT}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies every delivery of {@code plan} to its target.
   *
   * @return the per-target outcome when every target succeeded
   * @throws KubeApplyException when any target failed; it lists each failed target and object and
   *     carries the complete {@link ApplyResult}
   */
  public ApplyResult apply(DispatchPlan plan, ClusterConnections connections) {
    var result = applyAll(plan, connections);
    if (!result.succeeded()) {
      throw new KubeApplyException(result);
    }
    return result;
  }

  /** Like {@link #apply} but returns the result even when targets failed, without throwing. */
  public ApplyResult applyAll(DispatchPlan plan, ClusterConnections connections) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(connections, "connections");
    var byTarget = plan.byTarget();
    var tasks = new ArrayList<Callable<ClusterOutcome>>();
    for (var entry : byTarget.entrySet()) {
      var target = entry.getKey();
      var deliveries = entry.getValue();
      tasks.add(() -> runTarget(plan, target, deliveries, connections));
    }
    var outcomes = runAll(tasks, new ArrayList<>(byTarget.keySet()));
    return new ApplyResult(plan.contentHash(), outcomes);
  }

  /**
   * Reads back the health of every object the plan applies: workloads by their available replicas,
   * Jobs by completion, CRDs by Established, OCM ManifestWorks by their conditions and status
   * feedback, Karmada resource templates by their ResourceBinding's aggregated status (never {@code
   * FullyApplied} alone). Targets without a connection are reported as unknown.
   */
  public StatusReport status(DispatchPlan plan, ClusterConnections connections) {
    var byTarget = plan.byTarget();
    var tasks = new ArrayList<Callable<TargetStatus>>();
    for (var entry : byTarget.entrySet()) {
      var target = entry.getKey();
      var deliveries = entry.getValue();
      tasks.add(
          () -> {
            var server = connections.server(target);
            if (server.isEmpty()) {
              return TargetStatus.unreachable(target, connections.missing(target));
            }
            return new StatusReader(plan.dispatcher(), retrying(server.get()))
                .read(target, deliveries);
          });
    }
    return new StatusReport(plan.contentHash(), runAll(tasks, new ArrayList<>(byTarget.keySet())));
  }

  private ClusterOutcome runTarget(
      DispatchPlan plan,
      DeliveryTarget target,
      List<Delivery> deliveries,
      ClusterConnections connections) {
    DispatchPolicy policy = plan.policy();
    ApiServer server;
    try {
      var found = connections.server(target);
      if (found.isEmpty()) {
        return finished(
            new ClusterOutcome(
                target, false, List.of(), -1, List.of(), connections.missing(target)));
      }
      server = found.get();
    } catch (RuntimeException e) {
      return finished(
          new ClusterOutcome(
              target, false, List.of(), -1, List.of(), String.valueOf(e.getMessage())));
    }
    var steps = new ArrayList<Step>();
    for (var d : deliveries) {
      var op =
          switch (d.action()) {
            case APPLY -> ObjectOutcome.Operation.APPLY;
            case DELETE -> ObjectOutcome.Operation.DELETE;
            case WAIT_ESTABLISHED -> ObjectOutcome.Operation.WAIT_ESTABLISHED;
          };
      steps.add(new Step(d.wave(), op, d.object()));
    }
    // the update strategy is about member objects; wrappers on the control plane are always applied
    var strategy =
        target instanceof DeliveryTarget.Cluster
            ? policy.updateStrategy()
            : DispatchPolicy.UpdateStrategy.SERVER_SIDE_APPLY;
    boolean readOnly = strategy == DispatchPolicy.UpdateStrategy.READ_ONLY;
    var settings =
        new RunSettings(
            policy.fieldManager(),
            policy.conflict() == DispatchPolicy.Conflict.OVERWRITE,
            policy.prune() && !readOnly,
            policy.deletion() == DispatchPolicy.Deletion.ORPHAN,
            polls(),
            pollInterval,
            sleeper,
            listener,
            strategy);
    try {
      return new ClusterRun(
              target, retrying(server), steps, settings, wrapperPrune(plan, target, deliveries))
          .run();
    } catch (RuntimeException e) {
      return finished(
          new ClusterOutcome(target, false, List.of(), -1, List.of(), "unexpected failure: " + e));
    }
  }

  /** The bundle label the planners put on wrapper objects (ManifestWorks, Karmada policies). */
  static final String BUNDLE_LABEL = "dispatch.vela4j.io/bundle";

  /**
   * On a control plane, the wrapper kinds to prune by the plan's bundle label: the kinds of the
   * deliveries that carry it, plus ManifestWork for OCM plans and the four Karmada policy kinds for
   * Karmada plans (so a kind that vanished from the plan is still cleaned up). None when the plan
   * has no bundle label (a plan merged from several bundles is not ours to judge).
   */
  private static @org.jspecify.annotations.Nullable WrapperPrune wrapperPrune(
      DispatchPlan plan, DeliveryTarget target, List<Delivery> deliveries) {
    String bundle = plan.labels().get(BUNDLE_LABEL);
    if (!(target instanceof DeliveryTarget.ControlPlane) || bundle == null) {
      return null;
    }
    var kinds = new java.util.TreeSet<String>();
    for (var d : deliveries) {
      if (d.action() != Delivery.Action.APPLY || !bundle.equals(d.labels().get(BUNDLE_LABEL))) {
        continue;
      }
      kinds.add(d.key().apiVersion() + "|" + d.key().kind());
      if (d.key().group().equals("work.open-cluster-management.io")) {
        kinds.add("work.open-cluster-management.io/v1|ManifestWork");
      }
      if (d.key().group().equals("policy.karmada.io")) {
        for (var k :
            List.of(
                "PropagationPolicy",
                "ClusterPropagationPolicy",
                "OverridePolicy",
                "ClusterOverridePolicy")) {
          kinds.add("policy.karmada.io/v1alpha1|" + k);
        }
      }
    }
    return kinds.isEmpty() ? null : new WrapperPrune(BUNDLE_LABEL, bundle, List.copyOf(kinds));
  }

  private ClusterOutcome finished(ClusterOutcome outcome) {
    listener.targetFinished(outcome);
    return outcome;
  }

  private int polls() {
    if (pollInterval.isZero()) {
      return 1;
    }
    return (int)
        Math.max(
            1,
            Math.min(
                Integer.MAX_VALUE,
                readyTimeout.toMillis() / Math.max(1, pollInterval.toMillis()) + 1));
  }

  private ApiServer retrying(ApiServer server) {
    return new RetryingApiServer(server, retry, sleeper);
  }

  private <T> List<T> runAll(List<Callable<T>> tasks, List<DeliveryTarget> targets) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    int threads = Math.min(concurrency, tasks.size());
    var counter = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              var t = new Thread(r, "vela4j-apply-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      var futures = new ArrayList<Future<T>>();
      for (var task : tasks) {
        futures.add(pool.submit(task));
      }
      var out = new ArrayList<T>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "apply of " + targets.get(i).display() + " failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          futures.forEach(f -> f.cancel(true));
          throw new IllegalStateException("interrupted while applying", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Builds a {@link KubeApplier}. Not thread-safe. */
  public static final class Builder {
    private int concurrency = 4;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration readyTimeout = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofSeconds(1);
    private ApplyListener listener = ApplyListener.NONE;

    private Builder() {}

    /** How many targets are applied at the same time (at least 1). */
    public Builder concurrency(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("concurrency must be >= 1, was " + v);
      }
      this.concurrency = v;
      return this;
    }

    /** The retry policy for transient API errors. */
    public Builder retry(RetryPolicy v) {
      this.retry = Objects.requireNonNull(v, "retry");
      return this;
    }

    /** How to wait between retries and readiness polls (tests inject a recording sleeper). */
    public Builder sleeper(Sleeper v) {
      this.sleeper = Objects.requireNonNull(v, "sleeper");
      return this;
    }

    /** How long to wait for a CRD to be Established (or another awaited object to be ready). */
    public Builder readyTimeout(Duration v) {
      if (v.isNegative()) {
        throw new IllegalArgumentException("readyTimeout must not be negative");
      }
      this.readyTimeout = v;
      return this;
    }

    /** The delay between readiness checks. */
    public Builder pollInterval(Duration v) {
      if (v.isNegative()) {
        throw new IllegalArgumentException("pollInterval must not be negative");
      }
      this.pollInterval = v;
      return this;
    }

    /** Receives progress (per wave and per target). */
    public Builder listener(ApplyListener v) {
      this.listener = Objects.requireNonNull(v, "listener");
      return this;
    }

    /** The applier. */
    public KubeApplier build() {
      return new KubeApplier(this);
    }
  }
}
