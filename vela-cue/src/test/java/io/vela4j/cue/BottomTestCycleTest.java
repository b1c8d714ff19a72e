package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.assertExports;
import static io.vela4j.cue.CueTestSupport.exportError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code x == _|_} / {@code x != _|_} on a struct that is still being evaluated, because the test
 * is part of it: cue-oracle (CUE v0.4) answers "cycle error" for each of these programs.
 */
class BottomTestCycleTest {

  @Test
  void testingTheEnclosingStructIsACycleError() {
    for (String src :
        new String[] {
          "a: c, c: {if a != _|_ {x: a}}",
          "a: c, c: {if a == _|_ {x: 1}}",
          "a: c, c: {b: 1, if a != _|_ {x: 1}}",
          "a: {b: 1, if a != _|_ {c: 2}}",
          "x: {if x != _|_ {y: 1}}",
        }) {
      CueException e = exportError(src);
      assertThat(e.errors().get(0).kind()).as("%s", src).isEqualTo(CueError.Kind.CYCLE);
      assertThat(e.errors().get(0).message()).as("%s", src).startsWith("cycle error");
    }
  }

  @Test
  void testingAFieldOfTheEnclosingStructIsFine() {
    assertExports("a: {b: 1, if a.b != _|_ {c: 2}}", "{\"a\":{\"b\":1,\"c\":2}}");
    assertExports("a: {b: a.c != _|_}", "{\"a\":{\"b\":false}}");
  }
}
