package io.vela4j.cue.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact collections of a vertex: its arcs, its conjuncts, and ints kept as longs. */
class ArcsTest {

  @Test
  void arcsKeepInsertionOrderAndFindEveryLabelBeforeAndAfterTheTableIsBuilt() {
    // made small, made for fewer arcs than it gets, made for exactly as many, made for more
    for (int expected : new int[] {0, 5, 300, 1000, 4000}) {
      arcsKeepInsertionOrderAndFindEveryLabel(expected == 0 ? new Arcs() : new Arcs(expected));
    }
  }

  private static void arcsKeepInsertionOrderAndFindEveryLabel(Arcs arcs) {
    Vertex parent = new Vertex(null, "");
    List<Vertex> added = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Vertex a = new Vertex(parent, (i % 2 == 0 ? "f" : "") + i);
      assertThat(arcs.put(a.label, a)).isNull();
      added.add(a);
      assertThat(arcs.size()).isEqualTo(i + 1);
      for (Vertex b : added) {
        if (i < 20 || b.label.length() < 3) {
          assertThat(arcs.get(new String(b.label))).isSameAs(b);
        }
      }
      assertThat(arcs.get("g" + i)).isNull();
      assertThat(arcs.containsKey(a.label)).isTrue();
    }
    assertThat(new ArrayList<>(arcs.values())).isEqualTo(added);
    assertThat(arcs.keySet()).hasSize(1000).startsWith("f0", "1", "f2");
    Vertex again = new Vertex(parent, "f500");
    assertThat(arcs.put("f500", again)).isSameAs(added.get(500));
    assertThat(arcs.get("f500")).isSameAs(again);
    assertThat(new ArrayList<>(arcs.values()).get(500)).isSameAs(again);
    assertThat(arcs.size()).isEqualTo(1000);
    assertThatThrownBy(() -> arcs.put("x", again)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLabelDeclaredAgainIsOneArcWhereverTheDeclarationsAre() {
    // Fields of a literal with distinct labels are added without a lookup while the node holds
    // only what the literal added: each shape here breaks one part of that condition.
    StringBuilder wide = new StringBuilder("w: {");
    for (int i = 0; i < 40; i++) {
      wide.append("f").append(i).append(": ").append(i).append(", ");
    }
    wide.append("f3: int}"); // past the literals whose labels are compared
    String src =
        String.join(
            "\n",
            "a: {x: 1, y: 2, x: int}", // repeated in one literal
            "b: {x: 1, \"x\": int}", // repeated as an identifier and a string
            "#E: {x: int}",
            "c: {#E, x: 1, y: 2}", // after an embedding
            "d: {x: 1} & {x: int, y: 2}", // a second literal of the node
            "e: {for k in [\"x\", \"y\"] {(k): 1}, x: int}", // after a comprehension's fields
            wide.toString());
    EvalTestSupport.Result r = EvalTestSupport.eval(src);
    assertThat(r.at("a").arcs.keySet()).containsExactly("x", "y");
    assertThat(r.at("b").arcs.keySet()).containsExactly("x");
    assertThat(r.at("c").arcs.keySet()).containsExactly("x", "y");
    assertThat(r.at("d").arcs.keySet()).containsExactly("x", "y");
    assertThat(r.at("e").arcs.keySet()).containsExactlyInAnyOrder("x", "y");
    assertThat(r.at("w").arcs.size()).isEqualTo(40);
    assertThat(r.at("w.f3").scalar).isEqualTo(Atom.Num.ofInt(java.math.BigInteger.valueOf(3)));
  }

  @Test
  void aLiteralSaysWhetherItMayRepeatALabel() {
    Adt.Expr v = new Adt.Lit(Atom.Top.INSTANCE, null);
    List<Adt.Decl> decls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      decls.add(new Adt.FieldD("f" + i, Adt.ArcType.REGULAR, v, List.of(), null));
    }
    assertThat(new Adt.StructE(List.copyOf(decls), false, null).mayRepeatLabel()).isFalse();
    List<Adt.Decl> again = new ArrayList<>(decls);
    again.set(31, new Adt.FieldD(new String("f0"), Adt.ArcType.REGULAR, v, List.of(), null));
    assertThat(new Adt.StructE(again, false, null).mayRepeatLabel()).isTrue();
    decls.add(new Adt.FieldD("f32", Adt.ArcType.REGULAR, v, List.of(), null));
    assertThat(new Adt.StructE(decls, false, null).mayRepeatLabel()).isTrue(); // not compared
    // A JSON object's keys are distinct, and stay so as labels ("#a" is kept as "\u0001#a", and
    // "\u0001#a" as "\u0001\u0001#a"): its fields are never compared, whatever their number.
    com.fasterxml.jackson.databind.node.ObjectNode o =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < 40; i++) {
      o.put("f" + i, i);
    }
    o.put("#a", 40).put("\u0001#a", 41).put("_h", 42).put("\u0001_h", 43);
    Adt.StructE json = (Adt.StructE) ProgramImpl.json(o);
    assertThat(json.mayRepeatLabel()).isFalse();
    assertThat(json.decls().stream().map(d -> ((Adt.FieldD) d).label()).distinct().count())
        .isEqualTo(44);
  }

  @Test
  void conjunctsAreAppendedInOrder() {
    Vertex v = new Vertex(null, "");
    List<Conjunct> want = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      assertThat(v.conjuncts()).isEqualTo(want);
      assertThat(v.conjunctCount()).isEqualTo(i);
      Conjunct c =
          new Conjunct(
              new Adt.Lit(Atom.Num.ofInt(java.math.BigInteger.valueOf(i)), null),
              null,
              Conjunct.CloseInfo.EMPTY,
              null);
      List<Conjunct> before = v.conjuncts();
      v.addConjunct(c);
      want.add(c);
      assertThat(before).hasSize(i);
      assertThat(v.conjunct(i)).isSameAs(c);
    }
    assertThat(v.conjuncts()).isEqualTo(want);
    assertThatThrownBy(() -> v.conjunct(9)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> v.conjunct(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void numsEqualAndHashAliveWhetherKeptAsLongsOrBigDecimals() {
    Atom.Num small = Atom.Num.ofInt(java.math.BigInteger.valueOf(1000));
    Atom.Num scaled = new Atom.Num(new BigDecimal("1E+3"), true);
    Atom.Num dec = new Atom.Num(new BigDecimal("1000.0"), false);
    assertThat(small.isLong()).isTrue();
    assertThat(scaled.isLong()).isFalse();
    assertThat(small).isEqualTo(scaled).hasSameHashCodeAs(scaled).isNotEqualTo(dec);
    assertThat(dec).isEqualTo(new Atom.Num(new BigDecimal("1E+3"), false));
    assertThat(small.d()).isEqualTo(new BigDecimal(1000));
    Atom.Num big = Atom.Num.ofInt(new java.math.BigInteger("123456789012345678901234567890"));
    assertThat(big.isLong()).isFalse();
    assertThat(big.toString()).isEqualTo("123456789012345678901234567890");
    for (long l : new long[] {0, -7, 1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      Atom.Num asLong = Atom.Num.ofInt(java.math.BigInteger.valueOf(l));
      Atom.Num asDecimal = new Atom.Num(new BigDecimal(l).setScale(2), true);
      assertThat(asLong.isLong()).isTrue();
      assertThat(asDecimal.isLong()).isFalse();
      assertThat(asDecimal).isEqualTo(asLong).hasSameHashCodeAs(asLong);
    }
    Atom.Num beyond = Atom.Num.ofInt(java.math.BigInteger.TWO.pow(63));
    assertThat(beyond).isEqualTo(new Atom.Num(new BigDecimal("9.223372036854775808E+18"), true));
    assertThat(beyond.hashCode())
        .isEqualTo(new Atom.Num(new BigDecimal("9.223372036854775808E+18"), true).hashCode());
    assertThat(Atom.Num.ofInt(java.math.BigInteger.valueOf(Long.MIN_VALUE)).toString())
        .isEqualTo(Long.toString(Long.MIN_VALUE));
  }
}
