package io.vela4j.benchmarks.cue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueProgram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost of a struct of N simple fields ({@code f0: 0}, {@code f1: "v1"}, ... one int or
 * string each) grows with N (issue 10 §4): it must grow linearly, so the time per field stays flat
 * from 1,000 to 100,000 fields.
 *
 * <ul>
 *   <li>{@code compileEvaluateExport} — parse, compile, evaluate and export the JSON text, what
 *       {@code vela4j cue export} does per file;
 *   <li>{@code evaluateExport} — the program compiled once: evaluate and export the JSON text;
 *   <li>{@code jacksonParseWrite} and {@code jacksonCopyWrite} — the controls: the same fields as
 *       JSON, which Jackson parses and writes, or copies from a tree built once and writes. Both
 *       are linear by construction (one pass, a hash map insertion per field).
 * </ul>
 *
 * Compare the scores across N: for linear cost, each 10× in N costs about 10× in time. Where the
 * controls step too, the step is the machine's, and the measure is the ratio to the control at each
 * N: if it does not grow with N, neither does our cost per field.
 *
 * <p>On a machine whose last-level cache holds the working set of 10,000 fields (a few MB) but not
 * that of 100,000 (the compiled program, about 20 MB, and 23 MB allocated per evaluation and
 * export: the vertices, the output), the time per field steps up once between those two sizes:
 * memory latency, not more work per field (the step stays with no garbage collector at all, {@code
 * -jvmArgsAppend "-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx16g"}, allocation per
 * field is flat, and the controls step at the same size). At N = 300,000, past the cache, {@code
 * evaluateExport} is linear again; {@code compileEvaluateExport} there also pays for the default
 * collector (G1) copying the freshly compiled program between generations, which the CLI's launcher
 * avoids with its own collector settings.
 *
 * <p>Ten warm-up iterations: at N = 100,000 the first seven or so seconds of a fork run three to
 * four times slower than the rest (83–97 against 30 ms per operation, one fork on a quiet 2-core
 * machine), which two warm-up iterations left in the score (76 ± 152 ms). At N = 300,000 the
 * default collector still switches between two speeds within a fork (about 300 and 100 ms for
 * {@code evaluateExport}); with {@code -jvmArgsAppend "-XX:+UseParallelGC -Xms4g -Xmx4g"} both
 * sizes past the cache are steady and linear (100,000: 23.4 ± 4.9 ms, 300,000: 79.1 ± 17.3 ms).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CueScalingBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CueScalingBenchmark {

  /** The number of fields of the struct. */
  @Param({"1000", "10000", "100000", "300000"})
  public int n;

  private final CueCompiler compiler = CueCompiler.create();
  private String source;
  private CueProgram program;
  private final ObjectMapper json = new ObjectMapper();
  private String jsonSource;
  private JsonNode tree;

  /** Generates the source and compiles it once (not measured). */
  @Setup
  public void setup() {
    var sb = new StringBuilder(n * 16);
    sb.append("s: {\n");
    for (int i = 0; i < n; i++) {
      sb.append("\tf").append(i).append(": ");
      if (i % 2 == 0) {
        sb.append(i);
      } else {
        sb.append("\"v").append(i).append('"');
      }
      sb.append('\n');
    }
    sb.append("}\n");
    source = sb.toString();
    program = compiler.compile("wide.cue", source);
    var object = json.createObjectNode();
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        object.put("f" + i, i);
      } else {
        object.put("f" + i, "v" + i);
      }
    }
    tree = object;
    try {
      jsonSource = json.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parse, compile, evaluate, export. */
  @Benchmark
  public String compileEvaluateExport() {
    return compiler.compile("wide.cue", source).evaluate().exportJson();
  }

  /** Evaluate the compiled program, export. */
  @Benchmark
  public String evaluateExport() {
    return program.evaluate().exportJson();
  }

  /**
   * Control for {@link #compileEvaluateExport}: Jackson parses the same fields as JSON, writes
   * them.
   */
  @Benchmark
  public String jacksonParseWrite() throws JsonProcessingException {
    return json.writeValueAsString(json.readTree(jsonSource));
  }

  /** Control for {@link #evaluateExport}: Jackson copies the parsed tree, writes it. */
  @Benchmark
  public String jacksonCopyWrite() throws JsonProcessingException {
    return json.writeValueAsString(tree.deepCopy());
  }
}
