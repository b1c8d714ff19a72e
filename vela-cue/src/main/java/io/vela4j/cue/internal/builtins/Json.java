package io.vela4j.cue.internal.builtins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vela4j.cue.internal.LargeStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text for concrete values, as CUE's {@code encoding/json} writes it: compact, field order
 * kept, strings escaped like Go's encoder with HTML escaping off ({@code <>&} stay as is), numbers
 * formatted by {@link Concrete#formatNumber(Number)}.
 */
public final class Json {
  /**
   * Go's encoding/json nests at most 10,000 levels (Jackson's default is 1,000); deeper input is
   * invalid, as in Go.
   */
  static final StreamReadConstraints NESTING =
      StreamReadConstraints.builder().maxNestingDepth(10_000).build();

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(NESTING)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final JsonFactory LENIENT_FACTORY =
      JsonFactory.builder().streamReadConstraints(NESTING).build();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Quotes a string as Go's JSON encoder does without HTML escaping.
   *
   * @param s the string
   * @return the JSON string literal
   */
  public static String quote(String s) {
    var sb = new StringBuilder(s.length() + 2);
    appendQuoted(sb, s);
    return sb.toString();
  }

  /**
   * Appends a string quoted as by {@link #quote}.
   *
   * @param sb where to append
   * @param s the string
   */
  public static void appendQuoted(StringBuilder sb, String s) {
    sb.append('"');
    // Runs of plain chars are appended whole; most strings (labels, names, images) are one run,
    // appended in one copy, not a char at a time.
    int n = s.length();
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (plain(c)) {
        continue;
      }
      sb.append(s, run, i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (!Character.isSurrogate(c)) {
            hex(sb, c); // another control char, U+2028 or U+2029
          } else if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else {
            sb.append("\\ufffd"); // Go replaces invalid UTF-8 with U+FFFD
          }
        }
      }
      run = i + 1;
    }
    if (run == 0) {
      sb.append(s);
    } else {
      sb.append(s, run, n);
    }
    sb.append('"');
  }

  /** Whether a char is written as itself: not a quote, backslash, control, separator, surrogate. */
  private static boolean plain(char c) {
    return c >= 0x20
        && c != '"'
        && c != '\\'
        && c != '\u2028'
        && c != '\u2029'
        && !Character.isSurrogate(c);
  }

  private static void hex(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  /**
   * Compact JSON of a concrete value; bytes are written base64-encoded like Go does.
   *
   * @param v a concrete value
   * @return compact JSON text
   */
  public static String marshal(Object v) {
    var sb = new StringBuilder();
    write(sb, v);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v instanceof String s) {
      appendQuoted(sb, s);
    } else if (v instanceof Number n) {
      sb.append(Concrete.formatNumber(n));
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v == Concrete.NULL) {
      sb.append("null");
    } else if (v instanceof Concrete.Bytes b) {
      sb.append('"').append(java.util.Base64.getEncoder().encodeToString(b.data())).append('"');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (var e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendQuoted(sb, (String) e.getKey());
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("not a concrete CUE value: " + v);
    }
  }

  /**
   * Whether the text is exactly one valid JSON value (surrounding white space allowed).
   *
   * @param src the text
   * @return true if valid
   */
  public static boolean valid(byte[] src) {
    try (var p = LENIENT_FACTORY.createParser(src)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Parses JSON into concrete values: integral numbers without fraction or exponent become ints,
   * the others decimals keeping their written form ({@code 1.0} stays {@code 1.0}).
   *
   * @param src the JSON text
   * @return the concrete value
   * @throws BuiltinException if the text is not valid JSON or repeats a key with another value
   */
  public static Object unmarshal(byte[] src) {
    if (!valid(src)) {
      throw new BuiltinException("json: invalid JSON");
    }
    try (var p = FACTORY.createParser(src)) {
      p.nextToken();
      return read(p);
    } catch (JsonProcessingException e) {
      // duplicate keys: CUE unifies them, which only succeeds when the values agree
      return unmarshalMerging(src);
    } catch (IOException e) {
      throw new BuiltinException("json: invalid JSON");
    }
  }

  private static Object unmarshalMerging(byte[] src) {
    try (var p = LENIENT_FACTORY.createParser(src)) {
      p.nextToken();
      return read(p);
    } catch (IOException e) {
      throw new BuiltinException("json: invalid JSON");
    }
  }

  private static Object read(JsonParser p) throws IOException {
    return readTree(p, Json::scalar);
  }

  /** Reads one scalar token of the parser's current position. */
  interface ScalarReader {
    Object read(JsonParser p, JsonToken t) throws IOException;
  }

  /**
   * Reads the value at the parser's current token into concrete values (ordered maps, lists,
   * scalars from {@code scalars}). A key given twice must have equal values, as CUE unifies them.
   * Recursive: Jackson's parsers limit nesting to 1,000 levels, and a nesting deeper than {@link
   * LargeStack#SHALLOW} moves the evaluation to a large stack.
   */
  static Object readTree(JsonParser p, ScalarReader scalars) throws IOException {
    return readTree(p, scalars, 0);
  }

  private static Object readTree(JsonParser p, ScalarReader scalars, int depth) throws IOException {
    LargeStack.checkDepth(depth);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        var m = new LinkedHashMap<String, Object>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          var k = p.currentName();
          p.nextToken();
          var v = readTree(p, scalars, depth + 1);
          var old = m.get(k);
          if (old != null && !Concrete.equal(old, v)) {
            throw new BuiltinException(
                "conflicting values "
                    + Concrete.describe(old)
                    + " and "
                    + Concrete.describe(v)
                    + " for field "
                    + k);
          }
          m.put(k, v);
        }
        return Collections.unmodifiableMap(m);
      }
      case START_ARRAY -> {
        var l = new ArrayList<Object>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(readTree(p, scalars, depth + 1));
        }
        return Collections.unmodifiableList(l);
      }
      default -> {
        return scalars.read(p, t);
      }
    }
  }

  private static Object scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> new BigInteger(p.getText());
      case VALUE_NUMBER_FLOAT -> new BigDecimal(p.getText());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> Concrete.NULL;
      default -> throw new BuiltinException("json: invalid JSON");
    };
  }

  /**
   * Re-indents JSON text like Go's {@code json.Indent}: every element on its own line starting with
   * {@code prefix} and one {@code indent} per nesting level; empty arrays and objects stay {@code
   * []} and {@code {}}; number and string tokens are copied as written.
   *
   * @param src JSON text
   * @param prefix line prefix
   * @param indent one level of indentation
   * @return the indented text
   * @throws BuiltinException if the text is not valid JSON
   */
  public static String indent(byte[] src, String prefix, String indent) {
    return format(src, prefix, indent, true);
  }

  private static String format(byte[] src, String prefix, String indent, boolean pretty) {
    if (!valid(src)) {
      throw new BuiltinException(syntaxError(src));
    }
    var sb = new StringBuilder();
    try (var p = LENIENT_FACTORY.createParser(src)) {
      int depth = 0;
      boolean needComma = false;
      boolean afterName = false;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        boolean closing = t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT;
        if (closing) {
          depth--;
          char last = sb.charAt(sb.length() - 1);
          if (pretty && last != '[' && last != '{') {
            newline(sb, prefix, indent, depth);
          }
          sb.append(t == JsonToken.END_ARRAY ? ']' : '}');
          needComma = true;
          continue;
        }
        if (!afterName) {
          if (needComma) {
            sb.append(',');
          }
          if (pretty && depth > 0) {
            newline(sb, prefix, indent, depth);
          }
        }
        afterName = false;
        switch (t) {
          case START_ARRAY -> {
            sb.append('[');
            depth++;
            needComma = false;
          }
          case START_OBJECT -> {
            sb.append('{');
            depth++;
            needComma = false;
          }
          case FIELD_NAME -> {
            appendQuoted(sb, p.currentName());
            sb.append(pretty ? ": " : ":");
            afterName = true;
            needComma = false;
          }
          case VALUE_STRING -> {
            appendQuoted(sb, p.getText());
            needComma = true;
          }
          default -> {
            sb.append(p.getText());
            needComma = true;
          }
        }
      }
    } catch (IOException e) {
      throw new BuiltinException("json: invalid JSON");
    }
    return sb.toString();
  }

  /** Go's wording for the first syntax error of invalid JSON, as far as Jackson tells. */
  private static String syntaxError(byte[] src) {
    try (var p = LENIENT_FACTORY.createParser(src)) {
      if (p.nextToken() == null) {
        return "unexpected end of JSON input";
      }
      p.skipChildren();
      var t = p.nextToken();
      if (t != null) {
        return "invalid character '" + p.getText().charAt(0) + "' after top-level value";
      }
      return "unexpected end of JSON input";
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      return "unexpected end of JSON input";
    } catch (IOException e) {
      return "invalid character in JSON input";
    }
  }

  private static void newline(StringBuilder sb, String prefix, String indent, int depth) {
    sb.append('\n').append(prefix);
    sb.append(indent.repeat(depth));
  }

  /**
   * Removes insignificant white space from JSON text, like Go's {@code json.Compact}.
   *
   * @param src JSON text
   * @return compact text
   * @throws BuiltinException if the text is not valid JSON
   */
  public static String compact(byte[] src) {
    return format(src, "", "", false);
  }
}
