package io.vela4j.dispatch;

import io.vela4j.model.kube.ResourceScopes;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a {@link Dispatcher} needs to plan: what (bundle), where (placement), how (policy),
 * and the kind table. Immutable.
 *
 * @param bundle the objects
 * @param placement the clusters, with replicas and overrides
 * @param policy delivery policy
 * @param scopes the kind table; planners also add the CRDs of the bundle to it
 * @param options planner-specific options (sorted by key); unknown keys are reported as warnings by
 *     the planners. Known keys are documented on each planner.
 */
public record DispatchRequest(
    Bundle bundle,
    Placement placement,
    DispatchPolicy policy,
    ResourceScopes scopes,
    Map<String, String> options) {

  /** Validates and copies the components. */
  public DispatchRequest {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(scopes, "scopes");
    options = Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /**
   * A request with the built-in kind table and no options.
   *
   * @param bundle the objects
   * @param placement the clusters
   * @param policy the policy
   * @return the request
   */
  public static DispatchRequest of(Bundle bundle, Placement placement, DispatchPolicy policy) {
    return new DispatchRequest(bundle, placement, policy, ResourceScopes.builtin(), Map.of());
  }

  /** A copy with one more option. */
  public DispatchRequest withOption(String key, String value) {
    var m = new TreeMap<>(options);
    m.put(key, value);
    return new DispatchRequest(bundle, placement, policy, scopes, m);
  }
}
