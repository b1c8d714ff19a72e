package io.vela4j.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import io.vela4j.model.ReadOptions;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON text into Jackson trees while recording the position of every path (of the
 * value for scalars, of the key for objects and lists, whose content starts on later lines);
 * detects duplicate keys, expands YAML aliases and merge keys within a node budget, and enforces
 * the limits of {@link ReadOptions}. Iterative: deep input cannot overflow the stack. Not API.
 */
public final class TreeReader {
  /** One document read from the input. */
  public record Doc(
      JsonNode root,
      Map<String, int[]> positions,
      Map<String, int[]> keyPositions,
      int line,
      int column) {}

  /** The documents read, and the non-fatal problems found (duplicate keys). */
  public record Result(List<Doc> docs, List<Diagnostic> diagnostics) {}

  /** A fatal problem: reading stops. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    Failure(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }

    /** What went wrong, with its position. */
    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final ReadOptions options;
  private final boolean yaml;

  /** A reader for YAML ({@code yaml = true}) or JSON text. */
  public TreeReader(ReadOptions options, boolean yaml) {
    this.options = options;
    this.yaml = yaml;
  }

  private JsonParser open(String text) throws IOException {
    var constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(options.maxNestingDepth() + 1)
            .maxStringLength(options.maxStringLength())
            .maxNumberLength(1000)
            .build();
    JsonFactory factory;
    if (yaml) {
      var loader = new LoaderOptions();
      loader.setAllowDuplicateKeys(true); // we report duplicates ourselves, with positions
      loader.setMaxAliasesForCollections(Integer.MAX_VALUE); // we budget expansion by nodes
      loader.setNestingDepthLimit(options.maxNestingDepth() + 1);
      loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, options.maxInputBytes() + 1));
      factory =
          YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints).build();
    } else {
      factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    }
    return factory.createParser(text);
  }

  /** Mutable state of one open container. */
  private static final class Frame {
    final JsonNode node;
    final String path;
    @Nullable String pendingKey;
    int pendingLine;
    int pendingColumn;
    @Nullable String anchor;
    @Nullable List<JsonNode> merges;
    final int line;
    final int column;
    final long nodesAtStart;

    Frame(JsonNode node, String path, int line, int column, long nodesAtStart) {
      this.node = node;
      this.path = path;
      this.line = line;
      this.column = column;
      this.nodesAtStart = nodesAtStart;
    }
  }

  private record Anchored(JsonNode node, long size) {}

  /** Reads every document of {@code text}; {@code source} names it in diagnostics. */
  public Result read(String text, @Nullable String source) throws Failure {
    List<Doc> docs = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    long nodes = 0;
    try (JsonParser p = open(text)) {
      Map<String, Anchored> anchors = new HashMap<>();
      ArrayDeque<Frame> stack = new ArrayDeque<>();
      Map<String, int[]> positions = new LinkedHashMap<>();
      Map<String, int[]> keyPositions = new LinkedHashMap<>();
      int docLine = 1;
      int docColumn = 1;
      JsonToken t;
      while (true) {
        try {
          t = p.nextToken();
        } catch (JsonProcessingException e) {
          throw new Failure(syntaxError(e, source));
        }
        if (t == null) {
          break;
        }
        JsonLocation loc = p.currentTokenLocation();
        int line = Math.max(loc.getLineNr(), 0);
        int column = Math.max(loc.getColumnNr(), 0);
        if (t == JsonToken.FIELD_NAME) {
          Frame f = stack.getLast();
          String key = p.currentName();
          f.pendingKey = key;
          f.pendingLine = line;
          f.pendingColumn = column;
          if (!"<<".equals(key) && f.node.has(key)) {
            int[] first = positions.get(FieldPaths.field(f.path, key));
            diagnostics.add(
                new Diagnostic(
                    Diagnostic.Severity.ERROR,
                    DiagnosticCodes.DUPLICATE_KEY,
                    "duplicate key \""
                        + key
                        + "\""
                        + (first == null ? "" : " (first defined at line " + first[0] + ")"),
                    source,
                    line,
                    column,
                    FieldPaths.field(f.path, key),
                    "each key once per mapping",
                    "\"" + key + "\" again"));
          }
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          Frame done = stack.removeLast();
          if (done.merges != null) {
            applyMerges((ObjectNode) done.node, done.merges);
          }
          if (done.anchor != null) {
            anchors.put(done.anchor, new Anchored(done.node, nodes - done.nodesAtStart));
          }
          if (stack.isEmpty()) {
            docs.add(new Doc(done.node, positions, keyPositions, docLine, docColumn));
            positions = new LinkedHashMap<>();
            keyPositions = new LinkedHashMap<>();
          }
          continue;
        }
        // a value: scalar, alias, or the start of a container
        String path;
        Frame parent = stack.peekLast();
        if (parent == null) {
          path = "";
          docLine = line;
          docColumn = column;
        } else if (parent.node.isObject()) {
          path = FieldPaths.field(parent.path, parent.pendingKey == null ? "" : parent.pendingKey);
        } else {
          path = FieldPaths.index(parent.path, parent.node.size());
        }
        boolean merge = parent != null && parent.node.isObject() && "<<".equals(parent.pendingKey);
        int[] keyPos =
            parent != null && parent.node.isObject()
                ? new int[] {parent.pendingLine, parent.pendingColumn}
                : new int[] {line, column};
        String anchor = yaml ? ((YAMLParser) p).getObjectId() : null;
        JsonNode value;
        if (yaml && ((YAMLParser) p).isCurrentAlias()) {
          String name = p.getText();
          Anchored a = anchors.get(name);
          if (a == null) {
            throw new Failure(
                new Diagnostic(
                    Diagnostic.Severity.ERROR,
                    DiagnosticCodes.UNKNOWN_ALIAS,
                    "alias *"
                        + name
                        + " refers to no mapping or list anchored before it (anchors on plain"
                        + " values are not supported: repeat the value)",
                    source,
                    line,
                    column,
                    path,
                    "an anchor &" + name + " defined earlier",
                    "*" + name));
          }
          nodes += a.size();
          if (nodes > options.maxNodes()) {
            throw new Failure(tooManyNodes(source, line, column, path, true));
          }
          value = a.node().deepCopy();
        } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          if (stack.size() >= options.maxNestingDepth()) {
            throw new Failure(
                new Diagnostic(
                    Diagnostic.Severity.ERROR,
                    DiagnosticCodes.NESTING_TOO_DEEP,
                    "nesting deeper than " + options.maxNestingDepth() + " levels",
                    source,
                    line,
                    column,
                    path,
                    "at most "
                        + options.maxNestingDepth()
                        + " levels (ReadOptions.maxNestingDepth)",
                    null));
          }
          nodes++;
          JsonNode container = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
          attach(parent, container, merge);
          positions.put(path, keyPos);
          if (parent != null && parent.node.isObject()) {
            keyPositions.put(path, keyPos);
          }
          var frame = new Frame(container, path, line, column, nodes);
          frame.anchor = anchor;
          stack.addLast(frame);
          continue;
        } else {
          value = scalar(p, t);
          if (value.isTextual() && value.textValue().length() > options.maxStringLength()) {
            throw new Failure(
                new Diagnostic(
                    Diagnostic.Severity.ERROR,
                    DiagnosticCodes.VALUE_TOO_LARGE,
                    "a value longer than " + options.maxStringLength() + " characters",
                    source,
                    line,
                    column,
                    path,
                    "at most "
                        + options.maxStringLength()
                        + " characters (ReadOptions.maxStringLength)",
                    value.textValue().length() + " characters"));
          }
          nodes++;
          if (anchor != null) {
            anchors.put(anchor, new Anchored(value, 1));
          }
        }
        if (nodes > options.maxNodes()) {
          throw new Failure(tooManyNodes(source, line, column, path, false));
        }
        if (parent == null) {
          boolean empty = value.isNull() || (value.isTextual() && value.textValue().isEmpty());
          if (!empty || !yaml) {
            var single = new LinkedHashMap<String, int[]>();
            single.put("", new int[] {line, column});
            docs.add(new Doc(value, single, Map.of(), line, column));
          }
          continue; // an empty YAML document (null) is skipped
        }
        attach(parent, value, merge);
        positions.put(path, new int[] {line, column}); // a scalar: point at the value itself
        if (parent.node.isObject()) {
          keyPositions.put(path, keyPos);
        }
      }
    } catch (IOException e) {
      throw new Failure(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              DiagnosticCodes.READ_FAILED,
              String.valueOf(e.getMessage()),
              source,
              0,
              0,
              null,
              null,
              null));
    }
    return new Result(docs, diagnostics);
  }

  private static void attach(@Nullable Frame parent, JsonNode value, boolean merge) {
    if (parent == null) {
      return;
    }
    if (parent.node instanceof ObjectNode obj) {
      if (merge) {
        if (parent.merges == null) {
          parent.merges = new ArrayList<>();
        }
        parent.merges.add(value);
      } else {
        obj.set(parent.pendingKey, value);
      }
    } else {
      ((ArrayNode) parent.node).add(value);
    }
  }

  /** YAML merge keys: merged mappings never override keys written in the mapping itself. */
  private static void applyMerges(ObjectNode target, List<JsonNode> merges) {
    for (JsonNode m : merges) {
      List<JsonNode> sources = new ArrayList<>();
      if (m.isArray()) {
        m.forEach(sources::add);
      } else {
        sources.add(m);
      }
      for (JsonNode s : sources) {
        if (s instanceof ObjectNode so) {
          so.properties()
              .forEach(
                  e -> {
                    if (!target.has(e.getKey())) {
                      target.set(e.getKey(), e.getValue().deepCopy());
                    }
                  });
        }
      }
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> {
        Object o = p.getEmbeddedObject();
        yield o instanceof byte[] b ? NODES.binaryNode(b) : NODES.textNode(String.valueOf(o));
      }
      default -> throw new IllegalStateException("unexpected token " + t);
    };
  }

  private Diagnostic tooManyNodes(
      @Nullable String source, int line, int column, String path, boolean alias) {
    return new Diagnostic(
        Diagnostic.Severity.ERROR,
        alias ? DiagnosticCodes.ALIAS_EXPANSION_TOO_LARGE : DiagnosticCodes.TOO_MANY_NODES,
        (alias ? "expanding YAML aliases would create" : "the input has")
            + " more than "
            + options.maxNodes()
            + " values",
        source,
        line,
        column,
        path,
        "at most " + options.maxNodes() + " values (ReadOptions.maxNodes)",
        null);
  }

  private Diagnostic syntaxError(JsonProcessingException e, @Nullable String source) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
    String raw = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
        && m.getProblemMark() != null) {
      // SnakeYAML knows where the problem is; Jackson reports where the construct started
      line = m.getProblemMark().getLine() + 1;
      column = m.getProblemMark().getColumn() + 1;
      raw = m.getProblem() + (m.getContext() == null ? "" : " (" + m.getContext() + ")");
    }
    String code = yaml ? DiagnosticCodes.INVALID_YAML : DiagnosticCodes.INVALID_JSON;
    String message = firstLine(raw);
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("'\\t'") || lower.contains("tab")) {
      code = DiagnosticCodes.UNEXPECTED_TAB;
      message =
          "a tab character where YAML needs spaces (YAML indentation must use spaces): " + message;
    } else if (lower.contains("nesting depth")) {
      code = DiagnosticCodes.NESTING_TOO_DEEP;
      message = "nesting deeper than " + options.maxNestingDepth() + " levels";
    } else if (lower.contains("string value length") || lower.contains("code point")) {
      code = DiagnosticCodes.VALUE_TOO_LARGE;
    } else if (lower.contains("mapping values are not allowed")
        || lower.contains("expected <block end>")
        || lower.contains("could not find expected ':'")) {
      code = DiagnosticCodes.INVALID_INDENTATION;
      message = "bad indentation or a missing ':' (" + message + ")";
    }
    return new Diagnostic(
        Diagnostic.Severity.ERROR, code, message, source, line, column, null, null, null);
  }

  private static String firstLine(String s) {
    String trimmed = s.strip();
    int nl = trimmed.indexOf('\n');
    String first = nl < 0 ? trimmed : trimmed.substring(0, nl);
    // SnakeYAML messages embed " in 'reader', line N, column M:" noise: drop it, we have the
    // position
    int in = first.indexOf(" in 'reader'");
    return in > 0 ? first.substring(0, in) : first;
  }
}
