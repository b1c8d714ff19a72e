package io.vela4j.cue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link CueValue#jsonSchema()} against the reference CUE's {@code encoding/openapi} ({@code
 * src/test/resources/jsonschema}, written by its {@code regenerate.sh} from {@code cue-oracle
 * openapi}), field by field, and on what the oracle cannot describe.
 */
class JsonSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of("src/test/resources/jsonschema");

  /** Fields where we deliberately differ; see DIFFERENCES.md, "JSON Schema". */
  private static final Map<String, String> DIFFERENT =
      Map.of(
          "word", "*\"a\" | string: CUE adds an empty oneOf alternative",
          "items", "[...{a: int}] | *[]: same, CUE leaves the empty default out as we do",
          "anything", "{...}: same");

  private static CueValue parameter() throws IOException {
    String src = Files.readString(DIR.resolve("constructs.cue"));
    return CueCompiler.create().compile("constructs.cue", src).evaluate().lookup("#parameter");
  }

  @Test
  void everyFieldIsDescribedAsTheOracleDescribesIt() throws IOException {
    JsonNode expected = JSON.readTree(DIR.resolve("constructs.expected.json").toFile());
    JsonNode ours = parameter().jsonSchema();
    ObjectNode a = (ObjectNode) normalise(ours, true);
    ObjectNode b = (ObjectNode) normalise(expected.get("schema"), false);
    for (JsonNode ref : expected.get("refs")) {
      if (a.at(ref.asText()) instanceof ObjectNode o) {
        o.remove("description");
      }
      if (b.at(ref.asText()) instanceof ObjectNode o) {
        o.remove("description");
      }
    }
    Map<String, String> differences = new TreeMap<>();
    b.get("properties")
        .properties()
        .forEach(
            e -> {
              JsonNode mine = a.get("properties").get(e.getKey());
              if (!e.getValue().equals(mine)) {
                differences.put(e.getKey(), "ours " + mine + " oracle " + e.getValue());
              }
            });
    differences.forEach((k, v) -> System.out.println("DIFF " + k + ": " + v));
    assertThat(a.get("properties").size()).isEqualTo(b.get("properties").size());
    assertThat(a.get("required")).isEqualTo(b.get("required"));
    assertThat(differences.keySet()).isSubsetOf(DIFFERENT.keySet());
  }

  /**
   * A default that refers to what is outside the value (a template's {@code context}) cannot be
   * written as {@code default}, but the field has a value once the template is filled: it is not
   * {@code required} (CUE's openapi lists it as required with no default, which would reject what
   * KubeVela accepts). A default that is simply written stays a required field's {@code default}.
   */
  @Test
  void aFieldWhoseDefaultDependsOnTheContextIsNotRequired() {
    JsonNode s =
        CueCompiler.create()
            .compile(
                "t.cue",
                "context: _\nparameter: {\n\trev: *\"\\(context.name)-v1\" | string\n"
                    + "\tn: int\n\tm: *1 | int\n\tbroken: *(1 & 2) | int\n}\n")
            .evaluate()
            .lookup("parameter")
            .jsonSchema();
    assertThat(s.get("required").toString()).isEqualTo("[\"n\",\"m\",\"broken\"]");
    assertThat(s.at("/properties/rev/type").asText()).isEqualTo("string");
    assertThat(s.at("/properties/rev/default").isMissingNode()).isTrue();
    assertThat(s.at("/properties/m/default").asInt()).isEqualTo(1);
  }

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
              if (alt instanceof ObjectNode x && "object".equals(x.path("type").asText())) {
                x.remove("type");
              }
            });
      }
      return out;
    }
    if (n.isNumber()) {
      return JsonNodeFactory.instance.numberNode(n.decimalValue().stripTrailingZeros());
    }
    if (n instanceof ArrayNode arr) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      arr.forEach(x -> out.add(normalise(x, ours)));
      return out;
    }
    return n;
  }
}
