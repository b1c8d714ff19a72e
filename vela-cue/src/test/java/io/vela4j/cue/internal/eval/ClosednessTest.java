package io.vela4j.cue.internal.eval;

import static io.vela4j.cue.internal.eval.EvalTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The closedness machinery: the scope graph, requirements, evidence and closed lookups. */
class ClosednessTest {

  @Nested
  class ScopeGraph {
    @Test
    void aScopeDescendsFromItsParentsOnly() {
      var s = new Closedness.Scopes();
      int a = s.open(0);
      int b = s.open(a);
      int c = s.open(b);
      int d = s.open(a);
      assertThat(s.under(c, a)).isTrue();
      assertThat(s.under(c, b)).isTrue();
      assertThat(s.under(c, c)).isTrue();
      assertThat(s.under(c, d)).isFalse();
      assertThat(s.under(a, c)).isFalse();
      assertThat(s.under(0, a)).as("no scope descends from nothing").isFalse();
    }

    @Test
    void anExtraParentMakesTheScopeAndItsDescendantsDescendFromTheNewPath() {
      var s = new Closedness.Scopes();
      int e = s.open(0);
      int f = s.open(e); // #f first reached through #e
      int inside = s.open(f);
      int d = s.open(0); // then through #d
      assertThat(s.under(inside, d)).isFalse();
      s.addParent(f, d);
      assertThat(s.under(inside, d)).isTrue();
      assertThat(s.under(inside, e)).isTrue();
    }

    @Test
    void anExtraParentNeverMakesACycle() {
      var s = new Closedness.Scopes();
      int a = s.open(0);
      int b = s.open(a);
      s.addParent(a, b);
      assertThat(s.under(a, b)).isFalse();
      assertThat(s.under(b, a)).isTrue();
    }

    @Test
    void requirementsAboveAScopeIncludeThoseReachedThroughExtraParents() {
      var s = new Closedness.Scopes();
      Vertex owner = new Vertex(null, "");
      int r1 = s.require(0, true, Conjunct.CloseInfo.EMPTY, owner);
      int f = s.open(r1);
      int r2 = s.require(0, false, Conjunct.CloseInfo.EMPTY, owner);
      s.addParent(f, r2);
      List<Closedness.Requirement> out = new ArrayList<>();
      s.requirementsAbove(f, out);
      assertThat(out).extracting(Closedness.Requirement::id).containsExactlyInAnyOrder(r1, r2);
      assertThat(out)
          .filteredOn(r -> r.id() == r2)
          .singleElement()
          .extracting(Closedness.Requirement::recursive)
          .isEqualTo(false);
    }
  }

  @Nested
  class Requirements {
    @Test
    void declarationsOfOneFieldInADefinitionAreCombined() {
      var r = eval("#E: a: {b: int, c: 1}\n#S: #E & {a: b: 1}\n");
      assertThat(r.at("#S.a.c").notAllowed).isNull();
      assertThat(r.at("#S.a.b").notAllowed).isNull();
    }

    @Test
    void aReferenceToADefinitionClosesTheCopyRecursively() {
      var r = eval("#A: {a: {b: int}}\nx: #A & {a: {b: 1, c: 2}, d: 3}\n");
      assertThat(r.at("x.d").notAllowed).isNotNull();
      assertThat(r.at("x.a.c").notAllowed).isNotNull();
      assertThat(r.at("x.a.b").notAllowed).isNull();
    }

    @Test
    void closeClosesOneLevel() {
      var r = eval("c: close({a: {b: 1}})\nd: c & {a: {x: 2}}\ne: c & {z: 2}\n");
      assertThat(r.at("d.a.x").notAllowed).isNull();
      assertThat(r.at("e.z").notAllowed).isNotNull();
    }

    @Test
    void anEmbeddedDefinitionAcceptsFieldsDeclaredBesideIt() {
      var r = eval("#A: a: {}\nx: {#A, a: b: 1}\nx: a: c: 1\n");
      assertThat(r.at("x.a.b").notAllowed).isNull();
      assertThat(r.at("x.a.c").notAllowed).as("declared outside the literal").isNotNull();
    }

    @Test
    void theSameDefinitionThroughTwoPathsSatisfiesBoth() {
      var r = eval("#f: a: 1\n#e: #f\n#d: #f\nx: #e & #d & {b: 1}\n");
      assertThat(r.at("x.a").notAllowed).isNull();
      assertThat(r.at("x.b").notAllowed).isNotNull();
    }

    @Test
    void ellipsisAndTopExemptARequirementAtTheirLevelOnly() {
      var r = eval("#D: {a: {...}, t: _, s: {}}\nx: #D & {a: {b: {c: 1}}, t: {u: 1}, s: {v: 1}}\n");
      assertThat(r.at("x.a.b").notAllowed).isNull();
      assertThat(r.at("x.t.u").notAllowed).isNull();
      assertThat(r.at("x.s.v").notAllowed).isNotNull();
    }

    @Test
    void hiddenFieldsAndDefinitionsAreAlwaysAllowed() {
      var r = eval("#A: {a: int}\nx: #A & {_h: 1, #d: 2, a: 3}\n");
      assertThat(r.at("x._h").notAllowed).isNull();
      assertThat(r.at("x.#d").notAllowed).isNull();
    }

    @Test
    void aDefinitionInAnEmbeddedDisjunctionIsCheckedWithTheFieldsBesideIt() {
      var both = eval("#A: {a: int}\nx: {#A | {b: int}, c: 1}\nx: a: 1\n");
      assertThat(both.at("x").deref().kind).isEqualTo(Vertex.K_DISJ);
      var one = eval("#A: {a: int}\nx: {#A | {b: int}, c: 1}\nx: {a: 1, d: 1}\n");
      Vertex x = one.at("x").deref();
      assertThat(x.kind).as("d eliminates #A").isEqualTo(Vertex.K_STRUCT);
      assertThat(x.arcs).containsKey("b");
    }
  }

  @Nested
  class Lookups {
    @Test
    void aStructInsideADefinitionIsClosedToLookups() {
      var r = eval("#T: {a: x: 1, o: {x: 1, ...}, p: {[string]: int}}\n_h: {a: x: 1}\n");
      Vertex a = r.at("#T.a");
      assertThat(a.closedToLookups).isTrue();
      assertThat(Closedness.acceptsLookup(r.ev(), a, "y")).isFalse();
      assertThat(Closedness.acceptsLookup(r.ev(), a, "_y")).isTrue();
      assertThat(r.at("#T.o").closedToLookups).as("... opens it").isFalse();
      Vertex p = r.at("#T.p");
      assertThat(Closedness.acceptsLookup(r.ev(), p, "y")).as("a pattern matches").isTrue();
      assertThat(r.at("_h.a").closedToLookups).isFalse();
    }

    @Test
    void readingAMissingFieldOfAClosedStructIsFatal() {
      var r = eval("#T: {a: x: 1, v: a.y}\n_h: {a: x: 1, v: a.y}\n");
      assertThat(r.at("#T.v").err.incomplete()).isFalse();
      assertThat(r.at("_h.v").err.incomplete()).isTrue();
    }
  }
}
