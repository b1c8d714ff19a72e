package io.vela4j.dispatch;

import io.vela4j.dispatch.internal.Json;
import io.vela4j.model.Diagnostic;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link Dispatcher#plan}: an ordered list of {@link Delivery deliveries}, the policy
 * and labels they were planned with, the diagnostics found while planning (warnings only: a plan
 * with errors is never returned, {@link DispatchException} is thrown instead), and a content hash.
 *
 * <p>Deliveries are ordered by target (control plane first, then clusters by name), then wave, then
 * the planner's order within the wave. The same request always gives an equal plan with the same
 * {@link #contentHash()}. A plan carries everything an executor needs: the {@link #policy()} (field
 * manager, conflicts, pruning, deletion, update strategy) and the {@link #labels()} its wrapper
 * objects carry, so an applier is given the plan alone. Immutable and thread-safe.
 */
public final class DispatchPlan {

  private final String dispatcher;
  private final DispatchPolicy policy;
  private final Map<String, String> labels;
  private final List<Delivery> deliveries;
  private final List<Diagnostic> diagnostics;
  private volatile @Nullable String contentHash;

  private DispatchPlan(
      String dispatcher,
      DispatchPolicy policy,
      Map<String, String> labels,
      List<Delivery> deliveries,
      List<Diagnostic> diagnostics) {
    this.dispatcher = dispatcher;
    this.policy = policy;
    this.labels = labels;
    this.deliveries = deliveries;
    this.diagnostics = diagnostics;
  }

  /**
   * A plan made with the default policy and no labels (for hand-made plans and tests).
   *
   * @param dispatcher the id of the dispatcher that made it
   * @param deliveries the deliveries, in execution order
   * @param diagnostics the warnings found while planning
   * @return the plan
   */
  public static DispatchPlan of(
      String dispatcher, List<Delivery> deliveries, List<Diagnostic> diagnostics) {
    return of(dispatcher, DispatchPolicy.defaults(), Map.of(), deliveries, diagnostics);
  }

  /**
   * A plan.
   *
   * @param dispatcher the id of the dispatcher that made it
   * @param policy the policy it was planned with, which its executor follows
   * @param labels the labels every wrapper object of the plan carries (such as {@code
   *     dispatch.vela4j.io/bundle: <bundle id>}), by which an executor finds the wrappers an
   *     earlier plan of the same bundle left behind
   * @param deliveries the deliveries, in execution order
   * @param diagnostics the warnings found while planning
   * @return the plan
   */
  public static DispatchPlan of(
      String dispatcher,
      DispatchPolicy policy,
      Map<String, String> labels,
      List<Delivery> deliveries,
      List<Diagnostic> diagnostics) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(policy, "policy");
    return new DispatchPlan(
        dispatcher,
        policy,
        Collections.unmodifiableMap(new TreeMap<>(labels)),
        List.copyOf(deliveries),
        List.copyOf(diagnostics));
  }

  /**
   * The id of the dispatcher that made this plan ({@code ocm}, {@code karmada}, {@code direct}).
   */
  public String dispatcher() {
    return dispatcher;
  }

  /** The policy this plan was made with; an executor applies the plan under it. */
  public DispatchPolicy policy() {
    return policy;
  }

  /**
   * The labels every wrapper object of this plan carries (ManifestWorks, Karmada policies, the
   * direct inventory parent), sorted by key: {@code dispatch.vela4j.io/bundle: <bundle id>} for a
   * planner's plan; empty for a plan merged from several bundles or made by hand.
   */
  public Map<String, String> labels() {
    return labels;
  }

  /** Every delivery, in execution order. */
  public List<Delivery> deliveries() {
    return deliveries;
  }

  /** Warnings and information found while planning. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Lower-case hex SHA-256 over the dispatcher id and every delivery's target, wave, action and
   * canonical JSON, in order (each followed by a newline). Computed on first use, by streaming the
   * deliveries' trees into the digest.
   */
  public String contentHash() {
    String h = contentHash;
    if (h == null) {
      h = hash(dispatcher, deliveries);
      contentHash = h;
    }
    return h;
  }

  /** The targets of this plan, control plane first, then clusters by name. */
  public SortedSet<DeliveryTarget> targets() {
    var s = new TreeSet<DeliveryTarget>();
    for (Delivery d : deliveries) {
      s.add(d.target());
    }
    return Collections.unmodifiableSortedSet(s);
  }

  /**
   * The deliveries of one target, in order.
   *
   * @param target the target
   * @return the deliveries (possibly empty)
   */
  public List<Delivery> deliveries(DeliveryTarget target) {
    return deliveries.stream().filter(d -> d.target().equals(target)).toList();
  }

  /** The deliveries grouped by target, in target order. */
  public Map<DeliveryTarget, List<Delivery>> byTarget() {
    var m = new TreeMap<DeliveryTarget, java.util.ArrayList<Delivery>>();
    for (Delivery d : deliveries) {
      m.computeIfAbsent(d.target(), t -> new java.util.ArrayList<>()).add(d);
    }
    var out = new LinkedHashMap<DeliveryTarget, List<Delivery>>();
    m.forEach((t, ds) -> out.put(t, List.copyOf(ds)));
    return Collections.unmodifiableMap(out);
  }

  private static String hash(String dispatcher, List<Delivery> deliveries) {
    MessageDigest md = Json.digest();
    Json.update(md, dispatcher);
    for (Delivery d : deliveries) {
      Json.update(md, d.target().display());
      Json.update(md, Integer.toString(d.wave()));
      Json.update(md, d.action().name());
      Json.update(md, d.tree());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DispatchPlan p
        && dispatcher.equals(p.dispatcher)
        && policy.equals(p.policy)
        && labels.equals(p.labels)
        && deliveries.equals(p.deliveries)
        && diagnostics.equals(p.diagnostics);
  }

  @Override
  public int hashCode() {
    return contentHash().hashCode();
  }

  @Override
  public String toString() {
    return "DispatchPlan["
        + dispatcher
        + ", "
        + deliveries.size()
        + " deliveries, "
        + contentHash().substring(0, 12)
        + "]";
  }
}
