package io.vela4j.rollout.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vela4j.model.Diagnostic;
import io.vela4j.rollout.RolloutException;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A YAML or JSON document read into a {@link JsonNode} together with the line and column of every
 * value, keyed by field path ({@code steps[2].replicas}). Duplicate keys and extra documents are
 * errors.
 *
 * @param root the document
 * @param source the file or stream name
 * @param positions {line, column} by path ({@code ""} is the root)
 */
public record LocatedTree(JsonNode root, String source, Map<String, int[]> positions) {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Parses {@code content}.
   *
   * @throws RolloutException on syntax errors, duplicate keys or several documents
   */
  public static LocatedTree parse(String content, String source) {
    var positions = new HashMap<String, int[]>();
    try (var p = YAML.createParser(new StringReader(content))) {
      var first = p.nextToken();
      if (first == null) {
        throw new RolloutException(
            List.of(
                Diagnostic.error("EMPTY_DOCUMENT", "the file is empty", null).withSource(source)));
      }
      var root = value(p, "", positions, source);
      if (p.nextToken() != null) {
        throw fail(source, p.currentLocation(), "EXTRA_DOCUMENT", "expected a single document");
      }
      return new LocatedTree(root, source, Map.copyOf(positions));
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      var msg = e.getOriginalMessage();
      throw fail(source, loc, "SYNTAX", msg == null ? "syntax error" : msg.strip());
    } catch (IOException e) {
      throw fail(source, null, "SYNTAX", String.valueOf(e.getMessage()));
    }
  }

  private static RolloutException fail(
      String source, @Nullable JsonLocation loc, String code, String message) {
    var d = Diagnostic.error(code, message, null).withSource(source);
    if (loc != null && loc.getLineNr() > 0) {
      d = d.at(loc.getLineNr(), Math.max(0, loc.getColumnNr()));
    }
    return new RolloutException(List.of(d));
  }

  private static JsonNode value(
      JsonParser p, String path, Map<String, int[]> positions, String source) throws IOException {
    var loc = p.currentTokenLocation();
    positions.put(path, new int[] {loc.getLineNr(), loc.getColumnNr()});
    var t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          var name = p.currentName();
          var keyLoc = p.currentTokenLocation();
          var child = path.isEmpty() ? name : path + "." + name;
          if (o.has(name)) {
            throw fail(source, keyLoc, "DUPLICATE_KEY", "duplicate key \"" + name + "\"");
          }
          p.nextToken();
          o.set(name, value(p, child, positions, source));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(value(p, path + "[" + i + "]", positions, source));
          i++;
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(p.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw fail(source, loc, "SYNTAX", "unexpected " + t);
    }
  }

  /** Adds source, line and column to a diagnostic by its path (or its nearest located parent). */
  public Diagnostic locate(Diagnostic d) {
    var out = d.withSource(source);
    var path = d.path() == null ? "" : d.path();
    while (true) {
      var pos = positions.get(path);
      if (pos != null) {
        return pos[0] > 0 ? out.at(pos[0], Math.max(0, pos[1])) : out;
      }
      if (path.isEmpty()) {
        return out;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
  }
}
