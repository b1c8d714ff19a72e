package io.vela4j.dispatch;

/**
 * A multi-cluster delivery engine's planner: turns a {@link DispatchRequest} into a {@link
 * DispatchPlan} of Kubernetes objects for that engine (OCM ManifestWorks, Karmada policies and
 * templates, or plain per-cluster objects).
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} (register them in {@code
 * META-INF/services/io.vela4j.dispatch.Dispatcher}) or passed explicitly to {@link Dispatchers}.
 * They must be stateless, thread-safe and pure: {@link #plan} does no I/O, reads no clock and gives
 * byte-identical plans for equal requests.
 */
public interface Dispatcher {

  /** A short, stable, lower-case id such as {@code ocm}, {@code karmada} or {@code direct}. */
  String id();

  /** What this dispatcher supports. */
  Capabilities capabilities();

  /**
   * Plans the delivery of a bundle.
   *
   * @param request the bundle, placement and policy
   * @return the plan; its diagnostics are warnings only
   * @throws DispatchException listing every error found (bad overrides, oversize objects, ...)
   */
  DispatchPlan plan(DispatchRequest request);
}
