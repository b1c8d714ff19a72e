package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.assertExports;
import static io.vela4j.cue.CueTestSupport.eval;
import static io.vela4j.cue.CueTestSupport.exportError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
  void fieldsOfACyclicExpansionAreNotNewStructure() {
    // cue-oracle (v0.4) reports a.q.q (a.q.0.q.0) as a structural cycle for each program; we
    // report the same shape for the copy c, and a.q for a itself.
    String[][] cases = {
      {"a: {q: {if true {a}}}\nc: a", "c.q.q"},
      {"a: {q: a, [string]: _}\nc: a", "c.q.q"},
      {"a: {q: [for x in [1] {a}]}\nc: a", "c.q.0.q.0"},
    };
    for (String[] c : cases) {
      CueException e = assertTimeoutPreemptively(HANG_GUARD, () -> exportError(c[0]));
      assertThat(e.errors())
          .as("%s", c[0])
          .allSatisfy(err -> assertThat(err.kind()).isEqualTo(CueError.Kind.CYCLE))
          .anySatisfy(err -> assertThat(err.path()).isEqualTo(c[1]));
    }
    CueException e =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> exportError("a: {q: a} & {if true {m: 1}}\nc: *a | 1"));
    assertThat(e.errors()).allSatisfy(err -> assertThat(err.kind()).isEqualTo(CueError.Kind.CYCLE));
  }

  @Test
  void recursionDrivenByDataIsNotACycle() {
    assertExports(
        "#L: {h: _, t: null | #L}, l: #L & {h: 1, t: {h: 2, t: {h: 3}}}",
        "{\"l\":{\"h\":1,\"t\":{\"h\":2,\"t\":{\"h\":3,\"t\":null}}}}");
    // cue-oracle: x.sub.meta is {name: string}; only incomplete, not a structural cycle.
    assertThatCode(() -> eval("#T: {meta: {name: string}, sub?: #T}, x: #T & {sub: {}}").validate())
        .doesNotThrowAnyException();
  }

  @Test
  void nestingBeyondTheLimitIsALimitError() {
    // A safety net for cycles that escape detection: 20,000 levels (design note 9.3).
    String src = "x: " + "a: ".repeat(20_001) + "1";
    CueException e = assertTimeoutPreemptively(HANG_GUARD, () -> exportError(src));
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.LIMIT);
    assertThat(e.errors().get(0).message()).contains("nested more than 20000 levels");
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
