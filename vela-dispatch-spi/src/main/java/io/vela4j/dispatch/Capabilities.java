package io.vela4j.dispatch;

/**
 * What a {@link Dispatcher} can do, so callers can choose one and know what to expect. Immutable.
 *
 * @param overriders how per-cluster overriders are expressed
 * @param nativeReplicaDivision whether the target system divides replicas itself (Karmada)
 * @param statusFeedback whether the system copies status back to the control plane (OCM)
 * @param requiresControlPlane whether deliveries go to a control plane rather than to the clusters
 * @param garbageCollection how objects that left the bundle are removed
 * @param maxPayloadBytes the payload limit per delivered object the planner enforces, or 0 for none
 */
public record Capabilities(
    OverriderSupport overriders,
    boolean nativeReplicaDivision,
    boolean statusFeedback,
    boolean requiresControlPlane,
    GarbageCollection garbageCollection,
    int maxPayloadBytes) {

  /** How overriders reach the clusters. */
  public enum OverriderSupport {
    /** The system applies them itself (Karmada OverridePolicy). */
    NATIVE,
    /** The planner bakes them into each cluster's objects (OCM, direct). */
    RENDERED
  }

  /** How removed objects are cleaned up. */
  public enum GarbageCollection {
    /** The system deletes what left its spec (OCM work agent, Karmada). */
    NATIVE,
    /** An inventory (ApplySet) lists what was applied; the executor prunes. */
    INVENTORY
  }
}
