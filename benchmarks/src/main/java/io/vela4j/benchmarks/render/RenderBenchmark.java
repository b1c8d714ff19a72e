package io.vela4j.benchmarks.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renders an Application of 10 {@code webservice} components, each with the built-in {@code
 * scaler}, {@code labels} and {@code sidecar} traits (40 template evaluations and 30 patches per
 * render), three ways in the same run:
 *
 * <ul>
 *   <li>{@code render} — the SDK's path: the registry (the catalogue) is compiled once and every
 *       render only evaluates;
 *   <li>{@code renderRecompiling} — KubeVela's path, the baseline: the four templates the
 *       application uses are compiled again for every render (a registry built from the same
 *       definition objects each time);
 *   <li>{@code serializeOnly} — the floor: Jackson writing the same 20 rendered manifests as JSON
 *       bytes.
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RenderBenchmark -f 1 -wi 3 -i 5 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

  private Application app;
  private Renderer renderer;
  private List<Definition> used;
  private List<?> manifests;
  private ObjectMapper mapper;

  /** Builds the application, the compiled renderer and the manifests to serialise. */
  @Setup
  public void setup() {
    var sb =
        new StringBuilder(
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: bench, namespace: prod, labels: {team: perf}}
            spec:
              components:
            """);
    for (int i = 0; i < 10; i++) {
      sb.append(
          """
              - name: web-%d
                type: webservice
                properties:
                  image: ghcr.io/example/web:%d
                  ports: [{port: 8080, expose: true}]
                  env: [{name: INDEX, value: "%d"}]
                  cpu: 500m
                  memory: 256Mi
                traits:
                  - {type: scaler, properties: {replicas: %d}}
                  - {type: labels, properties: {tier: web, index: "%d"}}
                  - {type: sidecar, properties: {name: proxy, image: envoy:1.31}}
          """
              .formatted(i, i, i, i + 1, i));
    }
    app = VelaYaml.reader().read(sb.toString(), Application.class);
    renderer = Renderer.builder().build();
    DefinitionRegistry catalogue = DefinitionRegistry.catalogue();
    used =
        List.of(
            catalogue.find(Definition.Kind.COMPONENT, "webservice").orElseThrow(),
            catalogue.find(Definition.Kind.TRAIT, "scaler").orElseThrow(),
            catalogue.find(Definition.Kind.TRAIT, "labels").orElseThrow(),
            catalogue.find(Definition.Kind.TRAIT, "sidecar").orElseThrow());
    manifests =
        renderer.render(app, RenderOptions.defaults()).objects().stream()
            .map(RenderResult.RenderedObject::object)
            .toList();
    mapper = new ObjectMapper();
  }

  /** Renders with templates compiled once. */
  @Benchmark
  public RenderResult render() {
    return renderer.render(app, RenderOptions.defaults());
  }

  /** Renders with the application's templates compiled again (KubeVela's path). */
  @Benchmark
  public RenderResult renderRecompiling() {
    var b = DefinitionRegistry.builder();
    used.forEach(b::add);
    return Renderer.builder().registry(b.build()).build().render(app, RenderOptions.defaults());
  }

  /** Serialises the rendered manifests (the floor). */
  @Benchmark
  public byte[] serializeOnly() throws Exception {
    return mapper.writeValueAsBytes(manifests);
  }
}
