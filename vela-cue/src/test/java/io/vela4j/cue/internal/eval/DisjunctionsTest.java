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
  void equalDisjunctionsOfAtomsChooseTogetherKeepingTheirAlternativesAndDefaults() {
    // thirty times: a cross product would be 2^30 clones, far over the disjunct limit
    var r = eval("x: " + "(*1 | int) & ".repeat(30) + "_\ny: (1 | 2) & (2 | 3)\n");
    Vertex x = r.at("x").deref();
    assertThat(x.kind).isEqualTo(Vertex.K_DISJ);
    assertThat(x.disjuncts).hasSize(2);
    assertThat(x.disjuncts.get(0).deref().scalar)
        .isEqualTo(Atom.Num.ofInt(java.math.BigInteger.ONE));
    assertThat(x.disjuncts.get(1).deref().kind).isEqualTo(Vertex.K_CONSTRAINT);
    assertThat(x.defaults).containsExactly(true, false);
    // different disjunctions still meet term by term
    assertThat(r.at("y").deref().scalar).isEqualTo(Atom.Num.ofInt(java.math.BigInteger.TWO));
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

  @Test
  void aChainOfDefaultsSharesItsAlternativesAndMarks() {
    var r = eval("a0: 0\na1: *a0 | 1\na2: *a1 | 2\na3: *a2 | 3\nb: *a1 | 9\nc: a2 | *7\n");
    Vertex a2 = r.at("a2").deref();
    Vertex a3 = r.at("a3").deref();
    assertThat(a3.disjuncts).isInstanceOf(SharedAlternatives.class);
    assertThat(a3.defaults).as("marks live in the shared list").isNull();
    assertThat(a3.disjuncts).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(a3.disjuncts.get(i))
          .as("link 3 starts with link 2's own vertices")
          .isSameAs(a2.disjuncts.get(i));
    }
    assertThat(Defaults.marked(a3, 0)).isTrue();
    assertThat(Defaults.marked(a3, 3)).isFalse();
    assertThat(Defaults.dflt(a3).scalar).isEqualTo(Atom.Num.ofInt(java.math.BigInteger.ZERO));
    // b extends link 1 again after link 2 did: it gets its own copy, and link 2 is unchanged.
    Vertex b = r.at("b").deref();
    assertThat(b.disjuncts).extracting(v -> v.scalar.toString()).containsExactly("0", "1", "9");
    assertThat(a2.disjuncts).extracting(v -> v.scalar.toString()).containsExactly("0", "1", "2");
    // c is not a default term: a2's marks do not count, 7's does.
    Vertex c = r.at("c").deref();
    assertThat(c.disjuncts)
        .extracting(v -> v.scalar.toString())
        .containsExactly("0", "1", "2", "7");
    assertThat(Defaults.dflt(c).scalar.toString()).isEqualTo("7");
    assertThat(Defaults.allMarked(c)).isFalse();
  }

  @Test
  void aSharedViewSeesOnlyItsOwnPrefix() {
    var scalars = new java.util.ArrayList<Vertex>();
    for (int i = 0; i < 3; i++) {
      Vertex v = new Vertex(null, "x");
      v.kind = Vertex.K_SCALAR;
      v.scalar = Atom.Num.ofInt(java.math.BigInteger.valueOf(i));
      scalars.add(v);
    }
    SharedAlternatives two =
        SharedAlternatives.of(scalars.subList(0, 2), new boolean[] {true, false});
    SharedAlternatives three =
        two.extend(java.util.List.of(scalars.get(2)), java.util.List.of(Boolean.TRUE));
    assertThat(two).hasSize(2);
    assertThat(two.indexOf(scalars.get(2).scalar)).as("appended after this view").isEqualTo(-1);
    assertThat(three.indexOf(scalars.get(2).scalar)).isEqualTo(2);
    assertThat(two.markCount()).isEqualTo(1);
    assertThat(two.onlyMarked()).isSameAs(scalars.get(0));
    assertThat(three.markCount()).isEqualTo(2);
    assertThat(three.onlyMarked()).isNull();
    SharedAlternatives branch =
        two.extend(java.util.List.of(scalars.get(2)), java.util.List.of(Boolean.FALSE));
    assertThat(branch.marked(2)).isFalse();
    assertThat(three.marked(2)).as("a branch copies, the tip keeps its marks").isTrue();
  }
}
