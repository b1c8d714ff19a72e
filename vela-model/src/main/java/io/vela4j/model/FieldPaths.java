package io.vela4j.model;

import com.google.re2j.Pattern;

/**
 * The one way to build the field paths of diagnostics: {@code spec.components[1].traits[0].type},
 * {@code metadata.labels["example.com/owner"]}. Keys that are not plain identifiers are quoted, so
 * every path can be located in a {@link SourceMap} and read back unambiguously; build paths with
 * these methods rather than by joining strings. Stateless and thread-safe.
 */
public final class FieldPaths {
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private FieldPaths() {}

  /**
   * A child field: {@code parent.key}, or {@code parent["key"]} when the key is not a plain
   * identifier ({@code key} alone at the root, where {@code parent} is empty).
   *
   * @param parent the parent's path, {@code ""} for the document root
   * @param key the field name
   * @return the child's path
   */
  public static String field(String parent, String key) {
    if (SIMPLE.matches(key)) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  /**
   * A list element: {@code parent[index]}.
   *
   * @param parent the list's path
   * @param index the element's index, 0 first
   * @return the element's path
   */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * A path relative to {@code parent} made absolute: {@code join("spec.components[0]",
   * "properties.image")} is {@code spec.components[0].properties.image}, {@code join("items[2]",
   * "[0]")} is {@code items[2][0]}; either side may be empty.
   *
   * @param parent the parent's path, {@code ""} for the document root
   * @param relative a path built with these methods from {@code ""}
   * @return the joined path
   */
  public static String join(String parent, String relative) {
    if (parent.isEmpty()) {
      return relative;
    }
    if (relative.isEmpty()) {
      return parent;
    }
    return relative.startsWith("[") ? parent + relative : parent + "." + relative;
  }
}
