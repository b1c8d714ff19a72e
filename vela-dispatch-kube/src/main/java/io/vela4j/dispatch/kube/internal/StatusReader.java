package io.vela4j.dispatch.kube.internal;

import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.kube.ApiServer;
import io.vela4j.dispatch.kube.ApiServerException;
import io.vela4j.dispatch.kube.Health;
import io.vela4j.dispatch.kube.ObjectRef;
import io.vela4j.dispatch.kube.ResourceStatus;
import io.vela4j.dispatch.kube.TargetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads back the objects a plan applies on one target. On a Karmada control plane, a resource
 * template's health is its ResourceBinding's (ClusterResourceBinding for cluster-scoped templates),
 * named {@code lower(<name>-<kind>)} with ':' replaced by '.' as Karmada's {@code
 * GenerateBindingName} does. Namespaces are the exception: Karmada's namespace sync controller
 * propagates them without a binding, so they are judged by existence.
 */
public final class StatusReader {
  private final String dispatcher;
  private final ApiServer api;

  /** A reader for plans of {@code dispatcher} on {@code api}. */
  public StatusReader(String dispatcher, ApiServer api) {
    this.dispatcher = dispatcher;
    this.api = api;
  }

  /** The status of every applied object of {@code deliveries}, in order. */
  public TargetStatus read(DeliveryTarget target, List<Delivery> deliveries) {
    var out = new ArrayList<ResourceStatus>();
    for (var d : deliveries) {
      if (d.action() != Delivery.Action.APPLY) {
        continue;
      }
      var object = d.object();
      if (Inventory.isParent(object)) {
        continue;
      }
      var ref = ObjectRef.of(object);
      try {
        if (isKarmadaTemplate(target, ref)) {
          out.add(karmadaTemplate(ref));
        } else {
          out.add(HealthReaders.read(ref, api.get(ref).orElse(null)));
        }
      } catch (ApiServerException e) {
        out.add(new ResourceStatus(ref, false, Health.UNKNOWN, e.getMessage(), Map.of()));
      }
    }
    return TargetStatus.of(target, out);
  }

  private boolean isKarmadaTemplate(DeliveryTarget target, ObjectRef ref) {
    // Namespaces are propagated by Karmada's namespace sync controller, without a binding
    return "karmada".equals(dispatcher)
        && target instanceof DeliveryTarget.ControlPlane
        && !ref.group().endsWith("karmada.io")
        && !(ref.group().isEmpty() && ref.kind().equals("Namespace"));
  }

  private ResourceStatus karmadaTemplate(ObjectRef ref) {
    var template = api.get(ref);
    if (template.isEmpty()) {
      return HealthReaders.read(ref, null);
    }
    var name = (ref.name() + "-" + ref.kind()).toLowerCase(Locale.ROOT).replace(':', '.');
    var bindingRef =
        ref.namespace() == null
            ? new ObjectRef("work.karmada.io/v1alpha2", "ClusterResourceBinding", null, name)
            : new ObjectRef("work.karmada.io/v1alpha2", "ResourceBinding", ref.namespace(), name);
    var binding = api.get(bindingRef);
    if (binding.isEmpty()) {
      return new ResourceStatus(
          ref, true, Health.PROGRESSING, "no " + bindingRef.kind() + " " + name + " yet", Map.of());
    }
    var status = HealthReaders.read(bindingRef, binding.get());
    return new ResourceStatus(ref, true, status.health(), status.message(), status.feedback());
  }
}
