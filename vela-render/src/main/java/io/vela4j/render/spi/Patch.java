package io.vela4j.render.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A trait's patch of an object, with KubeVela's patch strategy. Immutable.
 *
 * <p>With {@link Strategy#STRATEGIC} the value is unified into the target: objects merge, equal
 * scalars agree, different scalars conflict, lists merge position by position unless a directive
 * says otherwise. {@link #directives()} carries KubeVela's doc-comment tags by the JSON Pointer of
 * the field inside {@link #value()} they were written on ({@code /spec/template/spec/containers} →
 * {@code {patchKey: name}}): {@code patchKey} (inherited by the fields below: list items are
 * matched by that key, comma-separated alternatives and dotted paths allowed) and {@code
 * patchStrategy} ({@code retainKeys}: replace the field instead of unifying; {@code replace} on a
 * list: replace the list).
 *
 * @param strategy how the value applies
 * @param value the patch: an object for {@link Strategy#STRATEGIC} and {@link
 *     Strategy#JSON_MERGE_PATCH}, the operation list for {@link Strategy#JSON_PATCH}
 *     <p>{@link #elementConstraints()} carries what JSON cannot: the element constraint {@code T}
 *     of an open list ({@code containers: [...{lifecycle: ...}]}), by the JSON Pointer of the list.
 *     KubeVela unifies it into every target item the list's own items do not reach, when the list
 *     is merged by position (doc-comment tags inside it are not read, as in KubeVela).
 * @param directives tags by JSON Pointer into {@code value}, each a map such as {@code {patchKey:
 *     name}} (sorted)
 * @param elementConstraints the element constraint of open lists, by the JSON Pointer of the list;
 *     an entry may also stand for a list whose openness is told lazily ({@link
 *     ElementConstraint#isOpen()} false: a closed list, as if it had no entry)
 */
public record Patch(
    Strategy strategy,
    JsonNode value,
    Map<String, Map<String, String>> directives,
    Map<String, ElementConstraint> elementConstraints) {

  /** How a patch applies to its target. */
  public enum Strategy {
    /** KubeVela's default: strategic CUE unification with {@code patchKey}/{@code retainKeys}. */
    STRATEGIC,
    /** RFC 6902 operations ({@code // +patchStrategy=jsonPatch}). */
    JSON_PATCH,
    /** RFC 7396 merge patch ({@code // +patchStrategy=jsonMergePatch}). */
    JSON_MERGE_PATCH
  }

  /**
   * The element constraint {@code T} of an open list {@code [a, b, ...T]}: what unifying more items
   * with it gives. Implementations are immutable and thread-safe.
   */
  @FunctionalInterface
  public interface ElementConstraint {
    /**
     * Unifies target items with the constraint.
     *
     * @param items the target's items beyond the list's own (not modified)
     * @return the unified items, as many and in the same order (new trees)
     * @throws IllegalArgumentException with CUE's message when an item conflicts with it
     */
    List<JsonNode> unify(List<JsonNode> items);

    /**
     * Whether the list is open at all. A closed list ({@code [a, b]}) has no element constraint: a
     * longer target conflicts with it. Implementations that can tell openness only at a cost (the
     * CUE engine evaluates a probe) answer lazily, when a patch list is shorter than its target.
     *
     * @return {@code true} (the default) when more items may follow the list's own
     */
    default boolean isOpen() {
      return true;
    }
  }

  /** Validates and copies the components. */
  public Patch {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(value, "value");
    var copy = new TreeMap<String, Map<String, String>>();
    directives.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    directives = Collections.unmodifiableMap(copy);
    elementConstraints = Collections.unmodifiableMap(new TreeMap<>(elementConstraints));
  }

  /**
   * A strategic patch without directives.
   *
   * @param value the object to unify into the target
   * @return the patch
   */
  public static Patch strategic(JsonNode value) {
    return new Patch(Strategy.STRATEGIC, value, Map.of(), Map.of());
  }
}
