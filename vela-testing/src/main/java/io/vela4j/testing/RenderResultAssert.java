package io.vela4j.testing;

import io.vela4j.render.RenderResult;
import io.vela4j.render.RenderResult.PlacementDecision;
import io.vela4j.render.RenderResult.RenderedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions over the objects of a render, narrowed step by step ({@link #inCluster}, {@link
 * #forComponent}, {@link #forTrait}, {@link #ofKind}); failures list the objects in scope.
 */
public final class RenderResultAssert extends AbstractAssert<RenderResultAssert, RenderResult> {
  /** An object and the cluster it is placed on (equal objects may sit on several clusters). */
  private record Placed(String cluster, RenderedObject object) {}

  private final List<Placed> placed;
  private final List<RenderedObject> objects;
  private final String scope;

  RenderResultAssert(RenderResult actual) {
    this(actual, all(actual), "");
  }

  private RenderResultAssert(RenderResult actual, List<Placed> placed, String scope) {
    super(actual, RenderResultAssert.class);
    this.placed = List.copyOf(placed);
    this.objects = placed.stream().map(Placed::object).toList();
    this.scope = scope;
  }

  private static List<Placed> all(RenderResult r) {
    var out = new ArrayList<Placed>();
    for (PlacementDecision p : r.placements()) {
      p.objects().forEach(o -> out.add(new Placed(p.cluster(), o)));
    }
    r.policyObjects().forEach(o -> out.add(new Placed("local", o)));
    return out;
  }

  private RenderResultAssert narrow(String what, Predicate<Placed> keep) {
    return new RenderResultAssert(
        actual,
        placed.stream().filter(keep).toList(),
        scope.isEmpty() ? what : scope + ", " + what);
  }

  /**
   * Only the objects placed on a cluster.
   *
   * @param cluster the cluster ({@code local} for the hub)
   * @return narrowed assertions
   */
  public RenderResultAssert inCluster(String cluster) {
    return narrow("cluster " + cluster, p -> p.cluster().equals(cluster));
  }

  /**
   * Only the objects of a component.
   *
   * @param component the component's name
   * @return narrowed assertions
   */
  public RenderResultAssert forComponent(String component) {
    return narrow("component " + component, p -> p.object().component().equals(component));
  }

  /**
   * Only the objects a trait added.
   *
   * @param traitType the trait's type
   * @return narrowed assertions
   */
  public RenderResultAssert forTrait(String traitType) {
    return narrow("trait " + traitType, p -> traitType.equals(p.object().trait()));
  }

  /**
   * Only the objects of a kind.
   *
   * @param kind such as {@code Deployment}
   * @return narrowed assertions
   */
  public RenderResultAssert ofKind(String kind) {
    return narrow("kind " + kind, p -> p.object().kind().equals(kind));
  }

  /**
   * Checks that an object of that kind and name is in scope.
   *
   * @param kind the kind
   * @param name the name
   * @return this
   */
  public RenderResultAssert containsManifest(String kind, String name) {
    isNotNull();
    if (objects.stream().noneMatch(o -> o.kind().equals(kind) && o.name().equals(name))) {
      failWithMessage("Expecting a %s named %s%s, but found:%n%s", kind, name, where(), listing());
    }
    return this;
  }

  /**
   * Checks that no object of that kind and name is in scope.
   *
   * @param kind the kind
   * @param name the name
   * @return this
   */
  public RenderResultAssert doesNotContainManifest(String kind, String name) {
    isNotNull();
    if (objects.stream().anyMatch(o -> o.kind().equals(kind) && o.name().equals(name))) {
      failWithMessage("Expecting no %s named %s%s, but there is one", kind, name, where());
    }
    return this;
  }

  /**
   * Checks the number of objects in scope.
   *
   * @param count the expected number
   * @return this
   */
  public RenderResultAssert hasObjectCount(int count) {
    isNotNull();
    if (objects.size() != count) {
      failWithMessage(
          "Expecting %d objects%s, but found %d:%n%s", count, where(), objects.size(), listing());
    }
    return this;
  }

  /**
   * Assertions on the one object of that kind and name in scope.
   *
   * @param kind the kind
   * @param name the name
   * @return assertions on it
   */
  public ManifestAssert manifest(String kind, String name) {
    containsManifest(kind, name);
    List<RenderedObject> found =
        objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).toList();
    if (found.size() > 1) {
      failWithMessage(
          "Expecting one %s named %s%s, but found %d (narrow with inCluster or forComponent)",
          kind, name, where(), found.size());
    }
    return new ManifestAssert(found.get(0));
  }

  /**
   * Assertions on the workload of a component (its first object).
   *
   * @param component the component's name
   * @return assertions on the workload
   */
  public ManifestAssert workload(String component) {
    isNotNull();
    List<RenderedObject> found =
        objects.stream()
            .filter(o -> o.component().equals(component) && o.role() == RenderResult.Role.WORKLOAD)
            .toList();
    if (found.size() != 1) {
      failWithMessage(
          "Expecting one workload of component %s%s, but found %d:%n%s",
          component, where(), found.size(), listing());
    }
    return new ManifestAssert(found.get(0));
  }

  private String where() {
    return scope.isEmpty() ? "" : " (" + scope + ")";
  }

  private String listing() {
    if (objects.isEmpty()) {
      return "  (no objects)";
    }
    var sb = new StringBuilder();
    for (Placed p : placed) {
      RenderedObject o = p.object();
      sb.append("  ")
          .append(o.kind())
          .append(' ')
          .append(o.name())
          .append(" (cluster ")
          .append(p.cluster())
          .append(", component ")
          .append(o.component())
          .append(o.trait() == null ? "" : ", trait " + o.trait())
          .append(")\n");
    }
    return sb.toString();
  }
}
