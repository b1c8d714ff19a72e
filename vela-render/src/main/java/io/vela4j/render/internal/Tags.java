package io.vela4j.render.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KubeVela's doc-comment tags ({@code findCommentTag}): in each comment line, {@code +key=value}
 * after trimming; a value of more than one word is ignored; a later line wins.
 */
final class Tags {
  private Tags() {}

  static Map<String, String> parse(List<String> comments) {
    Map<String, String> out = null;
    for (String group : comments) {
      for (String raw : split(group, '\n')) {
        String line = raw.strip();
        if (line.startsWith("//")) {
          line = line.substring(2).strip();
        }
        if (!line.startsWith("+")) {
          continue;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String value = line.substring(eq + 1).strip();
        if (hasInnerSpace(value)) {
          continue;
        }
        if (out == null) {
          out = new LinkedHashMap<>();
        }
        out.put(line.substring(1, eq).strip(), value);
      }
    }
    return out == null ? Map.of() : out;
  }

  private static boolean hasInnerSpace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@code s} split at every {@code sep}, empty parts kept (no regular expression). */
  static List<String> split(String s, char sep) {
    var out = new java.util.ArrayList<String>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
