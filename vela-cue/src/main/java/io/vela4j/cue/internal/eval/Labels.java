package io.vela4j.cue.internal.eval;

/**
 * Field labels are plain strings: identifiers keep their spelling ({@code #D}, {@code _h}); a
 * quoted label that would read as a definition or hidden label, or that starts with the prefix
 * itself, is prefixed with {@code \u0001}, so that every label a program or a JSON key can spell is
 * one internal label and {@link #display} gives it back.
 */
final class Labels {
  private Labels() {}

  static final char QUOTE = '\u0001';

  static String quoted(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '#' || c == '_' || c == QUOTE ? QUOTE + s : s;
  }

  // These look at the first chars themselves: they run for every vertex and field (a few percent
  // of an evaluation's samples went to String.startsWith).

  static boolean isRegular(String label) {
    if (label.isEmpty()) {
      return true;
    }
    char c = label.charAt(0);
    return c != '#' && c != '_';
  }

  static boolean isDefinition(String label) {
    if (label.isEmpty()) {
      return false;
    }
    char c = label.charAt(0);
    return c == '#' || c == '_' && label.length() > 1 && label.charAt(1) == '#';
  }

  static boolean isHidden(String label) {
    return !label.isEmpty() && label.charAt(0) == '_';
  }

  /**
   * Whether {@code s} starts with the prefix of quoted labels (as a label, it is quoted itself).
   */
  static boolean isQuoted(String s) {
    return !s.isEmpty() && s.charAt(0) == QUOTE;
  }

  static String display(String label) {
    return isQuoted(label) ? label.substring(1) : label;
  }

  /**
   * The segments of a dot-separated path ({@code a.b.0}), empty segments included; no regular
   * expression involved.
   */
  static java.util.List<String> splitPath(String path) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = path.indexOf('.'); i >= 0; i = path.indexOf('.', start)) {
      out.add(path.substring(start, i));
      start = i + 1;
    }
    out.add(path.substring(start));
    return out;
  }
}
