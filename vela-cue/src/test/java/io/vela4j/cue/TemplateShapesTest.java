package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.JSON;
import static io.vela4j.cue.CueTestSupport.assertExports;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Programs shaped like KubeVela definition templates, beyond the conformance corpus. */
class TemplateShapesTest {

  private static String resource(String name) throws Exception {
    try (InputStream in = TemplateShapesTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void patchContainerTraitPicksTheBranchByClosednessAndKeepsPatchTags() throws Exception {
    CueValue v =
        CueCompiler.create()
            .compile("pc.cue", resource("eval/patch-container-trait.cue"))
            .evaluate();
    assertThat(v.lookup("patch").export())
        .isEqualTo(
            JSON.readTree(
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                    + "[{\"name\":\"main\",\"command\":[\"b\",\"c\"]}]}}}}"));
    assertThat(v.lookup("patch.spec.template.spec.containers").docComments())
        .containsExactly("+patchKey=name");
    assertThat(v.lookup("patch.spec.template.spec.containers.0.command").docComments())
        .containsExactly("+patchStrategy=replace");
    assertThat(v.lookup("errs").export().size()).isZero();
  }

  @Test
  void nullComparesUnequalToListsAndStructs() {
    assertExports(
        "l: [1], s: {}, a: l != null, b: s == null, c: null == null",
        "{\"l\":[1],\"s\":{},\"a\":true,\"b\":false,\"c\":true}");
  }

  @Test
  void statusStyleDefaultFallsBackWhenTheFieldIsMissing() {
    assertExports(
        "ctx: {lb: {}}\nlet igs = *ctx.lb.ingress | []\n"
            + "message: {\n  if len(igs) > 0 {\"has\"}\n  if len(igs) == 0 {\"none\"}\n}",
        "{\"ctx\":{\"lb\":{}},\"message\":\"none\"}");
  }

  @Test
  void recursiveDefinitionsTerminateOnData() {
    assertExports(
        "#T: {name?: string, c?: [...#T]}\nt: #T & {c: [{c: [{name: \"x\"}]}]}",
        "{\"t\":{\"c\":[{\"c\":[{\"name\":\"x\"}]}]}}");
  }

  @Test
  void typedStructEllipsisConstrainsUndeclaredFields() throws Exception {
    CueValue ok = CueTestSupport.eval("x: {a: int, ...string}, y: x & {a: 1, b: \"s\"}");
    assertThat(ok.lookup("y").export()).isEqualTo(JSON.readTree("{\"a\":1,\"b\":\"s\"}"));
    CueException e = CueTestSupport.exportError("x: {a: int, ...string}, y: x & {a: 1, b: 2}");
    assertThat(e.errors().get(0).path()).isEqualTo("y.b");
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.CONFLICT);
  }

  @Test
  void chainedDisjunctionReferencesStayLinear() throws Exception {
    StringBuilder sb = new StringBuilder("a0: *1 | 2 | 3\n");
    for (int i = 1; i < 40; i++) {
      sb.append("a").append(i).append(": a").append(i - 1).append(" & (*1 | 2 | 3)\n");
    }
    sb.append("z: a39 + 1\n");
    CueValue v = CueTestSupport.eval(sb.toString());
    assertThat(v.lookup("z").export().asInt()).isEqualTo(2);
    assertThat(v.lookup("a39").kind()).isEqualTo(CueKind.INT);
  }

  @Test
  void aGuardMayReadAFieldAddedByALaterComprehension() {
    assertExports(
        "p: a: true\nx: {\n  if x.mode == \"A\" {extra: 1}\n  if p.a {mode: \"A\"}\n}\n",
        "{\"p\":{\"a\":true},\"x\":{\"extra\":1,\"mode\":\"A\"}}");
  }

  @Test
  void aDynamicLabelMayDependOnAFieldAddedByAComprehension() {
    assertExports(
        "p: a: true\nx: {\n  (x.k): 1\n  if p.a {k: \"name\"}\n}\n",
        "{\"p\":{\"a\":true},\"x\":{\"k\":\"name\",\"name\":1}}");
  }
}
