package io.vela4j.cue.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueValue;
import io.vela4j.cue.internal.LargeStack;
import io.vela4j.cue.internal.export.ExportText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CUE conformance suite: every {@code src/test/resources/conformance/<feature>/<case>.cue} (or
 * folder {@code <feature>/<case>/} of the files of one package) is compiled, evaluated and
 * exported, and compared with the answer of the reference implementation ({@code <case>.json}: the
 * exported JSON; {@code <case>.err}: CUE rejected the program, so we must throw a {@link
 * CueException}). Expected files come from cue-oracle (see {@code
 * scripts/regenerate-conformance.sh}), except cases with a {@code <case>.v014} sidecar,
 * hand-written because CUE v0.14 answers differently (listed in {@code DIFFERENCES.md}).
 *
 * <p>JSON is compared ignoring object key order, except in the {@code order/} feature where key
 * order matters too; numbers compare by their JSON text, so {@code 1.50}, {@code 1.5} and {@code
 * 1E+2} are all different, as in {@code cue export}.
 *
 * <p>Cases listed in {@code conformance/known-failures.txt} (one relative path per line, {@code #
 * reason} allowed) are run and, when they fail, skipped with an assumption; a listed case that
 * passes fails the run as a stale entry. With {@code -Dconformance.updateKnownFailures=true} the
 * list is rewritten with exactly the failing cases instead. A per-feature summary is printed.
 */
