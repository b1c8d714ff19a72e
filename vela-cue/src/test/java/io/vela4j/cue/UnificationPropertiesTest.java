package io.vela4j.cue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Algebraic properties of unification on generated programs: order never matters. */
class UnificationPropertiesTest {

  private static final String[] LABELS = {"a", "b", "c", "d"};
  private static final String[] VALUES = {
    "1", "2", "int", "*1 | 2", ">=1", "{x: 1}", "{y: 2}", "\"s\""
  };

  /** Renders generated codes as a struct literal {label: value, ...}. */
  private static String struct(List<Integer> codes) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i + 1 < codes.size(); i += 2) {
      sb.append(LABELS[codes.get(i) % LABELS.length])
          .append(": ")
          .append(VALUES[codes.get(i + 1) % VALUES.length])
          .append(", ");
    }
    return sb.append("}").toString();
  }

  /** The export, or the sorted error kinds when it fails: what must not depend on order. */
  private static String outcome(String src) {
    try {
      return CueTestSupport.JSON
          .readTree(CueCompiler.create().compile("p.cue", src).evaluate().export().toString())
          .toString();
    } catch (CueException e) {
      return "error";
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String sorted(String json) {
    if (json.equals("error")) {
      return json;
    }
    try {
      return CueTestSupport.JSON
          .copy()
          .configure(
              com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .writeValueAsString(
              CueTestSupport.JSON.treeToValue(CueTestSupport.JSON.readTree(json), Object.class));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void unificationIsCommutative() {
    qt().withExamples(150)
        .forAll(
            lists().of(integers().between(0, 31)).ofSizeBetween(0, 8),
            lists().of(integers().between(0, 31)).ofSizeBetween(0, 8))
        .checkAssert(
            (x, y) -> {
              String ab = outcome("v: " + struct(x) + " & " + struct(y));
              String ba = outcome("v: " + struct(y) + " & " + struct(x));
              assertThat(sorted(ab)).isEqualTo(sorted(ba));
            });
  }

  @Test
  void declarationOrderDoesNotMatter() {
    qt().withExamples(150)
        .forAll(
            lists().of(integers().between(0, 31)).ofSizeBetween(0, 8),
            lists().of(integers().between(0, 31)).ofSizeBetween(0, 8))
        .checkAssert(
            (x, y) -> {
              String one = outcome("v: " + struct(x) + "\nw: v\nv: " + struct(y));
              String two = outcome("w: v\nv: " + struct(y) + "\nv: " + struct(x));
              assertThat(sorted(one)).isEqualTo(sorted(two));
            });
  }

  @Test
  void unificationIsIdempotent() {
    qt().withExamples(100)
        .forAll(lists().of(integers().between(0, 31)).ofSizeBetween(0, 8))
        .checkAssert(
            x ->
                assertThat(sorted(outcome("v: " + struct(x) + " & " + struct(x))))
                    .isEqualTo(sorted(outcome("v: " + struct(x)))));
  }

  private static final String[] ATOMS = {
    "1",
    "2",
    "1.0",
    "\"a\"",
    "\"b\"",
    "true",
    "null",
    "int",
    "number",
    "string",
    "bool",
    ">=2",
    "<2",
    "!=1",
    "=~\"^a\"",
    "_|_"
  };

  /** A literal, or a disjunction of two or three literals, some marked as defaults. */
  private static String operand(List<Integer> codes) {
    if (codes.size() == 1) {
      return ATOMS[codes.get(0) % ATOMS.length];
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < codes.size(); i++) {
      int c = codes.get(i);
      sb.append(i == 0 ? "" : " | ").append(c >= 32 ? "*" : "").append(ATOMS[c % ATOMS.length]);
    }
    return sb.append(")").toString();
  }

  @Test
  void literalsAndDisjunctionsOfLiteralsMeetAsInGeneralUnification() {
    // A field whose declarations are all literals and disjunctions of literals is computed without
    // unification state when one concrete scalar is admitted by all of them; a declaration `v: _`
    // (which changes nothing) sends the same conjuncts through general unification, which must
    // agree.
    qt().withExamples(400)
        .forAll(
            lists()
                .of(lists().of(integers().between(0, 63)).ofSizeBetween(1, 3))
                .ofSizeBetween(2, 4))
        .checkAssert(
            ops -> {
              StringBuilder v = new StringBuilder();
              for (List<Integer> op : ops) {
                v.append("v: ").append(operand(op)).append('\n');
              }
              assertThat(sorted(outcome(v.toString())))
                  .as("%s", v)
                  .isEqualTo(sorted(outcome(v + "v: _\n")));
            });
  }
}
