package io.vela4j.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.internal.StructuralChecker;
import io.vela4j.model.internal.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The shared reading and writing machinery behind {@link VelaYaml} and {@link VelaJson}. */
final class Codec {
  static final ObjectMapper MAPPER = mapper();

  /**
   * The SDK's one YAML writer configuration: no {@code ---} before the first document, plain
   * scalars where they read back as the same string, strings that look like numbers quoted,
   * multi-line strings as literal blocks, long lines never folded.
   */
  private static final ObjectMapper YAML_WRITER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private final ReadOptions options;
  private final boolean yaml;

  Codec(ReadOptions options, boolean yaml) {
    this.options = options;
    this.yaml = yaml;
  }

  private static ObjectMapper mapper() {
    ObjectMapper m =
        JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // required fields are checked (all at once, with positions) before binding
            .annotationIntrospector(
                new JacksonAnnotationIntrospector() {
                  private static final long serialVersionUID = 1L;

                  @Override
                  public Boolean hasRequiredMarker(AnnotatedMember m) {
                    return Boolean.FALSE;
                  }
                })
            .build();
    // absent and empty collections are the same thing in the model: write neither
    var nonEmpty =
        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS);
    m.configOverride(List.class).setInclude(nonEmpty);
    m.configOverride(Map.class).setInclude(nonEmpty);
    return m;
  }

  /** Reads the JSON trees of {@code text}, with positions; no binding. */
  TreeResult trees(@Nullable String source, String text) {
    if (text.length() > options.maxInputBytes()) {
      return TreeResult.failed(tooLarge(source, text.length()));
    }
    boolean asYaml = yaml && !looksLikeJson(text);
    if (asYaml) {
      Diagnostic longLine = longLine(source, text);
      if (longLine != null) {
        return TreeResult.failed(longLine);
      }
    }
    TreeReader.Result read;
    try {
      read = new TreeReader(options, asYaml).read(text, source);
    } catch (TreeReader.Failure f) {
      return TreeResult.failed(f.diagnostic());
    }
    List<LocatedTree> trees = new ArrayList<>();
    for (TreeReader.Doc doc : read.docs()) {
      trees.add(
          new LocatedTree(doc.root(), new SourceMap(source, doc.positions(), doc.keyPositions())));
    }
    return new TreeResult(trees, read.diagnostics());
  }

  ParseResult parse(@Nullable String source, String text) {
    return bindAll(trees(source, text));
  }

  private ParseResult bindAll(TreeResult read) {
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    List<ParsedDocument> documents = new ArrayList<>();
    List<ParsedDocument> rejected = new ArrayList<>();
    int index = 0;
    for (LocatedTree doc : read.trees()) {
      var map = doc.sourceMap();
      JsonNode root = doc.root();
      if (isList(root)) {
        JsonNode items = root.get("items");
        for (int i = 0; items != null && i < items.size(); i++) {
          bind(
              items.get(i),
              FieldPaths.index("items", i),
              map,
              index++,
              documents,
              rejected,
              diagnostics);
        }
      } else {
        bind(root, "", map, index++, documents, rejected, diagnostics);
      }
    }
    return new ParseResult(documents, diagnostics, rejected);
  }

  /** JSON is YAML; reading it with the JSON parser is faster and has no line-length cost. */
  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        return true;
      }
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return false;
      }
    }
    return false;
  }

  private @Nullable Diagnostic longLine(@Nullable String source, String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > options.maxLineLength()) {
          return new Diagnostic(
              Diagnostic.Severity.ERROR,
              DiagnosticCodes.LINE_TOO_LONG,
              "line longer than " + options.maxLineLength() + " characters",
              source,
              line,
              options.maxLineLength() + 1,
              null,
              "at most "
                  + options.maxLineLength()
                  + " characters (ReadOptions.maxLineLength);"
                  + " long values fit in YAML block scalars (|) or JSON input",
              (i - start) + " characters");
        }
        line++;
        start = i + 1;
      }
    }
    return null;
  }

  private static boolean isList(JsonNode root) {
    return root.isObject()
        && "List".equals(root.path("kind").asText())
        && root.path("apiVersion").asText().equals("v1")
        && root.path("items").isArray();
  }

  private void bind(
      JsonNode node,
      String prefix,
      SourceMap fullMap,
      int index,
      List<ParsedDocument> documents,
      List<ParsedDocument> rejected,
      List<Diagnostic> diagnostics) {
    SourceMap map = prefix.isEmpty() ? fullMap : fullMap.rebase(prefix);
    boolean hadDuplicates =
        diagnostics.stream()
            .anyMatch(
                d -> d.code().equals(DiagnosticCodes.DUPLICATE_KEY) && withinDocument(d, map));
    List<Diagnostic> found = new ArrayList<>();
    if (!node.isObject()) {
      found.add(
          Diagnostic.error(
                  DiagnosticCodes.INVALID_OBJECT,
                  "a document must be a Kubernetes object (a mapping with apiVersion and kind)",
                  "")
              .withFacts("object", StructuralChecker.describe(node)));
      diagnostics.addAll(locateAll(found, map));
      return;
    }
    String apiVersion = node.path("apiVersion").isTextual() ? node.get("apiVersion").asText() : "";
    String kind = node.path("kind").isTextual() ? node.get("kind").asText() : "";
    if (apiVersion.isEmpty()) {
      found.add(
          Diagnostic.error(
                  DiagnosticCodes.MISSING_FIELD,
                  "missing required field \"apiVersion\"",
                  "apiVersion")
              .withFacts("e.g. core.oam.dev/v1beta1", describe(node.get("apiVersion"))));
    }
    if (kind.isEmpty()) {
      found.add(
          Diagnostic.error(DiagnosticCodes.MISSING_FIELD, "missing required field \"kind\"", "kind")
              .withFacts("e.g. Application", describe(node.get("kind"))));
    }
    Class<? extends HasMetadata> type = null;
    if (found.isEmpty()) {
      type = VelaTypes.typeFor(apiVersion, kind).orElse(null);
      int slash = apiVersion.indexOf('/');
      String group = slash < 0 ? "" : apiVersion.substring(0, slash);
      var sameKind = VelaTypes.byGroupKind(group, kind);
      if (type == null && sameKind.isPresent()) {
        String expected = HasMetadata.getApiVersion(sameKind.get());
        found.add(
            Diagnostic.error(
                    DiagnosticCodes.UNSUPPORTED_VERSION,
                    kind + " is read as " + expected + "; " + apiVersion + " is not served",
                    "apiVersion")
                .withFacts(expected, apiVersion));
      }
      found.addAll(
          StructuralChecker.check(
              node, type == null ? GenericKubernetesResource.class : type, options.strict()));
      if (type != null
          && node.path("metadata").path("name").asText("").isEmpty()
          && node.path("metadata").path("generateName").asText("").isEmpty()) {
        found.add(
            Diagnostic.error(
                    DiagnosticCodes.MISSING_FIELD,
                    "missing required field \"name\"",
                    "metadata.name")
                .withFacts("a DNS-1123 name", "nothing"));
      }
    }
    diagnostics.addAll(locateAll(found, map));
    if (found.stream().anyMatch(Diagnostic::isError) || hadDuplicates) {
      if (type != null) {
        JsonNode pruned = prune(node, found);
        if (pruned != null) {
          try {
            rejected.add(new ParsedDocument(MAPPER.treeToValue(pruned, type), node, map, index));
          } catch (JsonProcessingException | IllegalArgumentException e) {
            // nothing more can be said about this document
          }
        }
      }
      return;
    }
    try {
      Class<? extends HasMetadata> target = type == null ? GenericKubernetesResource.class : type;
      HasMetadata obj = MAPPER.treeToValue(node, target);
      documents.add(new ParsedDocument(obj, node, map, index));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String path = "";
      if (e instanceof MismatchedInputException mie) {
        path = jacksonPath(mie);
      }
      diagnostics.add(
          map.locate(
              Diagnostic.error(
                  DiagnosticCodes.INVALID_VALUE,
                  e instanceof JsonProcessingException jpe
                      ? String.valueOf(jpe.getOriginalMessage())
                      : String.valueOf(e.getMessage()),
                  path)));
    }
  }

  private static boolean withinDocument(Diagnostic d, SourceMap map) {
    var start = map.locate("");
    return d.line() >= start.line() && map.size() > 0 && d.line() <= lastLine(map);
  }

  private static int lastLine(SourceMap map) {
    return map.lastLine();
  }

  /**
   * A copy of {@code node} without the values that have type errors, or {@code null} when one of
   * them is a list element (removing it would shift the indices of the paths reported later).
   */
  private static @Nullable JsonNode prune(JsonNode node, List<Diagnostic> found) {
    JsonNode copy = node.deepCopy();
    for (Diagnostic d : found) {
      if (!d.isError() || !d.code().equals(DiagnosticCodes.INVALID_TYPE) || d.path() == null) {
        continue;
      }
      String path = d.path();
      if (path.endsWith("]") && !path.endsWith("\"]")) {
        return null;
      }
      String parent = SourceMap.parent(path);
      String key = path.substring(parent.length());
      key = key.startsWith(".") ? key.substring(1) : key;
      if (key.startsWith("[\"")) {
        key = key.substring(2, key.length() - 2).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      JsonNode p = at(copy, parent);
      if (p instanceof ObjectNode o) {
        o.remove(key);
      }
    }
    return copy;
  }

  private static @Nullable JsonNode at(JsonNode root, String path) {
    JsonNode cur = root;
    int i = 0;
    while (cur != null && i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
      } else if (path.startsWith("[\"", i)) {
        int end = path.indexOf("\"]", i + 2);
        cur = cur.get(path.substring(i + 2, end).replace("\\\"", "\"").replace("\\\\", "\\"));
        i = end + 2;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        cur = cur.get(Integer.parseInt(path.substring(i + 1, end)));
        i = end + 1;
      } else {
        int end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        cur = cur.get(path.substring(i, end));
        i = end;
      }
    }
    return cur;
  }

  private static String jacksonPath(MismatchedInputException e) {
    String p = "";
    for (var ref : e.getPath()) {
      p =
          ref.getFieldName() != null
              ? FieldPaths.field(p, ref.getFieldName())
              : FieldPaths.index(p, ref.getIndex());
    }
    return p;
  }

  private static String describe(@Nullable JsonNode n) {
    return n == null ? "nothing" : StructuralChecker.describe(n);
  }

  private static List<Diagnostic> locateAll(List<Diagnostic> found, SourceMap map) {
    return found.stream().map(map::locate).toList();
  }

  private Diagnostic tooLarge(@Nullable String source, long size) {
    return new Diagnostic(
        Diagnostic.Severity.ERROR,
        DiagnosticCodes.INPUT_TOO_LARGE,
        "input larger than " + options.maxInputBytes() + " bytes",
        source,
        0,
        0,
        null,
        "at most " + options.maxInputBytes() + " bytes (ReadOptions.maxInputBytes)",
        size + (size > options.maxInputBytes() ? "" : "+") + " bytes");
  }

  ParseResult parse(@Nullable String source, byte[] bytes) {
    return bindAll(trees(source, bytes));
  }

  ParseResult parse(Path file) {
    return bindAll(trees(file));
  }

  ParseResult parse(@Nullable String source, InputStream in) {
    return bindAll(trees(source, in));
  }

  TreeResult trees(@Nullable String source, byte[] bytes) {
    if (bytes.length > options.maxInputBytes()) {
      return TreeResult.failed(tooLarge(source, bytes.length));
    }
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      out.flip();
      int line = 1;
      int column = 1;
      for (int i = 0; i < out.length(); i++) {
        if (out.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return TreeResult.failed(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              DiagnosticCodes.INVALID_ENCODING,
              "the input is not valid UTF-8 (byte offset " + offset + ")",
              source,
              line,
              column,
              null,
              "UTF-8 text",
              String.format("byte 0x%02X", bytes[offset] & 0xff)));
    }
    decoder.flush(out);
    out.flip();
    return trees(source, out.toString());
  }

  TreeResult trees(Path file) {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > options.maxInputBytes()) {
        return TreeResult.failed(tooLarge(source, size));
      }
      return trees(source, Files.readAllBytes(file));
    } catch (IOException e) {
      return TreeResult.failed(ioError(source, e));
    }
  }

  TreeResult trees(@Nullable String source, InputStream in) {
    try {
      byte[] bytes =
          in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxInputBytes() + 1));
      if (bytes.length > options.maxInputBytes()) {
        return TreeResult.failed(tooLarge(source, bytes.length));
      }
      return trees(source, bytes);
    } catch (IOException e) {
      return TreeResult.failed(ioError(source, e));
    }
  }

  private static Diagnostic ioError(@Nullable String source, IOException e) {
    return new Diagnostic(
        Diagnostic.Severity.ERROR,
        DiagnosticCodes.READ_FAILED,
        "cannot read: " + e.getMessage(),
        source,
        0,
        0,
        null,
        null,
        null);
  }

  // ---------------------------------------------------------------- writing

  /** The object as a JSON tree with every object's keys sorted. */
  static JsonNode sortedTree(Object value) {
    JsonNode tree = MAPPER.valueToTree(value);
    return sort(tree);
  }

  private static JsonNode sort(JsonNode n) {
    // iterative post-order would be overkill: written objects are bounded by the read limits
    if (n instanceof ObjectNode obj) {
      var sorted = new TreeMap<String, JsonNode>();
      obj.properties().forEach(e -> sorted.put(e.getKey(), sort(e.getValue())));
      ObjectNode out = MAPPER.getNodeFactory().objectNode();
      sorted.forEach(out::set);
      return out;
    }
    if (n.isArray()) {
      var out = MAPPER.getNodeFactory().arrayNode();
      n.forEach(e -> out.add(sort(e)));
      return out;
    }
    return n;
  }

  static String writeYaml(List<?> objects) {
    var sb = new StringBuilder();
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      sb.append(writeYamlTree(sortedTree(objects.get(i))));
    }
    return sb.toString();
  }

  static String writeYamlTree(JsonNode tree) {
    try {
      return YAML_WRITER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  static String writeJson(List<?> objects) {
    try {
      var printer = MAPPER.writerWithDefaultPrettyPrinter();
      if (objects.size() == 1) {
        return printer.writeValueAsString(sortedTree(objects.get(0))) + "\n";
      }
      var list = MAPPER.getNodeFactory().objectNode();
      list.put("apiVersion", "v1");
      var items = list.putArray("items");
      objects.forEach(o -> items.add(sortedTree(o)));
      list.put("kind", "List");
      return printer.writeValueAsString(list) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static List<HasMetadata> objects(ParseResult r) {
    return r.orThrow().stream().map(ParsedDocument::object).toList();
  }

  static <T extends HasMetadata> T single(ParseResult r, Class<T> type) {
    var docs = r.orThrow();
    if (docs.size() != 1) {
      throw new ReadException(
          List.of(
              Diagnostic.error(
                      DiagnosticCodes.INVALID_DOCUMENT_COUNT,
                      "expected exactly one document, found " + docs.size(),
                      null)
                  .withFacts("1", String.valueOf(docs.size()))));
    }
    return docs.get(0).as(type);
  }
}
