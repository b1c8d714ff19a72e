package io.vela4j.workflow.internal;

import org.jspecify.annotations.Nullable;

/** Finds where a field of a dotted path is declared in a template's text. */
final class Positions {
  private Positions() {}

  /**
   * The line and column of the last label of {@code path} that can be found, each searched after
   * the previous one ({@code apply.value} finds {@code value:} after {@code apply:}).
   *
   * @return {line, column}, or {@code null}
   */
  static int @Nullable [] of(String text, String path) {
    int from = 0;
    int found = -1;
    for (String seg : Json.split(path, '.')) {
      if (Json.isIndex(seg)) {
        continue;
      }
      int at = label(text, seg, from);
      if (at < 0) {
        break;
      }
      found = at;
      from = at + seg.length();
    }
    return found < 0 ? null : Packages.lineColumn(text, found);
  }

  private static int label(String text, String seg, int from) {
    for (String form : new String[] {seg, "\"" + seg + "\""}) {
      int i = from;
      while ((i = text.indexOf(form, i)) >= 0) {
        int after = i + form.length();
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
          after++;
        }
        boolean colon = after < text.length() && text.charAt(after) == ':';
        boolean startOk = i == 0 || !isIdent(text.charAt(i - 1));
        if (colon && startOk) {
          return i;
        }
        i = i + 1;
      }
    }
    return -1;
  }

  private static boolean isIdent(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '-';
  }
}
