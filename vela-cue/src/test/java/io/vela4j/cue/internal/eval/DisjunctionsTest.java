package io.vela4j.cue.internal.eval;

import static io.vela4j.cue.internal.eval.EvalTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.cue.CueError;
import org.junit.jupiter.api.Test;

/** Expanding disjunctions: elimination, de-duplication, defaults and synthesized disjunctions. */
class DisjunctionsTest {

  @Test
  void failingDisjunctsAreEliminatedAndOneSurvivorBecomesTheValue() {
    var r = eval("x: (1 | \"a\") & int\n");
    Vertex x = r.at("x").deref();
    assertThat(x.kind).isEqualTo(Vertex.K_SCALAR);
    assertThat(x.scalar).isEqualTo(Atom.Num.ofInt(java.math.BigInteger.ONE));
  }

  @Test
  void closednessEliminatesADisjunct() {
    var r =
        eval(
            "#P: {name: string, image?: string}\n"
                + "p: *#P | close({containers: [...#P]})\n"
                + "p: {containers: [{name: \"x\"}]}\n");
    Vertex p = r.at("p").deref();
    assertThat(p.kind).isEqualTo(Vertex.K_STRUCT);
    assertThat(p.arcs).containsOnlyKeys("containers");
  }

  @Test
  void equalDisjunctsAreDeduplicated() {
    var r = eval("x: {a: 1} | {a: 1}\ny: 1 | 2 | 1\n");
    assertThat(r.at("x").deref().kind).isEqualTo(Vertex.K_STRUCT);
    assertThat(r.at("y").deref().disjuncts).hasSize(2);
  }

  @Test
  void defaultsAreKeptPerAlternativeAndTakenOnRead() {
    var r = eval("x: *1 | 2\ny: (*1 | 2) & (1 | *2)\nz: *_|_ | 3\n");
    Vertex x = r.at("x").deref();
    assertThat(x.kind).isEqualTo(Vertex.K_DISJ);
    assertThat(x.defaults).containsExactly(true, false);
    assertThat(Defaults.dflt(x).scalar).isEqualTo(Atom.Num.ofInt(java.math.BigInteger.ONE));
    Vertex y = r.at("y").deref();
    assertThat(y.defaults).as("no unique default").containsExactly(true, true);
    assertThat(Defaults.dflt(y)).isSameAs(y);
    assertThat(r.at("z").deref().kind).as("*_|_ | T is T").isEqualTo(Vertex.K_SCALAR);
  }

  @Test
  void orOfAListComputedEachTimeIsTheSameDisjunctionPerCallAndFrame() {
    var r = eval("x: or(*[1, 1] | int)\n");
    assertThat(r.at("x").deref().kind).isEqualTo(Vertex.K_SCALAR);
    var call = new Adt.CallE(new Adt.BuiltinE("", "or", null), java.util.List.of(), null);
    assertThat(new Disjunctions.OrKey(call, null)).isEqualTo(new Disjunctions.OrKey(call, null));
    var other = new Adt.CallE(new Adt.BuiltinE("", "or", null), java.util.List.of(), null);
    assertThat(new Disjunctions.OrKey(call, null))
        .isNotEqualTo(new Disjunctions.OrKey(other, null));
  }

  @Test
  void aFinishedDisjunctionIsSynthesizedOnceWithItsDefaults() {
    var r = eval("a: *1 | 2\n");
    Vertex a = r.at("a").deref();
    Adt.DisjE d = Disjunctions.synthDisj(r.ev(), a);
    assertThat(Disjunctions.synthDisj(r.ev(), a)).isSameAs(d);
    assertThat(d.marks()).containsExactly(true, false);
  }

  @Test
  void theCrossProductIsCapped() {
    StringBuilder sb = new StringBuilder("x: {a: int}\n");
    for (int i = 0; i < 11; i++) {
      sb.append("x: {a: 1} | {a: ").append(i + 2).append("}\n");
    }
    var r = eval(sb.toString());
    Vertex x = r.at("x").deref();
    assertThat(x.kind).isEqualTo(Vertex.K_BOTTOM);
    assertThat(x.err.kind()).isEqualTo(CueError.Kind.LIMIT);
  }
}
