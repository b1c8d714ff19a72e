package io.vela4j.cue.internal.builtins;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.re2j.Pattern;
import io.vela4j.cue.internal.LargeStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YAML text for concrete values in the style of CUE v0.14's encoder (yaml.v3 with 2-space
 * indentation): block mappings and sequences, sequences indented under their key, plain scalars
 * where YAML would read them back as the same string, double quotes for strings that would read as
 * another type, single quotes otherwise, literal blocks for multi-line strings.
 */
public final class Yaml {
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder().streamReadConstraints(Json.NESTING).build();

  /** Strings YAML 1.1 readers take for booleans or null: CUE always quotes them. */
  private static final Set<String> LEGACY =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "n", "N", "t", "T", "f", "F", "no", "No", "NO", "true",
          "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", ".Nan",
          "null", "Null", "NULL", "~");

  private static final Pattern DATE_LIKE =
      Pattern.compile("^[\\-+0-9:\\. \\t]+([-:]|[tT])[\\-+0-9:\\. \\t]+[zZ]?$|^0x[a-fA-F0-9]+$");
  private static final Pattern NUMBER_LIKE =
      Pattern.compile(
          "^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"
              + "|^0o[0-7]+$|^0b[01]+$|^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$");

  private Yaml() {}

  /**
   * Encodes one concrete value as a YAML document (with a trailing newline).
   *
   * @param v a concrete value
   * @return YAML text
   */
  public static String marshal(Object v) {
    var sb = new StringBuilder();
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      writeMap(sb, m, 0);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      writeList(sb, l, 0);
    } else {
      writeScalarOrEmpty(sb, v, 0);
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void writeMap(StringBuilder sb, Map<?, ?> m, int indent) {
    for (var e : m.entrySet()) {
      sb.append(" ".repeat(indent));
      var key = (String) e.getKey();
      sb.append(scalarString(key, indent, true)).append(':');
      writeValueAfterIndicator(sb, e.getValue(), indent, true);
    }
  }

  private static void writeList(StringBuilder sb, List<?> l, int indent) {
    for (var v : l) {
      sb.append(" ".repeat(indent)).append('-');
      writeValueAfterIndicator(sb, v, indent, false);
    }
  }

  private static void writeValueAfterIndicator(
      StringBuilder sb, Object v, int indent, boolean inMap) {
    LargeStack.checkDepth(indent / 2);
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      if (inMap) {
        sb.append('\n');
        writeMap(sb, m, indent + 2);
      } else {
        // first key on the dash line, the rest aligned with it
        sb.append(' ');
        var inner = new StringBuilder();
        writeMap(inner, m, indent + 2);
        sb.append(inner, indent + 2, inner.length());
      }
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      if (inMap) {
        sb.append('\n');
        writeList(sb, l, indent + 2);
      } else {
        sb.append(' ');
        var inner = new StringBuilder();
        writeList(inner, l, indent + 2);
        sb.append(inner, indent + 2, inner.length());
      }
    } else {
      sb.append(' ');
      writeScalarOrEmpty(sb, v, indent);
      sb.append('\n');
    }
  }

  private static void writeScalarOrEmpty(StringBuilder sb, Object v, int indent) {
    if (v instanceof Map<?, ?>) {
      sb.append("{}");
    } else if (v instanceof List<?>) {
      sb.append("[]");
    } else if (v instanceof String s) {
      sb.append(scalarString(s, indent, false));
    } else if (v instanceof Concrete.Bytes b) {
      sb.append("!!binary ").append(java.util.Base64.getEncoder().encodeToString(b.data()));
    } else if (v instanceof Number n) {
      sb.append(Concrete.formatNumber(n));
    } else {
      sb.append(v);
    }
  }

  private static String scalarString(String s, int indent, boolean isKey) {
    if (!isKey && s.indexOf('\n') >= 0 && literalAllowed(s)) {
      return literal(s, indent + 2);
    }
    if (canBePlain(s)) {
      return s;
    }
    if (s.isEmpty() || mustDoubleQuote(s)) {
      return Json.quote(s);
    }
    return "'" + s.replace("'", "''") + "'";
  }

  private static boolean literalAllowed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    for (var line : s.split("\n", -1)) {
      if (line.endsWith(" ") || line.endsWith("\t")) {
        return false;
      }
    }
    return !s.startsWith(" ");
  }

  private static String literal(String s, int indent) {
    String chomp;
    String body;
    if (!s.endsWith("\n")) {
      chomp = "-";
      body = s;
    } else if (s.endsWith("\n\n") || s.equals("\n")) {
      chomp = "+";
      body = s.substring(0, s.length() - 1);
    } else {
      chomp = "";
      body = s.substring(0, s.length() - 1);
    }
    var sb = new StringBuilder("|").append(chomp);
    var pad = " ".repeat(indent);
    for (var line : body.split("\n", -1)) {
      sb.append('\n');
      if (!line.isEmpty()) {
        sb.append(pad).append(line);
      }
    }
    return sb.toString();
  }

  private static boolean mustDoubleQuote(String s) {
    if (LEGACY.contains(s) || DATE_LIKE.matcher(s).find() || NUMBER_LIKE.matcher(s).find()) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
        return true;
      }
    }
    return false;
  }

  private static boolean canBePlain(String s) {
    if (s.isEmpty() || mustDoubleQuote(s)) {
      return false;
    }
    char first = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
      if (!((first == '-' || first == '?' || first == ':')
          && s.length() > 1
          && s.charAt(1) != ' ')) {
        return false;
      }
    }
    if (first == ' ' || s.endsWith(" ") || s.endsWith(":")) {
      return false;
    }
    if (s.contains(": ") || s.contains(" #") || s.contains("\t")) {
      return false;
    }
    return s.indexOf('\n') < 0 && !s.equals("<<") && !s.equals("=");
  }

  /**
   * Encodes each element of a list as one YAML document, separated by {@code ---} lines.
   *
   * @param values the documents
   * @return YAML stream text
   */
  public static String marshalStream(List<Object> values) {
    var sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      sb.append(marshal(values.get(i)));
    }
    return sb.toString();
  }

  /**
   * Parses one YAML document into concrete values (ints stay ints, decimals keep their written
   * form).
   *
   * @param src YAML text
   * @return the concrete value ({@code null} for an empty document)
   * @throws BuiltinException on invalid YAML or several documents
   */
  public static Object unmarshal(byte[] src) {
    var docs = unmarshalStream(src);
    if (docs.size() > 1) {
      throw new BuiltinException("yaml: expected a single document, found " + docs.size());
    }
    return docs.isEmpty() ? Concrete.NULL : docs.get(0);
  }

  /**
   * Parses every document of a YAML stream.
   *
   * @param src YAML text
   * @return one concrete value per document
   * @throws BuiltinException on invalid YAML
   */
  public static List<Object> unmarshalStream(byte[] src) {
    var out = new ArrayList<Object>();
    try (var p = (YAMLParser) FACTORY.createParser(src)) {
      while (p.nextToken() != null) {
        out.add(read(p));
      }
    } catch (StreamConstraintsException e) {
      // yaml.v3's wording
      throw new BuiltinException(
          "yaml: exceeded max depth of " + Json.NESTING.getMaxNestingDepth());
    } catch (IOException e) {
      var msg = e.getMessage() == null ? "invalid YAML" : e.getMessage().lines().findFirst().get();
      throw new BuiltinException("yaml: " + msg);
    }
    return Collections.unmodifiableList(out);
  }

  private static Object read(YAMLParser p) throws IOException {
    return Json.readTree(p, Yaml::scalar);
  }

  private static Object scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NUMBER_INT -> {
        return parseInt(p.getText());
      }
      case VALUE_NUMBER_FLOAT -> {
        try {
          return new BigDecimal(p.getText().replace("_", ""));
        } catch (NumberFormatException e) {
          throw new BuiltinException("yaml: unsupported number " + p.getText());
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        // YAML 1.2 booleans only: yes/no/on/off stay strings, as in CUE
        var text = p.getText();
        return switch (text) {
          case "true", "True", "TRUE" -> Boolean.TRUE;
          case "false", "False", "FALSE" -> Boolean.FALSE;
          default -> text;
        };
      }
      case VALUE_NULL -> {
        return Concrete.NULL;
      }
      default -> {
        return p.getText();
      }
    }
  }

  private static BigInteger parseInt(String text) {
    var s = text.replace("_", "");
    boolean neg = s.startsWith("-");
    if (neg || s.startsWith("+")) {
      s = s.substring(1);
    }
    BigInteger v;
    if (s.startsWith("0x") || s.startsWith("0X")) {
      v = new BigInteger(s.substring(2), 16);
    } else if (s.startsWith("0o") || s.startsWith("0O")) {
      v = new BigInteger(s.substring(2), 8);
    } else if (s.startsWith("0b") || s.startsWith("0B")) {
      v = new BigInteger(s.substring(2), 2);
    } else {
      v = new BigInteger(s);
    }
    return neg ? v.negate() : v;
  }
}
