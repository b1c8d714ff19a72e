package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON helpers shared by the dispatch implementation. Not API. Thread-safe. */
public final class Json {
  /** The shared mapper; configured once, never mutated afterwards. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** Node factory. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** A deep copy of {@code node} with object keys sorted recursively. */
  public static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = NODES.objectNode();
      for (String n : names) {
        out.set(n, sorted(node.get(n)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode(node.size());
      for (JsonNode e : node) {
        out.add(sorted(e));
      }
      return out;
    }
    return node.deepCopy();
  }

  /**
   * Sorts object keys of {@code node} recursively, in place. Objects already in order are not
   * touched (so sorted subtrees shared with immutable values may be passed through).
   */
  public static void sortInPlace(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      boolean ordered = true;
      String prev = null;
      for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (prev != null && prev.compareTo(name) > 0) {
          ordered = false;
        }
        prev = name;
      }
      for (JsonNode child : obj) {
        sortInPlace(child);
      }
      if (!ordered) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(obj.properties());
        entries.sort(Map.Entry.comparingByKey());
        obj.removeAll();
        for (var e : entries) {
          obj.set(e.getKey(), e.getValue());
        }
      }
    } else if (node instanceof ArrayNode arr) {
      for (JsonNode e : arr) {
        sortInPlace(e);
      }
    }
  }

  /**
   * Compact JSON of {@code node} with object keys sorted recursively (the canonical form), without
   * copying the tree.
   */
  public static String writeSorted(JsonNode node) {
    var sw = new java.io.StringWriter(256);
    try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(sw)) {
      writeSorted(node, g);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }

  private static void writeSorted(JsonNode node, com.fasterxml.jackson.core.JsonGenerator g)
      throws java.io.IOException {
    if (node.isObject()) {
      int n = node.size();
      String[] names = new String[n];
      int i = 0;
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names[i++] = it.next();
      }
      java.util.Arrays.sort(names);
      g.writeStartObject();
      for (String name : names) {
        g.writeFieldName(name);
        writeSorted(node.get(name), g);
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode e : node) {
        writeSorted(e, g);
      }
      g.writeEndArray();
    } else {
      MAPPER.writeTree(g, node);
    }
  }

  /** Compact JSON of {@code node} as written (call {@link #sorted} first for canonical form). */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text that this class wrote. */
  public static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts a fabric8 resource to a JSON tree. */
  public static ObjectNode fromResource(GenericKubernetesResource r) {
    return MAPPER.valueToTree(r);
  }

  /** A new fabric8 resource with the content of {@code tree} (which is not modified). */
  public static GenericKubernetesResource toResource(JsonNode tree) {
    try {
      return MAPPER.treeToValue(tree, GenericKubernetesResource.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The size in UTF-8 bytes of the compact JSON of {@code node} as written ({@code
   * write(node).getBytes(UTF_8).length}), counted while writing without keeping the text.
   */
  public static int utf8Size(JsonNode node) {
    var counter = new CountingStream();
    writeTo(node, counter);
    return (int) Math.min(Integer.MAX_VALUE, counter.count);
  }

  /** Feeds {@code text} and a newline into {@code md}. */
  public static void update(MessageDigest md, String text) {
    md.update(text.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }

  /**
   * Feeds the compact JSON of {@code node} as written (canonical when its keys are sorted) and a
   * newline into {@code md}, without building the text: the same bytes as {@code update(md,
   * write(node))}.
   */
  public static void update(MessageDigest md, JsonNode node) {
    writeTo(
        node, new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md));
    md.update((byte) '\n');
  }

  private static void writeTo(JsonNode node, java.io.OutputStream out) {
    // through a Writer, as write(node).getBytes(UTF_8): a byte generator would write supplementary
    // characters as two \\u escapes and change sizes and hashes
    var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(writer)) {
      MAPPER.writeTree(g, node);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class CountingStream extends java.io.OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** Parses canonical JSON into a new fabric8 resource. */
  public static GenericKubernetesResource toResource(String json) {
    try {
      return MAPPER.readValue(json, GenericKubernetesResource.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Splits {@code s} at every {@code sep} (keeping empty parts), without regular expressions. */
  public static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /** The text value of {@code node.path(field)}, or {@code null} when absent or not textual. */
  public static @org.jspecify.annotations.Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
