package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.vela4j.model.Paths;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationTrait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * KubeVela's {@code override} policy ({@code envbinding.PatchComponents}, {@code MergeComponent}):
 * changes the components a deploy step renders. Patches apply in list order:
 *
 * <ul>
 *   <li>No {@code name}: merged into every component, or every component of {@code type}.
 *   <li>A {@code name} is a pattern ({@code *} → {@code .*}), matched <em>unanchored</em>, so
 *       {@code web} also selects {@code my-web-2}. A matched component of another (non-empty)
 *       {@code type} is replaced by the patch; otherwise the patch is merged. A name that matches
 *       nothing and contains a lower-case letter adds a new component.
 *   <li>Merging properties is mergo's {@code WithOverride}: objects merge recursively, anything
 *       else in the patch (scalars, lists, {@code null}) replaces; traits merge by type, {@code
 *       disable: true} removes one, unknown types are appended; a non-empty {@code
 *       externalRevision} replaces.
 *   <li>{@code selector}, when present, keeps only the listed components, in component order.
 * </ul>
 */
public final class Overrides {
  private static final Set<String> FIELDS = Set.of("components", "selector");
  private static final Set<String> COMPONENT_FIELDS =
      Set.of("name", "type", "properties", "traits", "externalRevision");
  private static final Set<String> TRAIT_FIELDS = Set.of("type", "properties", "disable");
  private static final Pattern ADDABLE = Pattern.compile("[a-z]([a-z-]{0,61}[a-z])?");

  private Overrides() {}

  private record TraitPatch(String type, @Nullable JsonNode properties, boolean disable) {}

  private record ComponentPatch(
      String name,
      String type,
      @Nullable JsonNode properties,
      List<TraitPatch> traits,
      String externalRevision) {}

  /**
   * Applies one override policy.
   *
   * @param components the components so far
   * @param policy the policy
   * @param path the policy's field path
   * @return the patched components
   */
  public static List<ApplicationComponent> apply(
      List<ApplicationComponent> components, AppPolicy policy, String path) {
    PolicyProperties p = PolicyProperties.of(policy.properties(), path + ".properties", FIELDS);
    var patches = new ArrayList<ComponentPatch>();
    JsonNode list = p.get("components");
    if (list != null && !list.isArray()) {
      p.wrong("components", "a list", list);
    } else if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        String cp = Paths.index(p.path("components"), i);
        PolicyProperties c = p.child(list.get(i), cp, COMPONENT_FIELDS);
        var traits = new ArrayList<TraitPatch>();
        JsonNode tl = c.get("traits");
        if (tl != null && tl.isArray()) {
          for (int t = 0; t < tl.size(); t++) {
            PolicyProperties tp =
                c.child(tl.get(t), Paths.index(c.path("traits"), t), TRAIT_FIELDS);
            String type = tp.string("type");
            traits.add(
                new TraitPatch(type == null ? "" : type, tp.get("properties"), tp.bool("disable")));
          }
        } else if (tl != null) {
          c.wrong("traits", "a list", tl);
        }
        patches.add(
            new ComponentPatch(
                orEmpty(c.string("name")),
                orEmpty(c.string("type")),
                c.get("properties"),
                traits,
                orEmpty(c.string("externalRevision"))));
      }
    }
    List<String> selector = p.strings("selector");
    p.throwIfProblems();
    return patch(components, patches, selector);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static List<ApplicationComponent> patch(
      List<ApplicationComponent> base,
      List<ComponentPatch> patches,
      @Nullable List<String> selector) {
    Map<String, ApplicationComponent> comps = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    for (ApplicationComponent c : base) {
      if (!comps.containsKey(c.name())) {
        order.add(c.name());
      }
      comps.put(c.name(), c);
    }
    for (ComponentPatch patch : patches) {
      if (patch.name().isEmpty()) {
        for (var e : comps.entrySet()) {
          if (patch.type().isEmpty() || patch.type().equals(e.getValue().type())) {
            e.setValue(merge(e.getValue(), patch));
          }
        }
        continue;
      }
      boolean add = ADDABLE.matcher(patch.name()).find();
      Pattern re;
      try {
        re = Pattern.compile(patch.name().replace("*", ".*"));
      } catch (PatternSyntaxException e) {
        re = null;
      }
      if (re != null) {
        for (var e : comps.entrySet()) {
          if (re.matcher(e.getKey()).find()) {
            add = false;
            if (!patch.type().isEmpty() && !patch.type().equals(e.getValue().type())) {
              e.setValue(toComponent(patch));
            } else {
              e.setValue(merge(e.getValue(), patch));
            }
          }
        }
      }
      if (add) {
        comps.put(patch.name(), toComponent(patch));
        order.add(patch.name());
      }
    }
    var out = new ArrayList<ApplicationComponent>();
    for (String name : order) {
      if (selector == null || selector.contains(name)) {
        out.add(comps.get(name));
      }
    }
    return out;
  }

  private static ApplicationComponent toComponent(ComponentPatch p) {
    var traits = new ArrayList<ApplicationTrait>();
    for (TraitPatch t : p.traits()) {
      if (!t.disable()) {
        traits.add(new ApplicationTrait(t.type(), copy(t.properties())));
      }
    }
    return new ApplicationComponent(
        p.name(),
        p.type(),
        copy(p.properties()),
        traits,
        List.of(),
        List.of(),
        List.of(),
        p.externalRevision().isEmpty() ? null : p.externalRevision(),
        Map.of());
  }

  private static ApplicationComponent merge(ApplicationComponent base, ComponentPatch patch) {
    JsonNode props = mergeProperties(base.properties(), patch.properties());
    Map<String, ApplicationTrait> traits = new LinkedHashMap<>();
    for (ApplicationTrait t : base.traits()) {
      traits.put(t.type(), t);
    }
    for (TraitPatch t : patch.traits()) {
      ApplicationTrait existing = traits.get(t.type());
      if (existing != null) {
        if (t.disable()) {
          traits.remove(t.type());
        } else {
          traits.put(
              t.type(),
              new ApplicationTrait(
                  t.type(), mergeProperties(existing.properties(), t.properties())));
        }
      } else if (!t.disable()) {
        traits.put(t.type(), new ApplicationTrait(t.type(), copy(t.properties())));
      }
    }
    return new ApplicationComponent(
        base.name(),
        base.type(),
        props,
        new ArrayList<>(traits.values()),
        base.dependsOn(),
        base.inputs(),
        base.outputs(),
        patch.externalRevision().isEmpty() ? base.externalRevision() : patch.externalRevision(),
        base.scopes());
  }

  /** mergo {@code Merge(&base, patch, WithOverride)} on JSON objects. */
  static JsonNode mergeProperties(@Nullable JsonNode base, @Nullable JsonNode patch) {
    ObjectNode out = base instanceof ObjectNode o ? o.deepCopy() : Json.object();
    if (patch instanceof ObjectNode p) {
      mergeInto(out, p);
    }
    return out;
  }

  private static void mergeInto(ObjectNode dst, ObjectNode src) {
    src.properties()
        .forEach(
            e -> {
              JsonNode d = dst.get(e.getKey());
              if (d instanceof ObjectNode dObj && e.getValue() instanceof ObjectNode sObj) {
                mergeInto(dObj, sObj);
              } else {
                dst.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  private static @Nullable JsonNode copy(@Nullable JsonNode n) {
    return n == null ? null : n.deepCopy();
  }
}
