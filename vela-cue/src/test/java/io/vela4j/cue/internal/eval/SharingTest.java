package io.vela4j.cue.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueValue;
import org.junit.jupiter.api.Test;

/**
 * Structure sharing: a field whose only conjunct refers to a finished tree that exports without an
 * error takes that tree as its value instead of unifying a copy of it ({@code
 * Evaluation#shareable}); every other field is copied as before.
 */
class SharingTest {

  private static final String TREE = "a: {x: 1, y: [1, {z: \"s\"}], _h: 2}\n";

  @Test
  void aFieldThatOnlyRefersToAFinishedTreeSharesIt() {
    EvalTestSupport.Result r = EvalTestSupport.eval(TREE + "b: a\nc: {d: a.y}\ne: c.d\n");
    Vertex a = r.at("a");
    assertThat(r.at("b").forward).isSameAs(a);
    assertThat(r.at("c.d").forward).isSameAs(a.arcs.get("y"));
    assertThat(r.at("e").deref()).isSameAs(a.arcs.get("y"));
    // counted as a copy would be: 7 values (a, x, y, y.0, y.1, y.1.z, _h), 3 levels below a
    assertThat(a.treeSize).isEqualTo(7);
    assertThat(a.treeHeight).isEqualTo(3);
  }

  @Test
  void aTreeWithDefaultsLeftUnsetIsShared() {
    // the alternatives of a disjunction of atoms are made finished: they are measured as made
    EvalTestSupport.Result r =
        EvalTestSupport.eval("a: {p: *\"TCP\" | \"UDP\", n: *80 | int, s: \"x\" | *\"y\"}\nb: a\n");
    assertThat(r.at("b").forward).isSameAs(r.at("a"));
    assertThat(r.at("a").treeSize).isEqualTo(7); // a, and each field with its default
  }

  @Test
  void aFieldThatUnifiesOrClosesOrIsIncompleteIsCopied() {
    EvalTestSupport.Result r =
        EvalTestSupport.eval(
            TREE
                + "b: a & {w: 1}\n" // something else unified with it
                + "#D: {e: a}\n" // inside a definition: closed
                + "#A: {x: 1}\n"
                + "f: #A\n" // a definition: closed
                + "g: {x: int}\n"
                + "h: g\n"); // exports with an error, at its own path
    for (String path : new String[] {"b", "#D.e", "f", "h"}) {
      assertThat(r.at(path).forward).as(path).isNull();
      assertThat(r.at(path).arcs).as(path).isNotEmpty();
    }
    assertThat(r.at("g").treeSize).isEqualTo(-1);
  }

  @Test
  void errorsAndLimitsInASharedTreeNameTheFieldExported() {
    CueException e =
        catchThrowableOfType(
            CueException.class,
            () ->
                CueCompiler.create()
                    .compile("t.cue", "g: {x: int}\nh: g\n")
                    .evaluate()
                    .lookup("h")
                    .export());
    assertThat(e.errors()).extracting(CueError::path).containsExactly("h.x");

    CueCompiler small =
        CueCompiler.create().withLimits(CueCompiler.Limits.defaults().withMaxOutputSize(40));
    CueValue v =
        small.compile("t.cue", "a: {s: \"" + "x".repeat(50) + "\"}\nb: {c: a}\n").evaluate();
    e = catchThrowableOfType(CueException.class, () -> v.lookup("b").export());
    assertThat(e.errors()).extracting(CueError::path).containsExactly("b.c.s");
  }

  @Test
  void aSharedTreeCountsAgainstTheValueLimitAsACopyWould() {
    StringBuilder list = new StringBuilder("a: [0");
    for (int i = 1; i < 20; i++) {
      list.append(", ").append(i);
    }
    String src = list + "]\nb: a\n"; // a and its 20 elements, b, and b's 20 as a copy
    CueCompiler fits =
        CueCompiler.create().withLimits(CueCompiler.Limits.defaults().withMaxValues(42));
    assertThat(fits.compile("t.cue", src).evaluate().export().get("b")).hasSize(20);
    CueCompiler tight =
        CueCompiler.create().withLimits(CueCompiler.Limits.defaults().withMaxValues(41));
    CueException e =
        catchThrowableOfType(
            CueException.class, () -> tight.compile("t.cue", src).evaluate().export());
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).path()).isEqualTo("b");
    assertThat(e.getMessage()).contains("value count limit 41 exceeded");
  }

  @Test
  void aSharedTreeCountsAgainstTheDepthLimitAsACopyWould() {
    CueCompiler shallow =
        CueCompiler.create().withLimits(CueCompiler.Limits.defaults().withMaxDepth(4));
    String src = "a: {b: {c: 1}}\nx: {y: {z: a}}\n"; // x.y.z.b.c: 5 levels
    CueException e =
        catchThrowableOfType(
            CueException.class, () -> shallow.compile("t.cue", src).evaluate().export());
    assertThat(e.getMessage()).contains("CueCompiler.Limits.maxDepth");
    assertThat(shallow.compile("t.cue", "a: {b: {c: 1}}\nx: {y: a}\n").evaluate().export())
        .hasToString("{\"a\":{\"b\":{\"c\":1}},\"x\":{\"y\":{\"b\":{\"c\":1}}}}");
  }
}
