package io.vela4j.workflow.internal;

import io.vela4j.model.Diagnostic;
import io.vela4j.workflow.WorkflowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * KubeVela's {@code vela/op}, {@code vela/kube}, {@code vela/builtin} and {@code vela/util}
 * packages for step templates. vela-cue has no import mechanism for them, so a template is prepared
 * through its public API only: each import of one of these packages is blanked (line breaks kept,
 * so CUE positions stay those of the template) and the package's definitions, written for Vela4J in
 * {@code io/vela4j/workflow/packages/}, are appended as a file-level {@code let} named like the
 * import ({@code let op = {#Apply: ..., ...}}). {@code op.#Apply} then resolves as it would through
 * the import. Other imports (CUE's builtin packages) are left alone; an import of another {@code
 * vela/...} package is an error naming it.
 */
public final class Packages {

  /** The packages provided, by import path. */
  static final Map<String, String> BODIES = load();

  private Packages() {}

  private static Map<String, String> load() {
    var out = new LinkedHashMap<String, String>();
    for (String name : List.of("op", "kube", "builtin", "util")) {
      String res = "/io/vela4j/workflow/packages/" + name + ".cue";
      try (InputStream in = Packages.class.getResourceAsStream(res)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + res);
        }
        out.put("vela/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * The paths of the packages provided.
   *
   * @return {@code vela/op}, {@code vela/kube}, {@code vela/builtin}, {@code vela/util}
   */
  public static List<String> provided() {
    return List.copyOf(BODIES.keySet());
  }

  /**
   * Prepares a step template for vela-cue.
   *
   * @param template the template text
   * @param source its file name, for diagnostics
   * @param what the definition, for diagnostics ({@code WorkflowStepDefinition/x})
   * @return the text to compile: the template with KubeVela package imports blanked and the
   *     packages appended
   * @throws WorkflowException ({@code UNKNOWN_PACKAGE}) for an unknown {@code vela/...} import
   */
  public static String prepare(String template, String source, String what) {
    char[] out = template.toCharArray();
    var lets = new LinkedHashMap<String, String>();
    for (ImportDecl decl : new Scanner(template).imports()) {
      int kept = 0;
      for (ImportSpec spec : decl.specs()) {
        if (!spec.path().startsWith("vela/")) {
          kept++;
          continue;
        }
        String body = BODIES.get(spec.path());
        if (body == null) {
          int[] lc = lineColumn(template, spec.start());
          throw new WorkflowException(
              new Diagnostic(
                  Diagnostic.Severity.ERROR,
                  WorkflowException.UNKNOWN_PACKAGE,
                  what
                      + ": package \""
                      + spec.path()
                      + "\" is not provided by Vela4J (provided: "
                      + String.join(", ", BODIES.keySet())
                      + ")",
                  source,
                  lc[0],
                  lc[1],
                  null,
                  String.join(", ", BODIES.keySet()),
                  spec.path()));
        }
        String alias = spec.alias() != null ? spec.alias() : last(spec.path());
        lets.put(alias, body);
        blank(out, spec.start(), spec.end());
      }
      if (kept == 0) {
        blank(out, decl.start(), decl.end());
      }
    }
    var sb = new StringBuilder(new String(out));
    for (var e : lets.entrySet()) {
      sb.append("\nlet ").append(e.getKey()).append(" = {\n").append(e.getValue()).append("\n}\n");
    }
    return sb.toString();
  }

  private static String last(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private static void blank(char[] chars, int from, int to) {
    for (int k = from; k < to; k++) {
      if (chars[k] != '\n' && chars[k] != '\r') {
        chars[k] = ' ';
      }
    }
  }

  /** The 1-based line and column of an offset. */
  static int[] lineColumn(String text, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  record ImportSpec(@Nullable String alias, String path, int start, int end) {}

  record ImportDecl(List<ImportSpec> specs, int start, int end) {}

  /** Reads the package clause and import declarations at the top of a CUE file. */
  private static final class Scanner {
    private final String s;
    private int i;

    Scanner(String s) {
      this.s = s;
    }

    List<ImportDecl> imports() {
      var out = new ArrayList<ImportDecl>();
      while (true) {
        skipSpace();
        if (keyword("package")) {
          while (i < s.length() && s.charAt(i) != '\n') {
            i++;
          }
        } else if (keyword("import")) {
          int start = i;
          i += "import".length();
          skipSpace();
          var specs = new ArrayList<ImportSpec>();
          if (i < s.length() && s.charAt(i) == '(') {
            i++;
            while (true) {
              skipSpace();
              if (i >= s.length()) {
                return out; // malformed: leave it to the compiler
              }
              if (s.charAt(i) == ')') {
                i++;
                break;
              }
              ImportSpec spec = spec();
              if (spec == null) {
                return out;
              }
              specs.add(spec);
              skipSpace();
              if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ';')) {
                i++;
              }
            }
          } else {
            ImportSpec spec = spec();
            if (spec == null) {
              return out;
            }
            specs.add(spec);
          }
          out.add(new ImportDecl(specs, start, i));
        } else {
          return out;
        }
      }
    }

    private boolean keyword(String k) {
      if (!s.startsWith(k, i)) {
        return false;
      }
      int after = i + k.length();
      return after < s.length()
          && (Character.isWhitespace(s.charAt(after))
              || s.charAt(after) == '('
              || s.charAt(after) == '"');
    }

    private @Nullable ImportSpec spec() {
      int start = i;
      @Nullable String alias = null;
      if (i < s.length() && s.charAt(i) != '"') {
        int a = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        if (a == i) {
          return null;
        }
        alias = s.substring(a, i);
        skipSpace();
      }
      if (i >= s.length() || s.charAt(i) != '"') {
        return null;
      }
      int close = s.indexOf('"', i + 1);
      if (close < 0) {
        return null;
      }
      String path = s.substring(i + 1, close);
      int colon = path.indexOf(':'); // "vela/op:op" qualifiers
      if (colon >= 0) {
        path = path.substring(0, colon);
      }
      i = close + 1;
      return new ImportSpec(alias, path, start, i);
    }

    private void skipSpace() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
          while (i < s.length() && s.charAt(i) != '\n') {
            i++;
          }
        } else {
          return;
        }
      }
    }
  }
}
