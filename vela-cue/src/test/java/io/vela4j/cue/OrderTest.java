package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Export field order (CUE v0.12+ topological merge) beyond trap T16. */
class OrderTest {

  @Test
  void comprehensionFieldsStayAtTheirPosition() {
    CueValue v =
        eval(
            "p: {ports: [1]}\n"
                + "svc: {\n"
                + "  kind: \"Service\"\n"
                + "  if p.ports != _|_ {ports: p.ports}\n"
                + "  spec: {}\n"
                + "}\n");
    assertThat(v.lookup("svc").fieldNames()).containsExactly("kind", "ports", "spec");
  }

  @Test
  void embeddedLiteralFieldsStayAtTheirPosition() {
    assertThat(eval("x: {a: 1, {b: 2, c: 3}, d: 4}").lookup("x").fieldNames())
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void explicitConjunctionsMergeTopologically() {
    assertThat(
            eval("x: {a: 1, c: 3, e: 5, g: 7} & {b: 2, c: 3, e: 5, f: 6, g: 7}")
                .lookup("x")
                .fieldNames())
        .containsExactly("a", "b", "c", "e", "f", "g");
  }

  @Test
  void filledParametersKeepTemplateOrder() throws Exception {
    CueProgram p =
        CueCompiler.create()
            .compile("t.cue", "parameter: {name: string, image: string}\nout: parameter\n");
    CueValue v =
        p.evaluate(
            java.util.Map.of(
                "parameter", CueTestSupport.JSON.readTree("{\"image\":\"i\",\"name\":\"n\"}")));
    assertThat(v.fieldNames()).containsExactly("parameter", "out");
  }
}
