package io.vela4j.cue.internal.builtins;

import static io.vela4j.cue.internal.builtins.Args.bytesOrString;
import static io.vela4j.cue.internal.builtins.Args.string;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** CUE's {@code encoding/json}, {@code encoding/yaml} and {@code encoding/base64} packages. */
final class EncodingPackages {
  private EncodingPackages() {}

  static void registerJson(Map<String, Builtin> m) {
    add(m, Fn.of("json.Marshal", 1, a -> Json.marshal(a.get(0))));
    add(
        m,
        Fn.of(
            "json.MarshalStream",
            1,
            a -> {
              var sb = new StringBuilder();
              for (var e : Args.list("json.MarshalStream", a, 0)) {
                sb.append(Json.marshal(e)).append('\n');
              }
              return sb.toString();
            }));
    add(m, Fn.of("json.Unmarshal", 1, a -> Json.unmarshal(bytesOrString("json.Unmarshal", a, 0))));
    add(m, Fn.of("json.Valid", 1, a -> Json.valid(bytesOrString("json.Valid", a, 0))));
    add(
        m,
        Fn.of(
            "json.Indent",
            3,
            a ->
                Json.indent(
                    bytesOrString("json.Indent", a, 0),
                    string("json.Indent", a, 1),
                    string("json.Indent", a, 2))));
    add(m, Fn.of("json.Compact", 1, a -> Json.compact(bytesOrString("json.Compact", a, 0))));
    add(
        m,
        Fn.of(
            "json.HTMLEscape",
            1,
            a -> {
              var s = new String(bytesOrString("json.HTMLEscape", a, 0), StandardCharsets.UTF_8);
              return s.replace("<", "\\u003c")
                  .replace(">", "\\u003e")
                  .replace("&", "\\u0026")
                  .replace("\u2028", "\\u2028")
                  .replace("\u2029", "\\u2029");
            }));
  }

  static void registerYaml(Map<String, Builtin> m) {
    add(m, Fn.of("yaml.Marshal", 1, a -> Yaml.marshal(a.get(0))));
    add(
        m,
        Fn.of(
            "yaml.MarshalStream",
            1,
            a -> Yaml.marshalStream(Args.list("yaml.MarshalStream", a, 0))));
    add(m, Fn.of("yaml.Unmarshal", 1, a -> Yaml.unmarshal(bytesOrString("yaml.Unmarshal", a, 0))));
    add(
        m,
        Fn.of(
            "yaml.UnmarshalStream",
            1,
            a -> Yaml.unmarshalStream(bytesOrString("yaml.UnmarshalStream", a, 0))));
  }

  static void registerBase64(Map<String, Builtin> m) {
    add(
        m,
        Fn.of(
            "base64.Encode",
            2,
            a -> {
              requireNullEncoding("base64.Encode", a);
              return Base64.getEncoder().encodeToString(bytesOrString("base64.Encode", a, 1));
            }));
    add(
        m,
        Fn.of(
            "base64.Decode",
            2,
            a -> {
              requireNullEncoding("base64.Decode", a);
              return decode(string("base64.Decode", a, 1));
            }));
    add(
        m,
        Fn.of(
            "base64.EncodedLen",
            2,
            a -> {
              requireNullEncoding("base64.EncodedLen", a);
              var n = Args.intValue("base64.EncodedLen", a, 1);
              return BigInteger.valueOf((n + 2L) / 3 * 4);
            }));
    add(
        m,
        Fn.of(
            "base64.DecodedLen",
            2,
            a -> {
              requireNullEncoding("base64.DecodedLen", a);
              var n = Args.intValue("base64.DecodedLen", a, 1);
              return BigInteger.valueOf(n / 4L * 3);
            }));
  }

  private static void requireNullEncoding(String fn, List<Object> a) {
    if (a.get(0) != Concrete.NULL) {
      throw new BuiltinException(
          "base64: unsupported encoding: cannot use value "
              + Concrete.describe(a.get(0))
              + " (type "
              + Concrete.typeName(a.get(0))
              + ") as null");
    }
  }

  /** Standard padded base64 like Go's StdEncoding (new lines are ignored, as Go does). */
  static Concrete.Bytes decode(String s) {
    var clean = s.replace("\n", "").replace("\r", "");
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/'
              || c == '=';
      if (!ok) {
        throw new BuiltinException("illegal base64 data at input byte " + i);
      }
    }
    if (clean.length() % 4 != 0) {
      int at = clean.length() - clean.length() % 4;
      throw new BuiltinException("illegal base64 data at input byte " + at);
    }
    try {
      return new Concrete.Bytes(Base64.getDecoder().decode(clean));
    } catch (IllegalArgumentException e) {
      int eq = clean.indexOf('=');
      throw new BuiltinException("illegal base64 data at input byte " + Math.max(eq, 0));
    }
  }

  private static void add(Map<String, Builtin> m, Builtin b) {
    m.put(b.name().substring(b.name().indexOf('.') + 1), b);
  }
}
