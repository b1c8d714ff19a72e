package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input ends in a located {@link ReadException}, within a second, with bounded memory:
 * never a StackOverflowError or OutOfMemoryError. (The time bound guards against algorithmic
 * blow-up; it is not a performance claim.)
 */
class HostileInputTest {
  private static final Duration BOUND = Duration.ofSeconds(1);

  @BeforeAll
  static void warmUp() {
    VelaYaml.reader().parse("warm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
  }

  private static Diagnostic failure(ParseResult r) {
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.documents()).isEmpty();
    return r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
  }

  @Test
  void yamlAliasBomb() {
    var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      sb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    String bomb = sb.toString();
    var d =
        assertTimeoutPreemptively(BOUND, () -> failure(VelaYaml.reader().parse("bomb.yaml", bomb)));
    assertThat(d.code()).isEqualTo("ALIAS_EXPANSION_TOO_LARGE");
    assertThat(d.line()).isPositive();
  }

  @Test
  void aliasesWithinTheBudgetAreExpanded() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: &l {app: web}\n"
            + "  annotations: *l\ndata: {x: y}\n";
    var r = VelaYaml.reader().parse("a.yaml", yaml);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents().get(0).raw().at("/metadata/annotations/app").asText())
        .isEqualTo("web");
  }

  @Test
  void tenThousandLevelsOfNesting() {
    String flow = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    var d =
        assertTimeoutPreemptively(BOUND, () -> failure(VelaYaml.reader().parse("deep.yaml", flow)));
    assertThat(d.code()).isEqualTo("NESTING_TOO_DEEP");
    String json = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    var j =
        assertTimeoutPreemptively(BOUND, () -> failure(VelaJson.reader().parse("deep.json", json)));
    assertThat(j.code()).isEqualTo("NESTING_TOO_DEEP");
    var block = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      block.append(" ".repeat(i)).append("a:\n");
    }
    var b =
        assertTimeoutPreemptively(
            BOUND, () -> failure(VelaYaml.reader().parse("block.yaml", block.toString())));
    assertThat(b.code()).isEqualTo("NESTING_TOO_DEEP");
  }

  @Test
  void aFiftyMegabyteDocument() {
    long size = 50L << 20;
    InputStream huge =
        new InputStream() {
          long left = size;

          @Override
          public int read() {
            return left-- > 0 ? 'a' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            left -= n;
            return n;
          }
        };
    var d =
        assertTimeoutPreemptively(BOUND, () -> failure(VelaYaml.reader().parse("big.yaml", huge)));
    assertThat(d.code()).isEqualTo("INPUT_TOO_LARGE");
    byte[] bytes = new byte[(int) size];
    java.util.Arrays.fill(bytes, (byte) ' ');
    var d2 =
        assertTimeoutPreemptively(BOUND, () -> failure(VelaYaml.reader().parse("big.yaml", bytes)));
    assertThat(d2.code()).isEqualTo("INPUT_TOO_LARGE");
  }

  @Test
  void aLongLineWithinTheSizeLimit() {
    // SnakeYAML scans long lines in quadratic time: a 5 MB line would take minutes
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "
            + "y".repeat(5 << 20)
            + "}\n";
    var d =
        assertTimeoutPreemptively(BOUND, () -> failure(VelaYaml.reader().parse("long.yaml", yaml)));
    assertThat(d.code()).isEqualTo("LINE_TOO_LONG");
    assertThat(d.line()).isEqualTo(4);
  }

  @Test
  void jsonGivenToTheYamlReaderIsReadAsJsonWithoutTheLineLimit() {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},"
            + "\"data\":{\"x\":\""
            + "y".repeat(1 << 20)
            + "\"}}";
    var r = assertTimeoutPreemptively(BOUND, () -> VelaYaml.reader().parse("one-line.json", json));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents().get(0).raw().at("/data/x").asText()).hasSize(1 << 20);
  }

  @Test
  void aScalarOverTheStringLimit() {
    var options = ReadOptions.DEFAULTS.withMaxLineLength(1 << 20);
    String yaml = "data:\n  x: |\n" + ("    " + "y".repeat(1000) + "\n").repeat(5000);
    var r =
        assertTimeoutPreemptively(
            BOUND, () -> VelaYaml.reader(options).parse("big-scalar.yaml", yaml));
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.diagnostics().get(0).code()).isEqualTo("VALUE_TOO_LARGE");
  }

  @Test
  void nonUtf8Bytes() {
    byte[] head =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    bytes[head.length + 2] = '\n';
    var d =
        assertTimeoutPreemptively(
            BOUND,
            () -> failure(VelaYaml.reader().parse("latin.yaml", new ByteArrayInputStream(bytes))));
    assertThat(d.code()).isEqualTo("INVALID_ENCODING");
    assertThat(d.line()).isEqualTo(4);
    assertThat(d.column()).isEqualTo(9);
    assertThat(d.actual()).isEqualTo("byte 0xC3");
  }

  @Test
  void unknownAliasIsASyntaxError() {
    var d = failure(VelaYaml.reader().parse("a.yaml", "a: *nope\n"));
    assertThat(d.code()).isEqualTo("UNKNOWN_ALIAS");
    // the YAML parser does not report anchors on plain values: an error, never the alias name
    var scalar = failure(VelaYaml.reader().parse("a.yaml", "a: &v x\nb: *v\n"));
    assertThat(scalar.code()).isEqualTo("UNKNOWN_ALIAS");
    assertThat(scalar.line()).isEqualTo(2);
  }
}