class ConformanceTest {
  private static final String UPDATE_PROPERTY = "conformance.updateKnownFailures";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Set<String> ORDERED_FEATURES = Set.of("order");
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  static {
    // limits/ holds JSON nested 10,000 deep (trap T21); Jackson's default limit is 1000.
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(1_000_000).build());
  }

  private static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();
  private static final ExecutorService WORKER =
      Executors.newCachedThreadPool(
          r -> {
            var t = new Thread(null, r, "conformance-case", 512L * 1024 * 1024);
            t.setDaemon(true);
            return t;
          });

  private static Map<String, String> knownFailures = Map.of();
  private static Path root;

  private enum Outcome {
    PASSED,
    KNOWN_FAILING,
    FAILED,
    STALE
  }

  @TestFactory
  Stream<DynamicNode> conformance() throws IOException {
    root = corpusRoot();
    knownFailures = readKnownFailures(root.resolve("known-failures.txt"));
    var features = new TreeMap<String, List<Path>>();
    try (var files = Files.walk(root, 2)) {
      files
          .filter(
              p ->
                  p.toString().endsWith(".cue")
                      || (Files.isDirectory(p) && root.relativize(p).getNameCount() == 2))
          .sorted()
          .forEach(
              p ->
                  features
                      .computeIfAbsent(
                          root.relativize(p.getParent()).toString(), k -> new ArrayList<>())
                      .add(p));
    }
    assertThat(features).as("conformance features under %s", root).isNotEmpty();
    var unknown = new ArrayList<>(knownFailures.keySet());
    features.values().forEach(l -> l.forEach(p -> unknown.remove(relative(p))));
    assertThat(unknown).as("known-failures.txt names cases that do not exist").isEmpty();
    return features.entrySet().stream()
        .map(
            e ->
                DynamicContainer.dynamicContainer(
                    e.getKey(), e.getValue().stream().map(p -> caseTest(e.getKey(), p))));
  }

  private static DynamicTest caseTest(String feature, Path cue) {
    var rel = relative(cue);
    return DynamicTest.dynamicTest(
        cue.getFileName().toString() + (Files.isDirectory(cue) ? "/" : ""),
        cue.toUri(),
        () -> {
          String failure = check(feature, cue);
          boolean known = knownFailures.containsKey(rel);
          boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
          if (failure == null) {
            if (known && !update) {
              OUTCOMES.put(rel, Outcome.STALE);
              fail(
                  rel
                      + " passes now: remove it from known-failures.txt (or run with -D"
                      + UPDATE_PROPERTY
                      + "=true)");
            }
            OUTCOMES.put(rel, Outcome.PASSED);
            return;
          }
          if (known || update) {
            OUTCOMES.put(rel, Outcome.KNOWN_FAILING);
            FAILURES.put(rel, oneLine(failure));
            Assumptions.abort("known failure: " + oneLine(failure));
          }
          OUTCOMES.put(rel, Outcome.FAILED);
          FAILURES.put(rel, oneLine(failure));
          fail(rel + ": " + failure);
        });
  }

  private static final Map<String, String> FAILURES = new ConcurrentHashMap<>();

  /**
   * Runs one case (a {@code .cue} file, or a folder of the {@code .cue} files of one package);
   * returns null when it behaves as expected, else what went wrong.
   */
  private static String check(String feature, Path cue) throws IOException {
    boolean pkg = Files.isDirectory(cue);
    var base = pkg ? cue.toString() : cue.toString().substring(0, cue.toString().length() - 4);
    var json = Path.of(base + ".json");
    var err = Path.of(base + ".err");
    var sources = new LinkedHashMap<String, String>();
    if (pkg) {
      try (var files = Files.list(cue)) {
        for (var f : files.filter(p -> p.toString().endsWith(".cue")).sorted().toList()) {
          sources.put(
              feature + "/" + cue.getFileName() + "/" + f.getFileName(),
              Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } else {
      sources.put(feature + "/" + cue.getFileName(), Files.readString(cue, StandardCharsets.UTF_8));
    }
    boolean expectError = Files.exists(err);
    if (!expectError && !Files.exists(json)) {
      return "no expected " + json.getFileName() + " or " + err.getFileName();
    }
    // Evaluation and comparison run on a worker with a large stack and a time limit: deep
    // inputs (limits/) must not overflow the JUnit thread, and a looping evaluator must not hang.
    Future<String> run =
        WORKER.submit(
            () -> {
              JsonNode actual;
              CueValue value = null;
              try {
                value = CueCompiler.create().compile(sources).evaluate();
                actual = value.export();
              } catch (CueException e) {
                if (value != null) {
                  // exportJson writes its text without the tree: it must fail alike.
                  try {
                    value.exportJson();
                    return "export() failed (" + e.getMessage() + ") but exportJson() did not";
                  } catch (CueException e2) {
                    if (!e2.getMessage().equals(e.getMessage())) {
                      return "exportJson() failed with "
                          + e2.getMessage()
                          + ", export() with "
                          + e.getMessage();
                    }
                  }
                }
                return expectError
                    ? null
                    : "expected " + json.getFileName() + " but got CueException: " + e.getMessage();
              }
              if (!value
                  .exportJson()
                  .equals(LargeStack.runShallowFirst(() -> ExportText.write(actual)))) {
                return "exportJson() differs from the text of export()";
              }
              if (expectError) {
                return "expected a CueException (CUE: "
                    + oneLine(Files.readString(err, StandardCharsets.UTF_8))
                    + ") but exported "
                    + abbreviate(actual.toString());
              }
              var expected = MAPPER.readTree(Files.readString(json, StandardCharsets.UTF_8));
              var want = canonical(expected);
              var got = canonical(actual);
              if (!want.equals(got)) {
                return "export differs\n  expected: "
                    + abbreviate(expected.toString())
                    + "\n  actual:   "
                    + abbreviate(actual.toString());
              }
              if (ORDERED_FEATURES.contains(feature) && !render(want).equals(render(got))) {
                return "field order differs\n  expected: "
                    + abbreviate(expected.toString())
                    + "\n  actual:   "
                    + abbreviate(actual.toString());
              }
              return null;
            });
    try {
      return run.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return "timed out after " + TIMEOUT.toSeconds() + "s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      var cause = e.getCause();
      return "unexpected " + cause.getClass().getName() + ": " + cause.getMessage();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }

  /**
   * A comparable form of a JSON tree: objects become insertion-ordered maps (whose equality ignores
   * order), numbers their JSON text.
   */
  static Object canonical(JsonNode n) {
    if (n.isObject()) {
      var m = new LinkedHashMap<String, Object>();
      n.properties().forEach(e -> m.put(e.getKey(), canonical(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      var l = new ArrayList<Object>();
      n.forEach(e -> l.add(canonical(e)));
      return l;
    }
    if (n.isNumber()) {
      if (n.isIntegralNumber()) {
        return new Num(n.bigIntegerValue().toString());
      }
      var d = n.isBigDecimal() ? n.decimalValue() : new BigDecimal(n.asText());
      return new Num(d.toString());
    }
    if (n.isNull()) {
      return Null.NULL;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return n.asText();
  }

  /** Renders a canonical tree with its key order, for order-sensitive comparison. */
  static String render(Object o) {
    if (o instanceof Map<?, ?> m) {
      var sb = new StringBuilder("{");
      m.forEach((k, v) -> sb.append(k).append(':').append(render(v)).append(','));
      return sb.append('}').toString();
    }
    if (o instanceof List<?> l) {
      var sb = new StringBuilder("[");
      l.forEach(v -> sb.append(render(v)).append(','));
      return sb.append(']').toString();
    }
    return String.valueOf(o);
  }

  record Num(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  enum Null {
    NULL
  }

  @AfterAll
  static void summarize() throws IOException {
    if (root == null) {
      return;
    }
    var perFeature = new TreeMap<String, int[]>();
    OUTCOMES.forEach(
        (rel, outcome) -> {
          var counts =
              perFeature.computeIfAbsent(rel.substring(0, rel.indexOf('/')), k -> new int[4]);
          counts[outcome.ordinal()]++;
        });
    var sb =
        new StringBuilder("\nCUE conformance: passed / known-failing / failed / stale / total\n");
    int[] total = new int[4];
    perFeature.forEach(
        (feature, c) -> {
          sb.append(
              String.format(
                  "  %-16s %4d %4d %4d %4d %5d%n",
                  feature, c[0], c[1], c[2], c[3], c[0] + c[1] + c[2] + c[3]));
          for (int i = 0; i < 4; i++) {
            total[i] += c[i];
          }
        });
    sb.append(
        String.format(
            "  %-16s %4d %4d %4d %4d %5d%n",
            "TOTAL",
            total[0],
            total[1],
            total[2],
            total[3],
            total[0] + total[1] + total[2] + total[3]));
    System.out.println(sb);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      writeKnownFailures(root.resolve("known-failures.txt"));
      var source = sourceCorpusRoot();
      if (source != null && !source.equals(root)) {
        writeKnownFailures(source.resolve("known-failures.txt"));
      }
    }
  }

  private static void writeKnownFailures(Path file) throws IOException {
    var sb =
        new StringBuilder(
            "# Conformance cases the evaluator does not pass yet: one path per line, relative to this\n"
                + "# folder, with the reason after '#'. Regenerate with\n"
                + "#   ./mvnw -pl vela-cue verify -Dtest=ConformanceTest -D"
                + UPDATE_PROPERTY
                + "=true\n");
    new TreeMap<>(FAILURES)
        .forEach(
            (rel, why) -> {
              if (OUTCOMES.get(rel) != Outcome.PASSED) {
                var reason = why.length() > 150 ? why.substring(0, 150) + "..." : why;
                sb.append(rel).append(" # ").append(reason).append('\n');
              }
            });
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  private static String oneLine(String s) {
    var t = s.strip().replace('\n', ' ').replace('\r', ' ');
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }

  private static String relative(Path cue) {
    return root.relativize(cue).toString().replace('\\', '/');
  }

  static Map<String, String> readKnownFailures(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    var out = new LinkedHashMap<String, String>();
    for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      var t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int hash = t.indexOf(" #");
      var path = (hash >= 0 ? t.substring(0, hash) : t).strip();
      out.put(path, hash >= 0 ? t.substring(hash + 2).strip() : "");
    }
    return out;
  }

  /**
   * The corpus in the source tree when the test runs from the module directory (so updates land in
   * git), else the copy on the test class path.
   */
  private static Path corpusRoot() {
    var source = sourceCorpusRoot();
    if (source != null) {
      return source;
    }
    var url = ConformanceTest.class.getResource("/conformance");
    if (url == null) {
      throw new IllegalStateException("conformance corpus not found");
    }
    try {
      return Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path sourceCorpusRoot() {
    var base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    var p = base.resolve("src/test/resources/conformance");
    return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
  }
}
