package io.vela4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vela4j.model.VelaYaml;
import io.vela4j.render.RenderResult.RenderedObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on one rendered Kubernetes object. Paths are written as in the issue tracker and in
 * kubectl: {@code spec.template.spec.containers[0].image}, with {@code [key.with.dots]} or {@code
 * ["key"]} for keys that contain dots. A failure shows the path, what was expected, what was found,
 * and the YAML around it.
 */
public final class ManifestAssert extends AbstractAssert<ManifestAssert, RenderedObject> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  ManifestAssert(RenderedObject actual) {
    super(actual, ManifestAssert.class);
  }

  /**
   * Checks the value at a path; numbers compare by value, strings and booleans exactly, objects and
   * lists structurally (give a Map or List).
   *
   * @param path such as {@code spec.template.spec.containers[0].ports[0].containerPort}
   * @param expected the value
   * @return this
   */
  public ManifestAssert hasPath(String path, @Nullable Object expected) {
    isNotNull();
    List<Object> segments = parse(path);
    JsonNode found = at(segments);
    JsonNode want = MAPPER.valueToTree(expected);
    if (found == null || !same(found, want)) {
      failWithMessage(
          "%s %s: %s: expected %s, found %s%nnear:%n%s",
          actual.kind(),
          actual.name(),
          path,
          want,
          found == null ? "nothing" : found,
          around(segments));
    }
    return this;
  }

  /**
   * Checks that nothing is at a path.
   *
   * @param path the path
   * @return this
   */
  public ManifestAssert doesNotHavePath(String path) {
    isNotNull();
    List<Object> segments = parse(path);
    JsonNode found = at(segments);
    if (found != null) {
      failWithMessage(
          "%s %s: %s: expected nothing, found %s%nnear:%n%s",
          actual.kind(), actual.name(), path, found, around(segments));
    }
    return this;
  }

  /**
   * Checks {@code spec.replicas}.
   *
   * @param replicas the expected count
   * @return this
   */
  public ManifestAssert hasReplicas(int replicas) {
    return hasPath("spec.replicas", replicas);
  }

  /**
   * Checks a label.
   *
   * @param key the label key
   * @param value its value
   * @return this
   */
  public ManifestAssert hasLabel(String key, String value) {
    return hasPath("metadata.labels[\"" + key + "\"]", value);
  }

  /**
   * Checks an annotation.
   *
   * @param key the annotation key
   * @param value its value
   * @return this
   */
  public ManifestAssert hasAnnotation(String key, String value) {
    return hasPath("metadata.annotations[\"" + key + "\"]", value);
  }

  /**
   * Checks {@code metadata.namespace}.
   *
   * @param namespace the namespace ({@code ""} for none)
   * @return this
   */
  public ManifestAssert hasNamespace(String namespace) {
    isNotNull();
    if (!actual.namespace().equals(namespace)) {
      failWithMessage(
          "%s %s: metadata.namespace: expected %s, found %s",
          actual.kind(),
          actual.name(),
          namespace.isEmpty() ? "none" : namespace,
          actual.namespace().isEmpty() ? "none" : actual.namespace());
    }
    return this;
  }

  /**
   * Checks that a container (of the pod template, of a CronJob's job template or of a Pod) runs an
   * image.
   *
   * @param image the image
   * @return this
   */
  public ManifestAssert hasImage(String image) {
    isNotNull();
    List<String> images = images();
    if (!images.contains(image)) {
      failWithMessage(
          "%s %s: expected a container with image %s, found %s",
          actual.kind(), actual.name(), image, images.isEmpty() ? "no containers" : images);
    }
    return this;
  }

  private List<String> images() {
    var out = new ArrayList<String>();
    for (String pointer :
        List.of(
            "/spec/template/spec/containers",
            "/spec/jobTemplate/spec/template/spec/containers",
            "/spec/containers")) {
      actual.at(pointer).forEach(c -> out.add(c.path("image").asText()));
    }
    return out;
  }

  private @Nullable JsonNode at(List<Object> segments) {
    JsonNode cur = actual.object();
    for (Object s : segments) {
      cur = s instanceof Integer i ? cur.get(i) : cur.get((String) s);
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  /** The YAML of the deepest existing parent of the path. */
  private String around(List<Object> segments) {
    JsonNode cur = actual.object();
    JsonNode last = cur;
    for (Object s : segments) {
      cur = s instanceof Integer i ? cur.get(i) : cur.get((String) s);
      if (cur == null) {
        break;
      }
      if (cur.isContainerNode()) {
        last = cur;
      }
    }
    String yaml = VelaYaml.write(last);
    var lines = yaml.lines().limit(30).toList();
    return "  " + String.join("\n  ", lines) + (yaml.lines().count() > 30 ? "\n  ..." : "");
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal x = a.decimalValue();
      BigDecimal y = b.decimalValue();
      return x.compareTo(y) == 0;
    }
    if (a.isObject() && b.isObject() && a.size() == b.size()) {
      for (var e : a.properties()) {
        JsonNode o = b.get(e.getKey());
        if (o == null || !same(e.getValue(), o)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** {@code a.b[0]["c.d"]} → {@code [a, b, 0, c.d]}. */
  static List<Object> parse(String path) {
    var out = new ArrayList<Object>();
    var seg = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        if (seg.length() > 0) {
          out.add(seg.toString());
          seg.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (seg.length() > 0) {
          out.add(seg.toString());
          seg.setLength(0);
        }
        int close = path.indexOf(']', i);
        if (path.startsWith("[\"", i)) {
          close = path.indexOf("\"]", i + 2) + 1;
        }
        if (close <= i) {
          throw new IllegalArgumentException("unclosed '[' in path '" + path + "'");
        }
        String inner = path.substring(i + 1, close);
        if (inner.startsWith("\"") && inner.endsWith("\"") && inner.length() >= 2) {
          out.add(inner.substring(1, inner.length() - 1));
        } else if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
          out.add(Integer.parseInt(inner));
        } else {
          out.add(inner);
        }
        i = close + 1;
      } else {
        seg.append(c);
        i++;
      }
    }
    if (seg.length() > 0) {
      out.add(seg.toString());
    }
    return out;
  }
}
