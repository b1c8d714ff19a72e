package io.vela4j.cue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pool of large-stack threads, and work run on the caller's stack first. */
class LargeStackTest {

  @Test
  void workRunsOnAPooledDaemonThreadThatIsReused() {
    Set<Thread> threads = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      threads.add(LargeStack.run(Thread::currentThread));
    }
    assertThat(threads).hasSizeLessThanOrEqualTo(LargeStack.WORKERS);
    assertThat(threads).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    assertThat(threads).doesNotContain(Thread.currentThread());
  }

  @Test
  void workStartedOnAPoolThreadRunsInPlace() {
    Thread[] seen = new Thread[2];
    LargeStack.run(
        () -> {
          seen[0] = Thread.currentThread();
          seen[1] = LargeStack.run(Thread::currentThread);
          return null;
        });
    assertThat(seen[1]).isSameAs(seen[0]);
    assertThat(LargeStack.isInside()).isFalse();
  }

  @Test
  void workStartedOnAThreadOfTheFactoryRunsInPlaceOnItsLargeStack() throws Exception {
    Object[] seen = new Object[5];
    Thread t =
        LargeStack.threads("own")
            .newThread(
                () -> {
                  seen[0] = Thread.currentThread();
                  seen[1] = LargeStack.run(Thread::currentThread);
                  seen[2] = LargeStack.runShallowFirst(Thread::currentThread);
                  seen[3] = LargeStack.isInside();
                  LargeStack.checkDepth(LargeStack.SHALLOW + 1_000); // no budget on a large stack
                  seen[4] = recurse(200_000);
                });
    t.start();
    t.join();
    assertThat(t.getName()).isEqualTo("own-1");
    assertThat(t.isDaemon()).isTrue();
    assertThat(seen[1]).isSameAs(seen[0]);
    assertThat(seen[2]).isSameAs(seen[0]);
    assertThat(seen[3]).isEqualTo(true);
    assertThat(seen[4]).isEqualTo(200_000);
  }

  @Test
  void deepRecursionFitsTheLargeStack() {
    assertThat(LargeStack.run(() -> recurse(200_000))).isEqualTo(200_000);
  }

  @Test
  void whatTheWorkThrowsReachesTheCaller() {
    assertThatThrownBy(
            () ->
                LargeStack.run(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThatThrownBy(
            () ->
                LargeStack.run(
                    () -> {
                      throw new AssertionError("error");
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessage("error");
  }

  @Test
  void shallowWorkRunsOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    Thread ran =
        LargeStack.runShallowFirst(
            () -> {
              LargeStack.checkDepth(LargeStack.SHALLOW);
              return Thread.currentThread();
            });
    assertThat(ran).isSameAs(caller);
  }

  @Test
  void workDeeperThanTheBudgetStartsAgainOnALargeStack() {
    List<Thread> attempts = new ArrayList<>();
    int depth =
        LargeStack.runShallowFirst(
            () -> {
              attempts.add(Thread.currentThread());
              return checkedRecursion(0, 5_000);
            });
    assertThat(depth).isEqualTo(5_000);
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0)).isSameAs(Thread.currentThread());
    assertThat(attempts.get(1)).isNotSameAs(Thread.currentThread());
  }

  @Test
  void aStackOverflowOnTheCallersStackStartsAgainOnALargeStack() throws Exception {
    // A caller with a small stack: the recursion never calls checkDepth, overflows, and is run
    // again where it fits.
    AtomicReference<Object> result = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> result.set(LargeStack.runShallowFirst(() -> recurse(100_000))),
            "small-stack",
            256 * 1024);
    small.start();
    small.join();
    assertThat(result.get()).isEqualTo(100_000);
  }

  @Test
  void callersBeyondThePoolSizeWaitTheirTurn() throws Exception {
    int callers = LargeStack.WORKERS * 3;
    ExecutorService exec = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> fs = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        int n = i;
        fs.add(
            exec.submit(
                () -> {
                  start.await();
                  return LargeStack.run(() -> recurse(10_000 + n));
                }));
      }
      start.countDown();
      for (int i = 0; i < callers; i++) {
        assertThat(fs.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(10_000 + i);
      }
    } finally {
      exec.shutdownNow();
    }
  }

  @Test
  void interruptingTheCallerInterruptsOnlyItsOwnWork() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                LargeStack.run(
                    () -> {
                      running.countDown();
                      while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                      }
                      throw new IllegalStateException("stopped");
                    });
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(30_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).hasMessage("stopped");
    // The interrupt does not leak into the next work on the same pool thread.
    for (int i = 0; i < LargeStack.WORKERS * 2; i++) {
      assertThat(LargeStack.run(() -> Thread.currentThread().isInterrupted())).isFalse();
    }
  }

  private static int recurse(int n) {
    return n == 0 ? 0 : recurse(n - 1) + 1;
  }

  private static int checkedRecursion(int depth, int max) {
    LargeStack.checkDepth(depth);
    return depth == max ? depth : checkedRecursion(depth + 1, max);
  }
}
