package io.vela4j.cue.internal.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Calls every builtin directly with the arguments of {@code builtins/calls.cue} and compares the
 * result with what CUE (cue-oracle) exported for the same call, in {@code builtins/calls.json}.
 * Calls where CUE v0.4 and v0.14 differ are in {@code calls-v014.*} (hand-written expectations);
 * failing calls and their messages are in {@code errors.txt}.
 */
class BuiltinsTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(JsonParser.Feature.ALLOW_COMMENTS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private static final Map<String, String> PACKAGES =
      Map.of(
          "strings", "strings",
          "strconv", "strconv",
          "list", "list",
          "math", "math",
          "json", "encoding/json",
          "yaml", "encoding/yaml",
          "base64", "encoding/base64",
          "regexp", "regexp",
          "struct", "struct");

  @TestFactory
  Stream<DynamicTest> callsMatchCueOracle() {
    return callTests("calls.cue", "calls.json");
  }

  @TestFactory
  Stream<DynamicTest> callsMatchHandWrittenV014Answers() {
    return callTests("calls-v014.cue", "calls-v014.json");
  }

  @TestFactory
  Stream<DynamicTest> failingCallsThrowWithCueWording() {
    var tests = new ArrayList<DynamicTest>();
    for (var line : read("errors.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      boolean exact = line.contains(" => ");
      var parts = line.split(exact ? " => " : " ~> ", 2);
      var label = parts[0].substring(0, parts[0].indexOf(':'));
      var call = parts[0].substring(parts[0].indexOf(':') + 1).trim();
      var msg = parts[1];
      int note = msg.indexOf(" # ");
      var expected = note >= 0 ? msg.substring(0, note) : msg;
      tests.add(
          DynamicTest.dynamicTest(
              label + ": " + call,
              () -> {
                var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> invoke(call));
                assertThat(thrown).isInstanceOf(BuiltinException.class);
                if (exact) {
                  assertThat(thrown.getMessage()).isEqualTo(expected);
                } else {
                  assertThat(thrown.getMessage()).contains(expected);
                }
              }));
    }
    assertThat(tests).hasSizeGreaterThan(40);
    return tests.stream();
  }

  private Stream<DynamicTest> callTests(String cueFile, String jsonFile) {
    JsonNode expected;
    try {
      expected = MAPPER.readTree(read(jsonFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var calls = calls(read(cueFile));
    assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(fieldNames(expected));
    return calls.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + ": " + e.getValue(),
                    () -> {
                      var want = Json.marshal(toConcrete(expected.get(e.getKey())));
                      var got = Json.marshal(invoke(e.getValue()));
                      assertThat(got).as(e.getKey()).isEqualTo(want);
                    }));
  }

  private static List<String> fieldNames(JsonNode n) {
    var out = new ArrayList<String>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The `label: call` lines after the import block. */
  private static Map<String, String> calls(String src) {
    var out = new LinkedHashMap<String, String>();
    boolean inBody = false;
    for (var line : src.split("\n")) {
      if (line.equals(")")) {
        inBody = true;
        continue;
      }
      if (!inBody || line.isBlank() || line.startsWith("//")) {
        continue;
      }
      int colon = line.indexOf(':');
      out.put(line.substring(0, colon), line.substring(colon + 1).trim());
    }
    return out;
  }

  /** Calls {@code pkg.Fn(json args...)} or reads the constant {@code pkg.Name}. */
  static Object invoke(String call) {
    int open = call.indexOf('(');
    var qualified = open < 0 ? call : call.substring(0, open);
    int dot = qualified.indexOf('.');
    var pkg = PACKAGES.get(qualified.substring(0, dot));
    var builtin =
        Builtins.lookup(pkg, qualified.substring(dot + 1))
            .orElseThrow(() -> new AssertionError("no builtin " + qualified));
    if (open < 0) {
      assertThat(builtin.isConstant()).isTrue();
      return builtin.call(List.of());
    }
    var argText =
        call.substring(open + 1, call.lastIndexOf(')'))
            .replace("list.Ascending", "\"@list.Ascending\"")
            .replace("list.Descending", "\"@list.Descending\"");
    JsonNode args;
    try {
      args = MAPPER.readTree("[" + argText + "]");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var list = new ArrayList<Object>();
    for (var a : args) {
      if (a.isTextual() && a.asText().startsWith("@list.")) {
        list.add(Builtins.lookup("list", a.asText().substring(6)).orElseThrow().call(List.of()));
      } else {
        list.add(toConcrete(a));
      }
    }
    return builtin.call(Collections.unmodifiableList(list));
  }

  static Object toConcrete(JsonNode n) {
    if (n.isObject()) {
      var m = new LinkedHashMap<String, Object>();
      n.fields().forEachRemaining(e -> m.put(e.getKey(), toConcrete(e.getValue())));
      return Collections.unmodifiableMap(m);
    }
    if (n.isArray()) {
      var l = new ArrayList<Object>();
      n.forEach(e -> l.add(toConcrete(e)));
      return Collections.unmodifiableList(l);
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isNull()) {
      return Concrete.NULL;
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue();
    }
    return n.decimalValue();
  }

  private static String read(String name) {
    try (var in = BuiltinsTest.class.getResourceAsStream("/builtins/" + name)) {
      if (in == null) {
        throw new AssertionError("missing resource builtins/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- integer division (CUE: div/mod Euclidean, quo/rem truncated) ---

  @Test
  void euclideanAndTruncatedDivisionMatchCueSpecExamples() {
    // The CUE spec's table: x y | div mod | quo rem
    int[][] rows = {
      {5, 3, 1, 2, 1, 2}, {-5, 3, -2, 1, -1, -2}, {5, -3, -1, 2, -1, 2}, {-5, -3, 2, 1, 1, -2}
    };
    for (var r : rows) {
      var x = BigInteger.valueOf(r[0]);
      var y = BigInteger.valueOf(r[1]);
      assertThat(Builtins.div(x, y)).as("div(%d,%d)", r[0], r[1]).isEqualTo(r[2]);
      assertThat(Builtins.mod(x, y)).as("mod(%d,%d)", r[0], r[1]).isEqualTo(r[3]);
      assertThat(Builtins.quo(x, y)).as("quo(%d,%d)", r[0], r[1]).isEqualTo(r[4]);
      assertThat(Builtins.rem(x, y)).as("rem(%d,%d)", r[0], r[1]).isEqualTo(r[5]);
    }
  }

  @Test
  void divisionByZeroIsABuiltinError() {
    for (var f :
        List.<java.util.function.BinaryOperator<BigInteger>>of(
            Builtins::div, Builtins::mod, Builtins::quo, Builtins::rem)) {
      assertThatThrownBy(() -> f.apply(BigInteger.ONE, BigInteger.ZERO))
          .isInstanceOf(BuiltinException.class)
          .hasMessage("division by zero");
    }
    assertThatThrownBy(() -> Concrete.divide(BigInteger.ONE, BigDecimal.ZERO))
        .isInstanceOf(BuiltinException.class)
        .hasMessage("division by zero");
  }

  @Test
  void divModAndQuoRemRecomposeTheDividend() {
    qt().forAll(integers().between(-100_000, 100_000), integers().between(-1000, 1000))
        .assuming((x, y) -> y != 0)
        .checkAssert(
            (xi, yi) -> {
              var x = BigInteger.valueOf(xi);
              var y = BigInteger.valueOf(yi);
              var m = Builtins.mod(x, y);
              assertThat(m.signum()).isGreaterThanOrEqualTo(0);
              assertThat(m).isLessThan(y.abs());
              assertThat(Builtins.div(x, y).multiply(y).add(m)).isEqualTo(x);
              var r = Builtins.rem(x, y);
              assertThat(Builtins.quo(x, y).multiply(y).add(r)).isEqualTo(x);
              assertThat(r.signum() == 0 || r.signum() == x.signum()).isTrue();
            });
  }

  // --- number formatting shared with export ---

  @Test
  void numbersFormatLikeCueExport() {
    // cue-oracle: a: 1.0, b: 1e2, c: 1.0e2, d: 123456e1, e: 0.0000001, f: 0.000001, g: 1.50 * 2
    assertThat(Concrete.formatNumber(new BigDecimal("1.0"))).isEqualTo("1.0");
    assertThat(Concrete.formatNumber(new BigDecimal("1e2"))).isEqualTo("1E+2");
    assertThat(Concrete.formatNumber(new BigDecimal("1.0e2"))).isEqualTo("1.0E+2");
    assertThat(Concrete.formatNumber(new BigDecimal("123456e1"))).isEqualTo("1.23456E+6");
    assertThat(Concrete.formatNumber(new BigDecimal("0.0000001"))).isEqualTo("1E-7");
    assertThat(Concrete.formatNumber(new BigDecimal("0.000001"))).isEqualTo("0.000001");
    assertThat(Concrete.formatNumber(new BigDecimal("1.50").multiply(BigDecimal.valueOf(2))))
        .isEqualTo("3.00");
    assertThat(Concrete.formatNumber(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
  }

  @Test
  void divisionKeepsCueDecimalPrecision() {
    // T15 of the evaluator design notes: 7/2 = 3.5, 1/3 has 34 digits in v0.14, 4/2 prints 2.
    assertThat(Concrete.formatNumber(Concrete.divide(BigInteger.valueOf(7), BigInteger.TWO)))
        .isEqualTo("3.5");
    assertThat(Concrete.formatNumber(Concrete.divide(BigInteger.ONE, BigInteger.valueOf(3))))
        .isEqualTo("0.3333333333333333333333333333333333");
    assertThat(Concrete.formatNumber(Concrete.divide(BigInteger.valueOf(4), BigInteger.TWO)))
        .isEqualTo("2");
    assertThat(
            Concrete.formatNumber(Concrete.divide(new BigDecimal("10.0"), BigInteger.valueOf(4))))
        .isEqualTo("2.5");
  }

  @Test
  void interpolationTextFollowsCue() {
    assertThat(Concrete.interpolationText(new BigDecimal("2.00"))).isEqualTo("2.00");
    assertThat(Concrete.interpolationText(new BigDecimal("1e2"))).isEqualTo("1E+2");
    assertThat(Concrete.interpolationText(Boolean.TRUE)).isEqualTo("true");
    assertThat(Concrete.interpolationText(Concrete.Bytes.of("hé"))).isEqualTo("hé");
    assertThatThrownBy(() -> Concrete.interpolationText(List.of()))
        .isInstanceOf(BuiltinException.class);
  }

  @Test
  void bytesAreImmutableAndCompareByContent() {
    var raw = new byte[] {1, 2};
    var b = new Concrete.Bytes(raw);
    raw[0] = 9;
    assertThat(b.data()[0]).isEqualTo((byte) 1);
    b.data()[1] = 7;
    assertThat(b)
        .isEqualTo(new Concrete.Bytes(new byte[] {1, 2}))
        .hasSameHashCodeAs(new Concrete.Bytes(new byte[] {1, 2}));
  }

  @Test
  void equalityComparesNumbersByValue() {
    assertThat(Concrete.equal(BigInteger.ONE, new BigDecimal("1.00"))).isTrue();
    assertThat(Concrete.equal(List.of(BigInteger.ONE), List.of(new BigDecimal("1.0")))).isTrue();
    assertThat(Concrete.equal(Map.of("a", "x"), Map.of("a", "y"))).isFalse();
    assertThat(Concrete.equal(Concrete.NULL, "null")).isFalse();
  }

  @Test
  void registryRejectsOtherPackagesAndMembers() {
    // Every known package and its members: BuiltinsRegistryTest.
    assertThat(Builtins.isKnownPackage("vela/op")).isFalse();
    assertThat(Builtins.lookup("strings", "NoSuchFunction")).isEmpty();
    assertThat(Builtins.lookup("nope", "ToLower")).isEmpty();
    assertThat(Builtins.packageName("encoding/base64")).isEqualTo("base64");
    assertThat(Builtins.lookup("strings", "MinRunes").orElseThrow().isValidator()).isTrue();
    assertThat(Builtins.lookup("math", "Pi").orElseThrow().isConstant()).isTrue();
    // CUE has no strconv.Itoa / Unquote (cue-oracle: "undefined field"), so neither do we.
    assertThat(Builtins.lookup("strconv", "Itoa")).isEmpty();
  }

  @Test
  void jsonUnmarshalKeepsIntsAndDecimalScale() {
    var v = Json.unmarshal("{\"i\": 3, \"d\": 1.50, \"e\": 1e2}".getBytes(StandardCharsets.UTF_8));
    assertThat(v)
        .isEqualTo(
            Map.of(
                "i",
                BigInteger.valueOf(3),
                "d",
                new BigDecimal("1.50"),
                "e",
                new BigDecimal("1E+2")));
    assertThat(((BigDecimal) ((Map<?, ?>) v).get("d")).scale()).isEqualTo(2);
    assertThat(Json.marshal(v)).isEqualTo("{\"i\":3,\"d\":1.50,\"e\":1E+2}");
  }

  @Test
  void jsonUnmarshalUnifiesRepeatedKeysLikeCue() {
    assertThat(Json.unmarshal("{\"a\":1,\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Map.of("a", BigInteger.ONE));
    assertThatThrownBy(() -> Json.unmarshal("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BuiltinException.class)
        .hasMessageContaining("conflicting values 1 and 2");
  }

  @Test
  void yamlRoundTripsThroughMarshalAndUnmarshal() {
    qt().forAll(integers().between(-1_000_000, 1_000_000))
        .checkAssert(
            i -> {
              Map<String, Object> doc = new LinkedHashMap<>();
              doc.put("n", BigInteger.valueOf(i));
              doc.put("s", Integer.toString(i));
              doc.put("l", List.of(BigInteger.valueOf(i), "x: y"));
              var text = Yaml.marshal(doc);
              assertThat(Yaml.unmarshal(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(doc);
            });
  }

  @Test
  void jsonQuotesLikeGoWithoutHtmlEscaping() {
    assertThat(Json.quote("<a href=\"x\">&</a>")).isEqualTo("\"<a href=\\\"x\\\">&</a>\"");
    assertThat(Json.quote("\u0000\b\f\u001f\u2028")).isEqualTo("\"\\u0000\\b\\f\\u001f\\u2028\"");
    assertThat(Json.quote("\ud800")).isEqualTo("\"\\ufffd\"");
  }

  @Test
  void jsonQuotedStringsReadBackAsTheStringWithLoneSurrogatesReplaced() {
    String[] pieces = {
      "a",
      "web",
      "\"",
      "\\",
      "\n",
      "\t",
      "\u0001",
      "\u001f",
      "\u2028",
      "\u2029",
      "é",
      "\u00ff",
      "\u4e16",
      "\ud83d\ude00",
      "\ud800",
      "\udfff",
      "<&>",
      " "
    };
    var mapper = new ObjectMapper();
    qt().forAll(lists().of(integers().between(0, pieces.length - 1)).ofSizeBetween(0, 12))
        .checkAssert(
            picks -> {
              var sb = new StringBuilder();
              for (int k : picks) {
                sb.append(pieces[k]);
              }
              // a surrogate not paired in the whole string (pieces may pair up) reads back as
              // U+FFFD
              var want = new StringBuilder();
              sb.codePoints()
                  .forEach(
                      c ->
                          want.appendCodePoint(
                              c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE
                                  ? 0xFFFD
                                  : c));
              String quoted = Json.quote(sb.toString());
              try {
                assertThat(mapper.readTree(quoted).textValue()).isEqualTo(want.toString());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              // no control char, line or paragraph separator, or lone surrogate is written as is
              assertThat(quoted.codePoints())
                  .noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029)
                  .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
            });
  }

  @Test
  void namedSubmatchesComeBackWithSortedLabelsLikeCue() {
    // cue-oracle: regexp.FindNamedSubmatch("(?P<user>\\w+)@(?P<host>\\w+)", "me@host")
    // exports {"host": "host", "user": "me"}: Go's map becomes a struct with sorted labels.
    var m =
        (Map<?, ?>)
            invoke("regexp.FindNamedSubmatch(\"(?P<user>\\\\w+)@(?P<host>\\\\w+)\", \"me@host\")");
    assertThat(new ArrayList<Object>(m.keySet())).containsExactly("host", "user");
    assertThat(m.get("user")).isEqualTo("me");
  }
}
