package io.vela4j.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.ReadOptions;
import io.vela4j.model.VelaYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas of a set of CustomResourceDefinitions, by {@code apiVersion} and {@code kind}: one
 * per served version. Immutable and thread-safe.
 */
public final class CrdSchemas {
  private final Map<String, OpenApiSchema> schemas;

  private CrdSchemas(Map<String, OpenApiSchema> schemas) {
    this.schemas = Map.copyOf(schemas);
  }

  /**
   * Loads every CRD in the given files or directories (searched for {@code *.yaml} and {@code
   * *.yml}).
   *
   * @throws io.vela4j.model.ReadException if a file cannot be read
   */
  public static CrdSchemas load(Path... paths) throws IOException {
    var crds = new ArrayList<JsonNode>();
    var reader = VelaYaml.reader(ReadOptions.DEFAULTS.withMaxNestingDepth(1024));
    for (Path p : paths) {
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
      for (Path f : files) {
        reader.parse(f).orThrow().stream().map(ParsedDocument::raw).forEach(crds::add);
      }
    }
    return of(crds);
  }

  /** The schemas of the given CRD objects (other kinds are ignored). */
  public static CrdSchemas of(List<JsonNode> crds) {
    var map = new LinkedHashMap<String, OpenApiSchema>();
    for (JsonNode crd : crds) {
      if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
        continue;
      }
      JsonNode spec = crd.path("spec");
      String group = spec.path("group").asText();
      String kind = spec.path("names").path("kind").asText();
      for (JsonNode v : spec.path("versions")) {
        JsonNode schema = v.path("schema").path("openAPIV3Schema");
        if (v.path("served").asBoolean(true) && schema.isObject()) {
          map.put(key(group + "/" + v.path("name").asText(), kind), OpenApiSchema.of(schema));
        }
      }
    }
    return new CrdSchemas(map);
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + "|" + kind;
  }

  /** The schema of a served {@code apiVersion} and {@code kind}. */
  public Optional<OpenApiSchema> schemaFor(String apiVersion, String kind) {
    return Optional.ofNullable(schemas.get(key(apiVersion, kind)));
  }

  /** The number of (version, kind) schemas loaded. */
  public int size() {
    return schemas.size();
  }

  /**
   * Validates an object against the schema of its {@code apiVersion} and {@code kind}; an object
   * whose kind has no schema here gives one {@code MISSING_SCHEMA} error.
   */
  public List<Diagnostic> validate(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    return schemaFor(apiVersion, kind)
        .map(s -> s.validate(object))
        .orElseGet(
            () ->
                List.of(
                    Diagnostic.error(
                        DiagnosticCodes.MISSING_SCHEMA,
                        "no CRD schema for " + apiVersion + " " + kind,
                        "kind")));
  }
}
