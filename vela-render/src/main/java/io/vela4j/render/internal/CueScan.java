package io.vela4j.render.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexical scan of a CUE file's top level, enough to cut a {@code vela def} file into its parts:
 * import declarations, and each top-level field with the span of its value. It understands
 * comments, every string form (quoted, multi-line, raw with {@code #}, bytes, interpolations with
 * nested strings) and bracket nesting; it does not parse expressions.
 */
final class CueScan {

  /** A top-level declaration: an import or a field, as spans of the source. */
  record Decl(boolean isImport, String label, int start, int valueStart, int valueEnd) {}

  /** A malformed file: an unterminated string, comment or bracket, at an offset. */
  static final class ScanException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int offset;

    ScanException(String message, int offset) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }

  private final String s;
  private int i;

  private CueScan(String s) {
    this.s = s;
  }

  /** The top-level declarations of {@code src}, in order. */
  static List<Decl> scan(String src) {
    return new CueScan(src).decls();
  }

  private List<Decl> decls() {
    var out = new ArrayList<Decl>();
    while (true) {
      skipSpaceAndComments(true);
      if (i >= s.length()) {
        return out;
      }
      int start = i;
      char c = s.charAt(i);
      if (c == '"' || c == '#' && isRawStart(i)) {
        int end = skipString(i);
        String label = unquote(s.substring(i, end));
        i = end;
        out.add(field(start, label));
      } else if (isIdentStart(c)) {
        String word = ident();
        if (word.equals("package")) {
          skipToLineEnd();
          continue;
        }
        if (word.equals("import")) {
          skipSpaceAndComments(false);
          if (i < s.length() && s.charAt(i) == '(') {
            i = match(i) + 1;
          } else {
            if (i < s.length() && isIdentStart(s.charAt(i))) {
              ident();
              skipSpaceAndComments(false);
            }
            if (i < s.length() && s.charAt(i) == '"') {
              i = skipString(i);
            }
          }
          out.add(new Decl(true, "", start, start, i));
          continue;
        }
        out.add(field(start, word));
      } else {
        // an embedding, a comprehension or an attribute: skip the declaration
        skipValue();
      }
    }
  }

  private Decl field(int start, String label) {
    skipSpaceAndComments(false);
    while (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '!')) {
      i++;
    }
    skipSpaceAndComments(false);
    if (i >= s.length() || s.charAt(i) != ':') {
      skipValue();
      return new Decl(false, label, start, i, i);
    }
    i++;
    skipSpaceAndComments(false);
    int valueStart = i;
    skipValue();
    return new Decl(false, label, start, valueStart, i);
  }

  /** Skips one value up to the end of its declaration (a newline or comma at depth 0). */
  private void skipValue() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n' || c == ',') {
        // a binary operator at the end of the line continues the expression
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\r')) {
          j--;
        }
        if (c == ',' || j < 0 || "&|+-*/=<>!(".indexOf(s.charAt(j)) < 0) {
          return;
        }
        i++;
      } else if (c == '{' || c == '[' || c == '(') {
        i = match(i) + 1;
      } else if (c == '"' || c == '\'' || c == '#' && isRawStart(i)) {
        i = skipString(i);
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        skipToLineEnd();
      } else {
        i++;
      }
    }
  }

  /** The offset of the bracket that closes the one at {@code open}. */
  int match(int open) {
    int depth = 0;
    int j = open;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '{' || c == '[' || c == '(') {
        depth++;
        j++;
      } else if (c == '}' || c == ']' || c == ')') {
        depth--;
        if (depth == 0) {
          return j;
        }
        j++;
      } else if (c == '"' || c == '\'' || c == '#' && isRawStart(j)) {
        j = skipString(j);
      } else if (c == '/' && j + 1 < s.length() && s.charAt(j + 1) == '/') {
        while (j < s.length() && s.charAt(j) != '\n') {
          j++;
        }
      } else {
        j++;
      }
    }
    throw new ScanException("unclosed '" + s.charAt(open) + "'", open);
  }

  /** Static form of {@link #match(int)}. */
  static int matchingBracket(String src, int open) {
    return new CueScan(src).match(open);
  }

  private boolean isRawStart(int j) {
    int k = j;
    while (k < s.length() && s.charAt(k) == '#') {
      k++;
    }
    return k < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'');
  }

  /** Skips a string starting at {@code j} (hashes, quotes); returns the offset after it. */
  private int skipString(int j) {
    int hashes = 0;
    while (s.charAt(j) == '#') {
      hashes++;
      j++;
    }
    char q = s.charAt(j);
    boolean multi = s.startsWith(String.valueOf(q).repeat(3), j);
    String close = (multi ? String.valueOf(q).repeat(3) : String.valueOf(q)) + "#".repeat(hashes);
    String interp = "\\" + "#".repeat(hashes) + "(";
    int start = j;
    j += multi ? 3 : 1;
    while (j < s.length()) {
      if (s.startsWith(close, j)) {
        return j + close.length();
      }
      char c = s.charAt(j);
      if (!multi && c == '\n') {
        break;
      }
      if (s.startsWith(interp, j)) {
        j = match(j + interp.length() - 1) + 1;
      } else if (c == '\\' && hashes == 0) {
        j += 2;
      } else {
        j++;
      }
    }
    throw new ScanException("unterminated string", start);
  }

  private void skipSpaceAndComments(boolean commas) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || commas && c == ',') {
        i++;
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        skipToLineEnd();
      } else {
        return;
      }
    }
  }

  private void skipToLineEnd() {
    while (i < s.length() && s.charAt(i) != '\n') {
      i++;
    }
  }

  private String ident() {
    int start = i;
    while (i < s.length() && isIdentPart(s.charAt(i))) {
      i++;
    }
    return s.substring(start, i);
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '#' || c == '$';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '#' || c == '$';
  }

  /** The value of a simple quoted label such as {@code "cron-task"}. */
  private static String unquote(String quoted) {
    String q = quoted;
    while (q.startsWith("#") && q.endsWith("#")) {
      q = q.substring(1, q.length() - 1);
    }
    if (q.length() >= 2 && q.startsWith("\"") && q.endsWith("\"")) {
      return q.substring(1, q.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return q;
  }
}
