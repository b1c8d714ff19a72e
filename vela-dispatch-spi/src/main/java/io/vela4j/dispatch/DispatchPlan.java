package io.vela4j.dispatch;

import io.vela4j.dispatch.internal.Json;
import io.vela4j.model.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link Dispatcher#plan}: an ordered list of {@link Delivery deliveries}, the
 * diagnostics found while planning (warnings only: a plan with errors is never returned, {@link
 * DispatchException} is thrown instead), and a content hash.
 *
 * <p>Deliveries are ordered by target (control plane first, then clusters by name), then wave, then
 * the planner's order within the wave. The same request always gives an equal plan with the same
 * {@link #contentHash()}. Immutable and thread-safe.
 */
public final class DispatchPlan {

  private final String dispatcher;
  private final List<Delivery> deliveries;
  private final List<Diagnostic> diagnostics;
  private final String contentHash;

  private DispatchPlan(
      String dispatcher, List<Delivery> deliveries, List<Diagnostic> diagnostics, String hash) {
    this.dispatcher = dispatcher;
    this.deliveries = deliveries;
    this.diagnostics = diagnostics;
    this.contentHash = hash;
  }

  /**
   * A plan; the content hash is computed from the dispatcher id and the deliveries.
   *
   * @param dispatcher the id of the dispatcher that made it
   * @param deliveries the deliveries, in execution order
   * @param diagnostics the warnings found while planning
   * @return the plan
   */
  public static DispatchPlan of(
      String dispatcher, List<Delivery> deliveries, List<Diagnostic> diagnostics) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    var d = List.copyOf(deliveries);
    return new DispatchPlan(dispatcher, d, List.copyOf(diagnostics), hash(dispatcher, d));
  }

  /**
   * The id of the dispatcher that made this plan ({@code ocm}, {@code karmada}, {@code direct}).
   */
  public String dispatcher() {
    return dispatcher;
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
   * canonical JSON, in order.
   */
  public String contentHash() {
    return contentHash;
  }

  /** The targets of this plan, control plane first, then clusters by name. */
  public SortedSet<DeliveryTarget> targets() {
    var s = new TreeSet<DeliveryTarget>();
    for (Delivery d : deliveries) {
      s.add(d.target());
    }
    return java.util.Collections.unmodifiableSortedSet(s);
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
    var m = new LinkedHashMap<DeliveryTarget, List<Delivery>>();
    for (DeliveryTarget t : targets()) {
      m.put(t, deliveries(t));
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static String hash(String dispatcher, List<Delivery> deliveries) {
    MessageDigest md = Json.digest();
    update(md, dispatcher);
    for (Delivery d : deliveries) {
      update(md, d.target().display());
      update(md, Integer.toString(d.wave()));
      update(md, d.action().name());
      update(md, d.json());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DispatchPlan p
        && contentHash.equals(p.contentHash)
        && dispatcher.equals(p.dispatcher)
        && deliveries.equals(p.deliveries)
        && diagnostics.equals(p.diagnostics);
  }

  @Override
  public int hashCode() {
    return contentHash.hashCode();
  }

  @Override
  public String toString() {
    return "DispatchPlan["
        + dispatcher
        + ", "
        + deliveries.size()
        + " deliveries, "
        + contentHash.substring(0, 12)
        + "]";
  }
}
