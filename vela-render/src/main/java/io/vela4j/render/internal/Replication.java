package io.vela4j.render.internal;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.render.RenderException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KubeVela's {@code replication} policy ({@code pkg/policy/replication.go}): the selected
 * components (exact names) are removed and, for each of them and each key, a copy with that {@code
 * context.replicaKey} is appended at the end. No selected component is an error. No label marks the
 * copies: templates must put {@code context.replicaKey} into names themselves.
 */
public final class Replication {
  private static final Set<String> FIELDS = Set.of("keys", "selector");

  /** A component and its replication key ({@code ""} when not replicated). */
  public record Replica(ApplicationComponent component, String key) {}

  private Replication() {}

  /**
   * Applies the step's replication policies.
   *
   * @param components the components
   * @param policies the replication policies by field path, in step order
   * @return the components with their keys
   */
  public static List<Replica> apply(
      List<ApplicationComponent> components, Map<String, AppPolicy> policies) {
    if (policies.isEmpty()) {
      return components.stream().map(c -> new Replica(c, "")).toList();
    }
    var remove = new HashSet<String>();
    var add = new ArrayList<Replica>();
    var problems = new ArrayList<Diagnostic>();
    for (var e : policies.entrySet()) {
      PolicyProperties p =
          PolicyProperties.of(e.getValue().properties(), e.getKey() + ".properties", FIELDS);
      List<String> keys = p.strings("keys");
      List<String> selector = p.strings("selector");
      var selected =
          components.stream().filter(c -> selector != null && selector.contains(c.name())).toList();
      if (selected.isEmpty()) {
        p.problem(
            Diagnostic.error(
                    RenderException.INVALID_POLICY,
                    "replication " + e.getValue().name() + ": no component selected to replicate",
                    p.path("selector"))
                .withFacts("names of components of the application", String.valueOf(selector)));
      }
      for (ApplicationComponent c : selected) {
        for (String k : keys == null ? List.<String>of() : keys) {
          add.add(new Replica(c, k));
        }
        remove.add(c.name());
      }
      problems.addAll(p.problems());
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    var out = new ArrayList<Replica>();
    for (ApplicationComponent c : components) {
      if (!remove.contains(c.name())) {
        out.add(new Replica(c, ""));
      }
    }
    out.addAll(add);
    return out;
  }
}
