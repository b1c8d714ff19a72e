package io.vela4j.dispatch.kube.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.kube.ObjectOutcome;
import io.vela4j.dispatch.kube.ObjectRef;

/**
 * One delivery for one target, as the apply loop sees it.
 *
 * @param wave the wave
 * @param operation {@code APPLY}, {@code DELETE} or {@code WAIT_ESTABLISHED}
 * @param object the object (for {@code WAIT_ESTABLISHED}: the CRD, only its name is used)
 */
public record Step(int wave, ObjectOutcome.Operation operation, GenericKubernetesResource object) {
  /** The object's reference. */
  public ObjectRef ref() {
    return ObjectRef.of(object);
  }
}
