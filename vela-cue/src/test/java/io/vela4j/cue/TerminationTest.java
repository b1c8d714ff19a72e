package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.eval;
import static io.vela4j.cue.CueTestSupport.exportError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every evaluation terminates: structural cycles are detected, shapes that escape detection hit the
 * nesting limit, and an interrupted evaluation stops. The time-outs here only guard against hangs.
 */
class TerminationTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  @Test
  void comprehensionOutputOfACyclicCopyIsCyclic() {
    // CUE reports a structural cycle; the comprehension's fields arrive through the cyclic
    // reference `a` in the copy `c`, so they must not count as new structure.
    String src = "a: {q: a} & {for k, v in {m: 1} {\"\\(k)\": v}}\n";
    CueException e = assertTimeoutPreemptively(HANG_GUARD, () -> exportError(src + "c: a"));
    assertThat(e.errors())
        .anySatisfy(
            err -> {
              assertThat(err.kind()).isEqualTo(CueError.Kind.CYCLE);
              assertThat(err.path()).isEqualTo("c.q");
            });
    e = assertTimeoutPreemptively(HANG_GUARD, () -> exportError(src + "c: *a | 1"));
    assertThat(e.errors())
        .anySatisfy(
            err -> {
              assertThat(err.kind()).isEqualTo(CueError.Kind.CYCLE);
              assertThat(err.path()).isEqualTo("a.q");
            });
  }

  @Test
  void cyclicShapesEndWithAnError() {
    for (String src :
        new String[] {
          "a: {q: a, [string]: _}\nc: a",
          "a: {q: {if true {a}}}\nc: a",
          "a: {q: [for x in [1] {a}]}\nc: a",
          "a: {q: a} & {if true {m: 1}}\nc: *a | 1",
        }) {
      CueException e = assertTimeoutPreemptively(HANG_GUARD, () -> exportError(src));
      assertThat(e.errors())
          .as("%s", src)
          .allSatisfy(err -> assertThat(err.kind()).isIn(CueError.Kind.CYCLE, CueError.Kind.LIMIT));
    }
  }

  @Test
  void interruptingTheCallerStopsTheEvaluation() throws InterruptedException {
    // Four million list elements: long enough to be interrupted midway.
    String src =
        "import \"list\"\n"
            + "x: [for i in list.Range(0, 2000, 1) for j in list.Range(0, 2000, 1) {i + j}]\n";
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                eval(src).export();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    Thread.sleep(200);
    caller.interrupt();
    caller.join(HANG_GUARD.toMillis());
    assertThat(caller.isAlive()).as("evaluation still running after an interrupt").isFalse();
    assertThat(thrown.get()).isInstanceOf(CueException.class);
    CueException e = (CueException) thrown.get();
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.LIMIT);
    assertThat(e.errors().get(0).message()).contains("cancelled");
  }
}
