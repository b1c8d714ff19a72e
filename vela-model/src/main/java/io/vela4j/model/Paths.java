package io.vela4j.model;

import com.google.re2j.Pattern;

/** Builds the field paths used in diagnostics: {@code spec.components[1].traits[0].type}. */
public final class Paths {
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private Paths() {}

  /** {@code parent.key}, or {@code parent["key"]} when the key is not a plain identifier. */
  public static String field(String parent, String key) {
    if (SIMPLE.matches(key)) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  /** {@code parent[index]}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
