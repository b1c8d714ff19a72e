package io.vela4j.render.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.internal.JsonSchema;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.ParameterSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parameter schema of every built-in catalogue definition: well formed (every keyword known and
 * well typed, {@link JsonSchema#problems}), equal to what the reference CUE's {@code
 * encoding/openapi} gives for the same parameter after KubeVela's post-processing ({@code
 * src/test/resources/schemas}, written by {@code regenerate.sh}) once the deliberate differences
 * are normalised away, and accepting the parameters of every catalogue test case the reference CUE
 * accepts.
 */
class CatalogueSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/schemas");
  private static final Path CASES = Path.of("src/test/resources/catalogue/cases");
  private static final DefinitionRegistry REGISTRY = DefinitionRegistry.catalogue();

  /**
   * Definitions whose schema still differs from the oracle's after normalisation, each with the
   * reason (also in vela-render/README.md, "Parameter schemas").
   */
  private static final Map<String, String> KNOWN_DIFFERENCES =
      Map.of(
          "trait/resource",
          "memory: *\"2048Mi\" | #Quantity -- CUE's openapi drops the default when the other term is"
              + " a reference to a definition; Vela4J keeps default \"2048Mi\"");

  /**
   * Catalogue cases the reference CUE rejects for reasons a schema cannot express (template logic,
   * values computed from several fields); every other {@code reject-*} case must be rejected by the
   * schema.
   */
  private static final Set<String> REJECTED_BY_TEMPLATE_ONLY =
      Set.of(
          "component/k8s-objects/reject-empty",
          "trait/k8s-update-strategy/defaults",
          "trait/startup-probe/tcp-socket-reference-bug");

  @Test
  void everyCatalogueDefinitionHasAWellFormedSchema() {
    List<Definition> defs = catalogue();
    assertThat(defs).hasSize(41);
    for (Definition d : defs) {
      ObjectNode schema = ParameterSchema.of(d).json();
      assertThat(JsonSchema.problems(schema)).as(d.display()).isEmpty();
      assertThat(schema.path("$schema").asText()).isEqualTo(ParameterSchema.DIALECT);
      assertThat(ParameterSchema.of(d).known()).isTrue();
    }
  }

  @Test
  void schemasEqualTheOraclesAfterNormalisation() throws IOException {
    JsonNode refs = JSON.readTree(GOLDEN.resolve("expanded-refs.json").toFile());
    Map<String, String> differences = new TreeMap<>();
    int identical = 0;
    for (Definition d : catalogue()) {
      String key = d.kind().label() + "/" + d.name();
      JsonNode expected = JSON.readTree(GOLDEN.resolve(key + ".schema.json").toFile());
      ObjectNode ours = ParameterSchema.of(d).json();
      JsonNode a = normalise(ours, true);
      JsonNode b = normalise(expected, false);
      for (JsonNode pointer : refs.path(key)) {
        dropDescription(a, pointer.asText());
        dropDescription(b, pointer.asText());
      }
      if (a.equals(b)) {
        identical++;
      } else {
        differences.put(key, "ours " + a + "\noracle " + b);
      }
    }
    differences.forEach(
        (k, v) ->
            System.out.println(
                "DIFF " + k + "\n  OURS " + v.replace("\noracle ", "\n  EXPECTED ")));
    assertThat(differences.keySet()).isEqualTo(KNOWN_DIFFERENCES.keySet());
    assertThat(identical).isEqualTo(41 - KNOWN_DIFFERENCES.size());
  }

  @Test
  void everyAcceptedCaseValidatesAndMostRejectionsAreCaught() throws IOException {
    List<String> accepted = new ArrayList<>();
    List<String> wronglyRejected = new ArrayList<>();
    Set<String> missed = new TreeSet<>();
    try (Stream<Path> files = Files.walk(CASES)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".json")
            || name.endsWith(".expected.json")
            || name.equals("directives.json")) {
          continue;
        }
        String base = name.substring(0, name.length() - ".json".length());
        Path dir = f.getParent();
        String kind = dir.getParent().getFileName().toString();
        String def = dir.getFileName().toString();
        String id = kind + "/" + def + "/" + base;
        JsonNode parameter = JSON.readTree(f.toFile()).path("parameter");
        Definition d =
            REGISTRY
                .find(Definition.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), def)
                .orElseThrow();
        List<Diagnostic> errors =
            JsonSchema.of(ParameterSchema.of(d).json()).validate(parameter, "properties").stream()
                .filter(Diagnostic::isError)
                .toList();
        boolean rejectedByOracle =
            Files.exists(dir.resolve(base + ".expected.err"))
                && !Files.exists(dir.resolve(base + ".v014"));
        if (!rejectedByOracle) {
          accepted.add(id);
          if (!errors.isEmpty()) {
            wronglyRejected.add(id + ": " + errors);
          }
        } else if (errors.isEmpty()) {
          missed.add(id);
        }
      }
    }
    assertThat(accepted).hasSize(133);
    assertThat(wronglyRejected).isEmpty();
    // every rejection a schema can express is caught; the listed ones are template logic
    assertThat(missed).isEqualTo(REJECTED_BY_TEMPLATE_ONLY);
  }

  private static List<Definition> catalogue() {
    return REGISTRY.definitions().stream()
        .filter(d -> d.location().source() != null && d.location().source().contains("catalogue"))
        .toList();
  }

  /**
   * The deliberate differences, taken away: ours says {@code additionalProperties: false} of closed
   * structs and {@code true} of those whose fields depend on values ({@code if}) or that are open
   * ({@code ...}); the oracle's {@code $ref} expansion repeats {@code type: object} in the
   * alternatives of a {@code oneOf} whose schema already says it; {@code required} is compared as a
   * set.
   */
  static JsonNode normalise(JsonNode n, boolean ours) {
    if (n instanceof ObjectNode o) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      o.properties()
          .forEach(
              e -> {
                if (ours && e.getKey().equals("additionalProperties") && e.getValue().isBoolean()) {
                  return;
                }
                out.set(e.getKey(), normalise(e.getValue(), ours));
              });
      if (out.get("required") instanceof ArrayNode r) {
        TreeSet<String> sorted = new TreeSet<>();
        r.forEach(x -> sorted.add(x.asText()));
        ArrayNode s = out.putArray("required");
        sorted.forEach(s::add);
      }
      if ("object".equals(out.path("type").asText())
          && out.get("oneOf") instanceof ArrayNode alts) {
        alts.forEach(
            alt -> {
              if (alt instanceof ObjectNode a && "object".equals(a.path("type").asText())) {
                a.remove("type");
              }
            });
      }
      return out;
    }
    if (n.isNumber()) {
      return JsonNodeFactory.instance.numberNode(n.decimalValue().stripTrailingZeros());
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      a.forEach(x -> out.add(normalise(x, ours)));
      return out;
    }
    return n;
  }

  private static void dropDescription(JsonNode root, String pointer) {
    JsonNode at = root.at(pointer.isEmpty() ? "" : pointer);
    if (at instanceof ObjectNode o) {
      o.remove("description");
    }
  }

  static JsonNode read(Path p) {
    try {
      return JSON.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
