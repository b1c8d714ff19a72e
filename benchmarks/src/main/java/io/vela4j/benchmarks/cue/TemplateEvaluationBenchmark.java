package io.vela4j.benchmarks.cue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * Renders a KubeVela-shaped template with a given {@code parameter} and {@code context} and exports
 * its result, for four shapes ({@link #shape}):
 *
 * <ul>
 *   <li>{@code webservice} — a small webservice component (parameter defaults, optional fields
 *       guarded by {@code != _|_}, a list comprehension over ports), exporting {@code output};
 *   <li>{@code component} — the largest component shape, after KubeVela's webservice (volumes of
 *       four kinds, probes through a definition, ports, env, resources, comprehensions with guards,
 *       a Service in {@code outputs}), exporting the whole value ({@code cue/component.cue});
 *   <li>{@code trait} — a trait patching the containers of {@code context.output} chosen by name
 *       ({@code cue/trait.cue}), exporting {@code patch};
 *   <li>{@code tiny} — a 5-line template ({@code cue/tiny.cue}), exporting {@code output}.
 * </ul>
 *
 * Each shape is measured two ways:
 *
 * <ul>
 *   <li>{@code compileEveryTime} — the baseline, what KubeVela's render path does: the template
 *       text is parsed and compiled again for every render;
 *   <li>{@code evaluateCompiled} — the template is compiled once and the program evaluated with new
 *       fills, as {@link CueProgram#evaluate(Map)} allows.
 * </ul>
 *
 * Report the ratio of the two from the same run, with one and with two threads evaluating the same
 * program ({@code -t 2}):
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TemplateEvaluation -f 1 -wi 25 -i 10 -prof gc
 * java -jar benchmarks/target/benchmarks.jar TemplateEvaluation -f 1 -wi 25 -i 10 -prof gc -t 2
 * </pre>
 *
 * <p>The warm-up is long because the JIT takes that long: on a 2-core machine, evaluating the
 * {@code component} shape still takes milliseconds per operation after one second and settles only
 * after some 15 to 20 seconds, once C2 has compiled the evaluator's paths; a shorter warm-up
 * measures the compilers at work. The defaults below are that long too.
 *
 * <p>The expected output of every shape with these inputs is what cue-oracle ({@code
 * CUE_ORACLE_ENGINE=v0.4.3}) exports for the template with the fills written in; {@link #setup}
 * fails if the template does not export.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class TemplateEvaluationBenchmark {

  static final String TEMPLATE =
      """
      parameter: {
      	image:    string
      	replicas: *1 | int
      	env?: [...{name: string, value: string}]
      	ports: [...{port: int, name?: string}]
      	labels?: [string]: string
      }
      context: {name: string, namespace: string}
      output: {
      	apiVersion: "apps/v1"
      	kind:       "Deployment"
      	metadata: {
      		name:      context.name
      		namespace: context.namespace
      		if parameter.labels != _|_ {labels: parameter.labels}
      	}
      	spec: {
      		replicas: parameter.replicas
      		selector: matchLabels: "app.oam.dev/component": context.name
      		template: {
      			metadata: labels: "app.oam.dev/component": context.name
      			spec: containers: [{
      				name:  context.name
      				image: parameter.image
      				if parameter.env != _|_ {env: parameter.env}
      				ports: [for p in parameter.ports {
      					containerPort: p.port
      					name:          *"port-\\(p.port)" | string
      					if p.name != _|_ {name: p.name}
      				}]
      			}]
      		}
      	}
      }
      """;

  /** The template shape. */
  @Param({"webservice", "component", "trait", "tiny"})
  public String shape;

  private final CueCompiler compiler = CueCompiler.create();
  private String source;
  private String exported;
  private CueProgram program;
  private Map<String, JsonNode> fills;

  /** Compiles the template once and builds the inputs (not measured). */
  @Setup
  public void setup() throws IOException {
    if (!shape.equals("webservice")) {
      source = resource(shape + ".cue");
      var json = new ObjectMapper().readTree(resource(shape + "-fills.json"));
      fills = Map.of("parameter", json.get("parameter"), "context", json.get("context"));
      exported =
          switch (shape) {
            case "component" -> "";
            case "trait" -> "patch";
            default -> "output";
          };
      program = compiler.compile(shape + ".cue", source);
      if (evaluateCompiled().isEmpty()) {
        throw new IllegalStateException(shape + ": nothing exported");
      }
      return;
    }
    source = TEMPLATE;
    exported = "output";
    program = compiler.compile("webservice.cue", TEMPLATE);
    var nodes = JsonNodeFactory.instance;
    ObjectNode parameter = nodes.objectNode().put("image", "nginx:1.27").put("replicas", 3);
    parameter
        .putArray("ports")
        .add(nodes.objectNode().put("port", 80))
        .add(nodes.objectNode().put("port", 443).put("name", "https"));
    parameter.putObject("labels").put("team", "web");
    ObjectNode context = nodes.objectNode().put("name", "web").put("namespace", "shop");
    fills = Map.of("parameter", parameter, "context", context);
  }

  private static String resource(String name) throws IOException {
    try (var in = TemplateEvaluationBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Baseline: parse, compile, evaluate and export for every render. */
  @Benchmark
  public JsonNode compileEveryTime() {
    return compiler.compile(shape + ".cue", source).evaluate(fills).lookup(exported).export();
  }

  /** Evaluate the program compiled once, and export. */
  @Benchmark
  public JsonNode evaluateCompiled() {
    return program.evaluate(fills).lookup(exported).export();
  }
}
