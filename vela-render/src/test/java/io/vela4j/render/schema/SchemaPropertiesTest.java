package io.vela4j.render.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.internal.JsonSchema;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.ParameterSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Invariants that tie a parameter schema to the CUE it describes. */
class SchemaPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefinitionRegistry REGISTRY = DefinitionRegistry.catalogue();

  /** Every {@code default} in a catalogue schema satisfies the schema it is the default of. */
  @Test
  void everyDefaultValidatesAgainstItsSchema() {
    int defaults = 0;
    for (Definition d : REGISTRY.definitions()) {
      List<JsonNode> nodes = new ArrayList<>();
      collect(ParameterSchema.of(d).json(), nodes);
      for (JsonNode n : nodes) {
        if (n.has("default")) {
          defaults++;
          ObjectNode s = ((ObjectNode) n).deepCopy();
          s.remove("$schema");
          assertThat(errors(JsonSchema.of(s).validate(n.get("default"), "default")))
              .as(d.display() + ": " + n)
              .isEmpty();
        }
      }
    }
    assertThat(defaults).isGreaterThan(100);
  }

  /**
   * Take a parameter set of the catalogue's cases that CUE accepts, drop some of its optional
   * properties at random; whenever CUE still exports the template's {@code parameter} with it
   * (defaults filled in), the schema accepts both the properties and the exported parameter (no
   * errors; an undeclared property the case sets stays a warning, as in {@code daemon}'s ports).
   */
  @Test
  void whatCueExportsFromParameterAndDefaultsValidates() throws IOException {
    List<Case> cases = cases();
    qt().withExamples(300)
        .forAll(integers().between(0, cases.size() - 1), longs().all())
        .checkAssert(
            (i, seed) -> {
              Case c = cases.get(i);
              JsonNode schemaTree = ParameterSchema.of(c.definition()).json();
              JsonSchema schema = JsonSchema.of(schemaTree);
              JsonNode props = thin(c.parameter(), schemaTree, new Random(seed));
              JsonNode exported;
              try {
                exported =
                    CueCompiler.create()
                        .compile(
                            "t.cue", c.definition().cueTemplate() + "\ncontext: _\nparameter: _\n")
                        .evaluate(Map.of("parameter", props))
                        .lookup("parameter")
                        .export();
              } catch (CueException e) {
                return; // CUE rejects this combination: nothing to check
              }
              assertThat(errors(schema.validate(props, "properties")))
                  .as(c.definition().display() + " " + props)
                  .isEmpty();
              assertThat(errors(schema.validate(exported, "parameter")))
                  .as(c.definition().display() + " exported " + exported)
                  .isEmpty();
            });
  }

  private record Case(Definition definition, JsonNode parameter) {}

  private static List<Case> cases() throws IOException {
    Path root = Path.of("src/test/resources/catalogue/cases");
    List<Case> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".json")
            || name.endsWith(".expected.json")
            || name.equals("directives.json")) {
          continue;
        }
        String base = name.substring(0, name.length() - 5);
        if (!Files.exists(f.resolveSibling(base + ".expected.json"))) {
          continue;
        }
        String kind = f.getParent().getParent().getFileName().toString();
        String def = f.getParent().getFileName().toString();
        Definition d =
            REGISTRY
                .find(Definition.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), def)
                .orElseThrow();
        out.add(new Case(d, JSON.readTree(f.toFile()).path("parameter")));
      }
    }
    return out;
  }

  /** A copy without some of the top-level properties the schema does not require. */
  private static JsonNode thin(JsonNode parameter, JsonNode schema, Random random) {
    if (!(parameter instanceof ObjectNode o)) {
      return parameter;
    }
    ObjectNode copy = o.deepCopy();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<String> names = new ArrayList<>();
    copy.fieldNames().forEachRemaining(names::add);
    for (String k : names) {
      if (!required.contains(k) && random.nextBoolean()) {
        copy.remove(k);
      }
    }
    return copy;
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isObject()) {
      out.add(n);
      n.properties()
          .forEach(
              e -> {
                if (!e.getKey().equals("default") && !e.getKey().equals("enum")) {
                  collect(e.getValue(), out);
                }
              });
    } else if (n.isArray()) {
      n.forEach(x -> collect(x, out));
    }
  }

  private static List<Diagnostic> errors(List<Diagnostic> ds) {
    return ds.stream().filter(Diagnostic::isError).toList();
  }
}
