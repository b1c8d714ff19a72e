package io.vela4j.dispatch.kube.internal;

import java.util.List;

/**
 * Prune of stale wrapper objects on a control plane (OCM ManifestWorks, Karmada policies): objects
 * of {@code kinds} labelled {@code labelKey=labelValue} that the plan no longer contains.
 *
 * @param labelKey the bundle label key ({@code dispatch.vela4j.io/bundle})
 * @param labelValue the bundle id
 * @param kinds {@code apiVersion|kind} pairs to list
 */
public record WrapperPrune(String labelKey, String labelValue, List<String> kinds) {
  /** Copies the list. */
  public WrapperPrune {
    kinds = List.copyOf(kinds);
  }
}
