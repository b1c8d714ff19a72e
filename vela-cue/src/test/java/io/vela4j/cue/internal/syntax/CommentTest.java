package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Doc comments: the comment group directly above a declaration, without a blank line. */
class CommentTest {

  private static List<String> docs(Ast.Decl d) {
    return d.docs().stream().map(Ast.Comment::content).toList();
  }

  @Test
  void docCommentsAttachToTheFollowingDeclaration() {
    Ast.File f =
        parse(
            "// a\n"
                + "// b\n"
                + "x: 1 // trailing x\n"
                + "\n"
                + "// detached\n"
                + "\n"
                + "//d\n"
                + "y: 2\n"
                + "z: 3\n");
    assertThat(docs(f.decls().get(0))).containsExactly("a", "b");
    assertThat(docs(f.decls().get(1))).containsExactly("d");
    assertThat(docs(f.decls().get(2))).isEmpty();
    assertThat(f.comments())
        .extracting(Ast.Comment::text)
        .containsExactly("// a", "// b", "// trailing x", "// detached", "//d");
    assertThat(f.comments().get(2).pos().column()).isEqualTo(6);
  }

  @Test
  void trailingCommentIsNotTheNextFieldsDoc() {
    Ast.File f = parse("x: 1 // about x\ny: 2");
    assertThat(docs(f.decls().get(1))).isEmpty();
    Ast.File g = parse("x: { // about x\n  y: 2\n}");
    Ast.Field y =
        (Ast.Field) ((Ast.StructLit) ((Ast.Field) g.decls().get(0)).value()).decls().get(0);
    assertThat(docs(y)).isEmpty();
  }

  @Test
  void patchTagsInsideIfBodiesAreKept() {
    // KubeVela's PatchContainer traits put +patchKey tags inside `if` bodies.
    Ast.File f =
        parse(
            "patch: spec: template: spec: {\n"
                + "  if parameter.containerName == \"\" {\n"
                + "    // +patchKey=name\n"
                + "    containers: [{name: context.name}]\n"
                + "  }\n"
                + "  // +patchStrategy=retainKeys\n"
                + "  volumes: []\n"
                + "}\n");
    Ast.Field patch = (Ast.Field) f.decls().get(0);
    Ast.StructLit s = (Ast.StructLit) patch.value();
    while (s.implicit()) {
      s = (Ast.StructLit) ((Ast.Field) s.decls().get(0)).value();
    }
    Ast.Comprehension c = (Ast.Comprehension) s.decls().get(0);
    assertThat(docs(c)).isEmpty();
    assertThat(docs(c.body().decls().get(0))).containsExactly("+patchKey=name");
    assertThat(docs(s.decls().get(1))).containsExactly("+patchStrategy=retainKeys");
  }

  @Test
  void everyDeclarationKindCarriesDocs() {
    Ast.File f =
        parse(
            "// pkg\n"
                + "package p\n"
                + "// imp\n"
                + "import \"strings\"\n"
                + "// let\n"
                + "let x = 1\n"
                + "// emb\n"
                + "{a: 1}\n"
                + "// comp\n"
                + "if true {}\n"
                + "// attr\n"
                + "@a()\n"
                + "// alias\n"
                + "X=b: 1\n"
                + "// label\n"
                + "\"c\": 1\n"
                + "// ell\n"
                + "...\n");
    assertThat(f.packageClause().docs()).extracting(Ast.Comment::content).containsExactly("pkg");
    assertThat(f.imports().get(0).docs()).extracting(Ast.Comment::content).containsExactly("imp");
    assertThat(f.decls())
        .extracting(d -> docs(d).get(0))
        .containsExactly("let", "emb", "comp", "attr", "alias", "label", "ell");
  }

  @Test
  void shorthandFieldsGiveTheDocToTheOuterField() {
    Ast.Field a = (Ast.Field) parse("// doc\na: b: 1").decls().get(0);
    assertThat(docs(a)).containsExactly("doc");
    assertThat(docs((Ast.Field) ((Ast.StructLit) a.value()).decls().get(0))).isEmpty();
  }

  @Test
  void commentsInsideListsAndExpressionsAreCollectedButNotDocs() {
    Ast.File f = parse("a: [\n  // one\n  1,\n]\nb: 1 + // x\n  2\n");
    assertThat(f.comments()).hasSize(2);
    assertThat(f.decls()).hasSize(2);
  }
}
