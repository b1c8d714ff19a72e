package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.assertExports;
import static io.vela4j.cue.CueTestSupport.exportError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Embedding lists: answers checked with cue-oracle (CUE v0.4), same in v0.14. */
class EmbeddingTest {

  @Test
  void aListAndAStructConflict() {
    // CUE: "conflicting values [1] and {} (mismatched types list and struct)", however the struct
    // arrives: unified, embedded as a literal or through a reference, or from a definition.
    for (String src :
        new String[] {
          "x: [1] & {}",
          "x: {} & [1]",
          "x: [1], x: {}",
          "x: {[1], {}}",
          "x: {[1], {#a: 1}}",
          "a: [1], b: {}, c: {a, b}",
          "#D: {}, x: #D & [1]",
          "x: [...] & {}",
        }) {
      CueException e = exportError(src);
      assertThat(e.errors().get(0).kind()).as("%s", src).isEqualTo(CueError.Kind.CONFLICT);
    }
  }

  @Test
  void definitionsHiddenFieldsAndLetsMayStandBesideAnEmbeddedList() {
    assertExports("x: {[1], #a: 1}", "{\"x\":[1]}");
    assertExports(
        "x: {[1], _h: 2}, y: len(x), z: [for e in x {e}], w: x == [1]",
        "{\"x\":[1],\"y\":1,\"z\":[1],\"w\":true}");
    assertExports("x: {[1, 2], let q = 3, #n: q}, y: len(x)", "{\"x\":[1,2],\"y\":2}");
  }
}
