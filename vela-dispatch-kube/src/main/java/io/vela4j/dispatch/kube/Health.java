package io.vela4j.dispatch.kube;

/** The health of an object or target, from best to worst. */
public enum Health {
  /**
   * Ready: available replicas reached, Job complete, CRD Established, work applied and available.
   */
  HEALTHY,
  /** Exists but not ready yet (rolling out, not yet reported). */
  PROGRESSING,
  /** The status cannot tell (for example Karmada reports {@code health: Unknown}). */
  UNKNOWN,
  /** The object does not exist. */
  MISSING,
  /** Failed: Job failed, progress deadline exceeded, work degraded or not applied. */
  UNHEALTHY;

  /** The worse of two healths. */
  public Health worst(Health other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
