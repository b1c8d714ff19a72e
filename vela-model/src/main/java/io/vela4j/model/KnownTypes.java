package io.vela4j.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.oam.ComponentDefinition;
import io.vela4j.model.oam.PolicyDefinition;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.model.oam.WorkflowStepDefinition;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The definition names an {@link ApplicationValidator} accepts as {@code type}s. Immutable.
 *
 * @param components ComponentDefinition names
 * @param traits TraitDefinition names
 * @param policies PolicyDefinition names
 * @param workflowSteps WorkflowStepDefinition names ({@code suspend} and {@code step-group} are
 *     built into KubeVela and always known)
 */
public record KnownTypes(
    Set<String> components, Set<String> traits, Set<String> policies, Set<String> workflowSteps) {

  /** Copies the sets. */
  public KnownTypes {
    components = Set.copyOf(components);
    traits = Set.copyOf(traits);
    policies = Set.copyOf(policies);
    workflowSteps = Set.copyOf(workflowSteps);
  }

  /** The names of every definition among {@code objects}. */
  public static KnownTypes from(Collection<? extends HasMetadata> objects) {
    Set<String> c = new LinkedHashSet<>();
    Set<String> t = new LinkedHashSet<>();
    Set<String> p = new LinkedHashSet<>();
    Set<String> w = new LinkedHashSet<>();
    for (HasMetadata o : objects) {
      String name = o.getMetadata() == null ? null : o.getMetadata().getName();
      if (name == null) {
        continue;
      }
      if (o instanceof ComponentDefinition) {
        c.add(name);
      } else if (o instanceof TraitDefinition) {
        t.add(name);
      } else if (o instanceof PolicyDefinition) {
        p.add(name);
      } else if (o instanceof WorkflowStepDefinition) {
        w.add(name);
      }
    }
    return new KnownTypes(c, t, p, w);
  }

  /** These names together with {@code other}'s. */
  public KnownTypes plus(KnownTypes other) {
    return new KnownTypes(
        union(components, other.components),
        union(traits, other.traits),
        union(policies, other.policies),
        union(workflowSteps, other.workflowSteps));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    var s = new LinkedHashSet<>(a);
    s.addAll(b);
    return s;
  }
}
