package io.vela4j.model.kube;

import java.util.Objects;

/**
 * How the API server serves one kind: its plural resource name and whether it is namespaced.
 *
 * @param group the API group, {@code ""} for core
 * @param kind the kind
 * @param plural the plural resource name, such as {@code deployments} (what OCM's {@code
 *     resourceIdentifier.resource} needs)
 * @param namespaced whether objects of this kind live in a namespace
 */
public record ResourceScope(String group, String kind, String plural, boolean namespaced) {
  /** Validates the components. */
  public ResourceScope {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
    if (kind.isEmpty() || plural.isEmpty()) {
      throw new IllegalArgumentException("kind and plural must not be empty");
    }
  }
}
