package io.vela4j.cue.internal.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.cue.internal.LargeStack;
import io.vela4j.cue.internal.builtins.Concrete;
import io.vela4j.cue.internal.builtins.Json;
import io.vela4j.cue.internal.builtins.Yaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of exported values, as {@code cue export} prints it: JSON with 4-space indentation
 * ({@code --out json}) and YAML ({@code --out yaml}).
 */
public final class ExportText {
  private ExportText() {}

  /**
   * JSON with 4-space indentation and a trailing newline, field order kept, decimals as CUE prints
   * them, no HTML escaping.
   *
   * @param n the exported tree
   * @return the text
   */
  public static String write(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    write(n, sb, 0);
    return sb.append('\n').toString();
  }

  private static void write(JsonNode n, StringBuilder sb, int depth) {
    LargeStack.checkDepth(depth);
    if (n.isObject()) {
      if (n.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        indent(sb, depth + 1);
        Json.appendQuoted(sb, e.getKey());
        sb.append(": ");
        write(e.getValue(), sb, depth + 1);
        if (it.hasNext()) {
          sb.append(',');
        }
        sb.append('\n');
      }
      indent(sb, depth);
      sb.append('}');
    } else if (n.isArray()) {
      if (n.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < n.size(); i++) {
        indent(sb, depth + 1);
        write(n.get(i), sb, depth + 1);
        if (i + 1 < n.size()) {
          sb.append(',');
        }
        sb.append('\n');
      }
      indent(sb, depth);
      sb.append(']');
    } else if (n.isTextual()) {
      Json.appendQuoted(sb, n.textValue());
    } else if (n.isInt()) {
      sb.append(n.intValue());
    } else if (n.isLong()) {
      sb.append(n.longValue());
    } else if (n.isBigInteger()) {
      sb.append(n.bigIntegerValue());
    } else if (n.isBoolean()) {
      sb.append(n.booleanValue());
    } else if (n.isNull()) {
      sb.append("null");
    } else if (n.isBigDecimal() || n.isDouble() || n.isFloat()) {
      sb.append(Concrete.formatNumber(n.decimalValue()));
    } else {
      sb.append(n.toString());
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append("    ");
    }
  }

  /**
   * YAML like {@code cue export --out yaml}.
   *
   * @param n the exported tree
   * @return the text
   */
  public static String writeYaml(JsonNode n) {
    return Yaml.marshal(toJava(n));
  }

  /**
   * Converts an exported tree to the builtins' concrete Java form.
   *
   * @param n the tree
   * @return maps, lists, BigInteger, BigDecimal, String, Boolean or {@link Concrete#NULL}
   */
  public static Object toJava(JsonNode n) {
    return toJava(n, 0);
  }

  private static Object toJava(JsonNode n, int depth) {
    LargeStack.checkDepth(depth);
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), toJava(e.getValue(), depth + 1));
      }
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      for (JsonNode x : n) {
        l.add(toJava(x, depth + 1));
      }
      return l;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue();
    }
    if (n.isNumber()) {
      BigDecimal d = n.decimalValue();
      return d;
    }
    return Concrete.NULL;
  }
}
