package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vela4j.model.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads (multi-document) YAML into Jackson trees while remembering where each value starts, keyed
 * by its field path ({@code clusters[0].overrides[1].image}). Not API; thread-safe (no shared
 * mutable state).
 */
public final class LocatedYaml {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  /**
   * One YAML document with the positions of its values.
   *
   * @param root the document ({@code null} for an empty document)
   * @param positions field path → {line, column} (1-based); {@code ""} is the root
   * @param source the source name
   */
  public record Doc(@Nullable JsonNode root, Map<String, int[]> positions, String source) {
    /** The line of a path, or of its nearest located ancestor (0 when unknown). */
    public int line(String path) {
      int[] p = find(path);
      return p == null ? 0 : p[0];
    }

    /** The column of a path, or of its nearest located ancestor (0 when unknown). */
    public int column(String path) {
      int[] p = find(path);
      return p == null ? 0 : p[1];
    }

    private int @Nullable [] find(String path) {
      String p = path;
      while (true) {
        int[] pos = positions.get(p);
        if (pos != null || p.isEmpty()) {
          return pos;
        }
        int dot = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        p = dot < 0 ? "" : p.substring(0, dot);
      }
    }

    /** A diagnostic located at {@code path} in this document. */
    public Diagnostic locate(Diagnostic d, String path) {
      return d.withSource(source).at(line(path), column(path));
    }
  }

  private LocatedYaml() {}

  /**
   * Parses every document of a YAML text.
   *
   * @param text the YAML
   * @param source the name used in diagnostics
   * @return the documents, in order (empty documents have a {@code null} root)
   * @throws io.vela4j.dispatch.DispatchException {@code YAML_SYNTAX} with the position
   */
  public static List<Doc> read(String text, String source) {
    try {
      return readDocs(text, source);
    } catch (io.vela4j.dispatch.DispatchException e) {
      throw new io.vela4j.dispatch.DispatchException(
          e.diagnostics().stream()
              .map(d -> d.source() == null ? d.withSource(source) : d)
              .toList());
    }
  }

  private static List<Doc> readDocs(String text, String source) {
    var docs = new ArrayList<Doc>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        var positions = new HashMap<String, int[]>();
        var anchors = new HashMap<String, JsonNode>();
        JsonNode root = value(p, t, "", positions, anchors);
        docs.add(new Doc(root, positions, source));
      }
    } catch (IOException e) {
      int line = 0;
      int col = 0;
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
          && jpe.getLocation() != null) {
        line = Math.max(0, jpe.getLocation().getLineNr());
        col = Math.max(0, jpe.getLocation().getColumnNr());
      }
      String msg = e.getMessage() == null ? e.toString() : Json.split(e.getMessage(), '\n').get(0);
      throw new io.vela4j.dispatch.DispatchException(
          Diagnostic.error("YAML_SYNTAX", "invalid YAML: " + msg, null)
              .withSource(source)
              .at(line, col));
    }
    return docs;
  }

  private static @Nullable JsonNode value(
      JsonParser p,
      JsonToken t,
      String path,
      Map<String, int[]> positions,
      Map<String, JsonNode> anchors)
      throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    positions.put(path, new int[] {Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr())});
    if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yp && yp.isCurrentAlias()) {
      String name = p.getText();
      JsonNode target = anchors.get(name);
      if (target == null) {
        throw new io.vela4j.dispatch.DispatchException(
            Diagnostic.error(
                    "UNKNOWN_ALIAS",
                    "alias *"
                        + name
                        + " refers to no anchored mapping or list before it (anchors on plain"
                        + " values are not supported: repeat the value)",
                    path)
                .withFacts("an anchor &" + name + " earlier in the document", "none")
                .at(Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr())));
      }
      return target.deepCopy();
    }
    Object anchor = p.getObjectId();
    JsonNode node = plainValue(p, t, path, positions, anchors);
    if (anchor != null && node != null) {
      anchors.put(anchor.toString(), node);
    }
    return node;
  }

  private static @Nullable JsonNode plainValue(
      JsonParser p,
      JsonToken t,
      String path,
      Map<String, int[]> positions,
      Map<String, JsonNode> anchors)
      throws IOException {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = Json.NODES.objectNode();
        var explicit = new java.util.HashSet<String>();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = path.isEmpty() ? name : path + "." + name;
          JsonLocation kl = p.currentTokenLocation();
          if (explicit.contains(name)) {
            throw new io.vela4j.dispatch.DispatchException(
                Diagnostic.error("DUPLICATE_FIELD", "field '" + name + "' appears twice", child)
                    .withFacts("each key once per mapping", name)
                    .at(Math.max(0, kl.getLineNr()), Math.max(0, kl.getColumnNr())));
          }
          JsonToken v = p.nextToken();
          JsonNode node = value(p, v, child, positions, anchors);
          positions.put(
              child, new int[] {Math.max(0, kl.getLineNr()), Math.max(0, kl.getColumnNr())});
          if (name.equals("<<") && node != null && node.isObject()) {
            // YAML merge key: copy the fields not set explicitly (explicit keys always win).
            node.fields()
                .forEachRemaining(
                    e -> {
                      if (!explicit.contains(e.getKey()) && !o.has(e.getKey())) {
                        o.set(e.getKey(), e.getValue());
                      }
                    });
            continue;
          }
          explicit.add(name);
          o.set(name, node == null ? Json.NODES.nullNode() : node);
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = Json.NODES.arrayNode();
        JsonToken n;
        int i = 0;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          JsonNode node = value(p, n, path + "[" + i + "]", positions, anchors);
          a.add(node == null ? Json.NODES.nullNode() : node);
          i++;
        }
        return a;
      }
      case VALUE_STRING -> {
        return Json.NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> Json.NODES.numberNode(p.getIntValue());
          case LONG -> Json.NODES.numberNode(p.getLongValue());
          default -> Json.NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return Json.NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return Json.NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return Json.NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected YAML token " + t);
    }
  }
}
