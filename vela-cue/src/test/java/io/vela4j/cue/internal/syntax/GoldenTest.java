package io.vela4j.cue.internal.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole-file parses of KubeVela-shaped templates (written for this test) compared with golden
 * files: the debug form of every top-level declaration, and the doc comments by field path.
 * Regenerate with {@code -Dvela4j.golden.update=true}.
 */
class GoldenTest {

  private static String resource(String path) throws IOException {
    try (InputStream in = GoldenTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** One line per top-level declaration, then "docs" lines for every documented field. */
  static String render(Ast.File f) {
    StringBuilder sb = new StringBuilder();
    if (f.packageClause() != null) {
      sb.append(Printer.print(f.packageClause())).append('\n');
    }
    for (Ast.ImportDecl d : f.imports()) {
      sb.append(Printer.print(d)).append('\n');
    }
    for (Ast.Decl d : f.decls()) {
      sb.append(Printer.print(d)).append('\n');
    }
    List<String> docs = new ArrayList<>();
    for (Ast.Decl d : f.decls()) {
      collectDocs(d, "", docs);
    }
    sb.append("-- docs --\n");
    docs.forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }

  private static void collectDocs(Ast.Node n, String path, List<String> out) {
    if (n instanceof Ast.Field f) {
      String p = path + "/" + Printer.print(f.label());
      if (!f.docs().isEmpty()) {
        out.add(
            p
                + " @"
                + f.pos().line()
                + ": "
                + String.join(" | ", f.docs().stream().map(Ast.Comment::content).toList()));
      }
      collectDocs(f.value(), p, out);
    } else if (n instanceof Ast.Decl d && !d.docs().isEmpty()) {
      out.add(
          path
              + " <"
              + d.getClass().getSimpleName()
              + "> @"
              + d.pos().line()
              + ": "
              + String.join(" | ", d.docs().stream().map(Ast.Comment::content).toList()));
    }
    if (n instanceof Ast.Comprehension c) {
      collectDocs(c.body(), path, out);
    } else if (n instanceof Ast.StructLit s) {
      s.decls().forEach(d -> collectDocs(d, path, out));
    } else if (n instanceof Ast.ListLit l) {
      l.elements().forEach(e -> collectDocs(e, path + "[]", out));
      if (l.ellipsis() != null && l.ellipsis().type() != null) {
        collectDocs(l.ellipsis().type(), path + "[...]", out);
      }
    } else if (n instanceof Ast.BinaryExpr b) {
      collectDocs(b.x(), path, out);
      collectDocs(b.y(), path, out);
    } else if (n instanceof Ast.LetDecl l) {
      collectDocs(l.expr(), path + "/let " + l.name().name(), out);
    } else if (n instanceof Ast.Embedding e) {
      collectDocs(e.expr(), path, out);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"component-template"})
  void templatesParseToTheGoldenTree(String name) throws IOException {
    String src = resource("/syntax/" + name + ".cue");
    String actual = render(Parser.parse(name + ".cue", src));
    String goldenPath = "/golden/syntax/" + name + ".txt";
    if (Boolean.getBoolean("vela4j.golden.update")) {
      Path file = Path.of("src/test/resources" + goldenPath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(actual);
      return;
    }
    assertThat(actual).isEqualTo(resource(goldenPath));
  }
}
