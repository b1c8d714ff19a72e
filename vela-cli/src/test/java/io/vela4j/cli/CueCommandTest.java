package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vela4j cue export|eval}: output compared byte for byte with what the reference {@code cue}
 * (cue-oracle, CUE v0.4) printed for the same files, except where noted.
 */
class CueCommandTest {
  @TempDir Path dir;

  private static final String DEPLOY =
      """
      parameter: {image: "nginx:1.25", replicas: 2}
      context: name: "web"
      output: {
      	apiVersion: "apps/v1"
      	kind:       "Deployment"
      	metadata: name: context.name
      	spec: {
      		replicas: parameter.replicas
      		template: spec: containers: [{name: context.name, image: parameter.image}]
      	}
      }
      """;

  /** cue-oracle export deploy.cue */
  private static final String DEPLOY_JSON =
      """
      {
          "parameter": {
              "image": "nginx:1.25",
              "replicas": 2
          },
          "context": {
              "name": "web"
          },
          "output": {
              "apiVersion": "apps/v1",
              "kind": "Deployment",
              "metadata": {
                  "name": "web"
              },
              "spec": {
                  "replicas": 2,
                  "template": {
                      "spec": {
                          "containers": [
                              {
                                  "name": "web",
                                  "image": "nginx:1.25"
                              }
                          ]
                      }
                  }
              }
          }
      }
      """;

  /** cue-oracle export deploy.cue -e output.spec */
  private static final String SPEC_JSON =
      """
      {
          "replicas": 2,
          "template": {
              "spec": {
                  "containers": [
                      {
                          "name": "web",
                          "image": "nginx:1.25"
                      }
                  ]
              }
          }
      }
      """;

  /** cue-oracle eval deploy.cue */
  private static final String DEPLOY_EVAL =
      """
      parameter: {
          image:    "nginx:1.25"
          replicas: 2
      }
      context: {
          name: "web"
      }
      output: {
          apiVersion: "apps/v1"
          kind:       "Deployment"
          metadata: {
              name: "web"
          }
          spec: {
              replicas: 2
              template: {
                  spec: {
                      containers: [{
                          name:  "web"
                          image: "nginx:1.25"
                      }]
                  }
              }
          }
      }
      """;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private Path write(String name, String content) throws IOException {
    var p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void exportPrintsJsonWithFourSpaceIndentationLikeCue() throws IOException {
    var f = write("deploy.cue", DEPLOY);
    var r = run("cue", "export", f.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(DEPLOY_JSON);
  }

  @Test
  void exportExpressionSelectsAPath() throws IOException {
    var f = write("deploy.cue", DEPLOY);
    var r = run("cue", "export", f.toString(), "-e", "output.spec");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(SPEC_JSON);
  }

  @Test
  void exportUnknownExpressionIsAnError() throws IOException {
    var f = write("deploy.cue", DEPLOY);
    var r = run("cue", "export", f.toString(), "-e", "output.nope");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("output.nope");
  }

  @Test
  void exportYamlCarriesTheSameData() throws IOException {
    var f = write("deploy.cue", DEPLOY);
    var r = run("cue", "export", f.toString(), "--out", "yaml");
    assertThat(r.code()).isZero();
    assertThat(new YAMLMapper().readTree(r.out()))
        .isEqualTo(new ObjectMapper().readTree(DEPLOY_JSON));
    assertThat(r.out()).startsWith("parameter:\n  image: nginx:1.25\n");
  }

  @Test
  void exportKeepsDecimalsAndEmptyValuesWithoutHtmlEscaping() throws IOException {
    var f = write("scalars.cue", "n: 1.50\nl: []\ns: {}\nt: \"<&>\"\n");
    var r = run("cue", "export", f.toString());
    assertThat(r.code()).isZero();
    // cue-oracle (v0.4) prints "\u003c\u0026\u003e" for t; CUE v0.14 no longer escapes HTML.
    assertThat(r.out())
        .isEqualTo("{\n    \"n\": 1.50,\n    \"l\": [],\n    \"s\": {},\n    \"t\": \"<&>\"\n}\n");
  }

  @Test
  void severalFilesAreUnified() throws IOException {
    var a = write("a.cue", "x: int\ny: \"s\"\n");
    var b = write("b.cue", "x: 3\n");
    var r = run("cue", "export", a.toString(), b.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("{\n    \"x\": 3,\n    \"y\": \"s\"\n}\n");
  }

  @Test
  void filesOfOnePackageAreOneInstance() throws IOException {
    var a = write("a.cue", "package p\n\nx: y\n");
    var b = write("b.cue", "package p\n\ny: 1\n");
    var r = run("cue", "export", a.toString(), b.toString());
    // cue-oracle export a.cue b.cue (issue 10, class 6)
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("{\n    \"x\": 1,\n    \"y\": 1\n}\n");
  }

  @Test
  void filesWithoutPackageDoNotShareTheirScope() throws IOException {
    var a = write("a.cue", "x: y\n");
    var b = write("b.cue", "y: 1\n");
    var r = run("cue", "export", a.toString(), b.toString());
    // cue-oracle: x: reference "y" not found: ./a.cue:1:4
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("a.cue:1:4").contains("reference \"y\" not found");
  }

  @Test
  void filesOfTwoPackagesAreAnError() throws IOException {
    var a = write("a.cue", "package p\n\na: 1\n");
    var b = write("b.cue", "package q\n\nb: 2\n");
    var r = run("cue", "export", a.toString(), b.toString());
    // cue-oracle: found packages "p" (a.cue) and q (b.cue) in "..."
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("found packages \"p\" (a.cue) and q (b.cue)");
  }

  @Test
  void evaluationErrorExitsOneWithFileLineColumn() throws IOException {
    var f = write("bad.cue", "a: 1\nb: a + \"x\"\n");
    var r = run("cue", "export", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    // cue-oracle: b: invalid operands 1 and "x" to '+' (type int and string): ./bad.cue:2:4
    assertThat(r.err()).containsPattern("bad\\.cue:2:\\d+: .*invalid operands");
  }

  @Test
  void syntaxErrorExitsOneWithItsPosition() throws IOException {
    var f = write("syntax.cue", "x: {\n");
    var r = run("cue", "export", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).containsPattern("syntax\\.cue:\\d+:\\d+: ");
  }

  @Test
  void incompleteValueIsAnExportError() throws IOException {
    var f = write("inc.cue", "out: spec: replicas: int\n");
    var r = run("cue", "export", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("out.spec.replicas").contains("incomplete");
  }

  @Test
  void missingFileAndMissingArgumentsAreUsageErrors() {
    assertThat(run("cue", "export", dir.resolve("nope.cue").toString()).code()).isEqualTo(2);
    assertThat(run("cue", "export").code()).isEqualTo(2);
    assertThat(run("cue", "export", "--batch", dir.resolve("nodir").toString()).code())
        .isEqualTo(2);
    assertThat(run("cue", "export", "--out", "xml", "f.cue").code()).isEqualTo(2);
  }

  @Test
  void batchExportsEveryFileToJsonOrErr() throws IOException {
    write("1-deploy.cue", DEPLOY);
    write("2-bad.cue", "a: 1\na: 2\n");
    write("notes.txt", "not cue");
    Files.writeString(dir.resolve("2-bad.json"), "stale");
    var r = run("cue", "export", "--batch", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("1 exported, 1 rejected");
    assertThat(Files.readString(dir.resolve("1-deploy.json"))).isEqualTo(DEPLOY_JSON);
    assertThat(dir.resolve("2-bad.json")).doesNotExist();
    assertThat(Files.readString(dir.resolve("2-bad.err"))).contains("conflicting values");
    assertThat(dir.resolve("notes.json")).doesNotExist();
  }

  @Test
  void evalPrintsCueSyntaxLikeCueEval() throws IOException {
    var f = write("deploy.cue", DEPLOY);
    var r = run("cue", "eval", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(DEPLOY_EVAL);
  }

  @Test
  void evalAlignsFieldsAndInlinesListsLikeCueEval() throws IOException {
    var f =
        write(
            "fmt.cue",
            "l: [{a: 1, bb: 2}, {c: 3}]\nm: [1, 2]\nn: [[1], {x: 1}]\ns: {}\ne: []\n\"a-b\": 1\n");
    var r = run("cue", "eval", f.toString());
    assertThat(r.code()).isZero();
    // cue-oracle eval fmt.cue
    assertThat(r.out())
        .isEqualTo(
            "l: [{\n    a:  1\n    bb: 2\n}, {\n    c: 3\n}]\nm: [1, 2]\nn: [[1], {\n    x: 1\n}]\n"
                + "s: {}\ne: []\n\"a-b\": 1\n");
  }

  @Test
  void evalAlignsRunsOfScalarFieldsOnly() throws IOException {
    var f =
        write(
            "align.cue",
            "a: [1, 2]\nbbb: 1\ncc: \"x\"\nd: {}\neeee: 2\nf: []\ng: null\nhhhhh: true\n");
    var r = run("cue", "eval", f.toString());
    assertThat(r.code()).isZero();
    // cue-oracle eval align.cue
    assertThat(r.out())
        .isEqualTo(
            "a: [1, 2]\nbbb: 1\ncc:  \"x\"\nd: {}\neeee: 2\nf: []\ng:     null\nhhhhh: true\n");
  }

  @Test
  void evalPrintsTypesOfValuesThatAreNotConcrete() throws IOException {
    var f = write("schema.cue", "a: int\nb: {c: string, d: 1}\nl: [1, int, {a: string}]\n");
    var r = run("cue", "eval", f.toString());
    assertThat(r.code()).isZero();
    // cue-oracle eval schema.cue
    assertThat(r.out())
        .isEqualTo("a: int\nb: {\n    c: string\n    d: 1\n}\nl: [1, int, {\n    a: string\n}]\n");
  }

  @Test
  void evalReportsConflictsLikeExport() throws IOException {
    var f = write("conflict.cue", "a: 1\na: 2\n");
    var r = run("cue", "eval", f.toString());
    assertThat(r.code()).isEqualTo(1);
    // cue-oracle export conflict.cue: "a: conflicting values 2 and 1" (the newer value first)
    assertThat(r.err()).contains("conflicting values 2 and 1");
  }

  @Test
  void cueIsASubcommandOfVela4jWithExportAndEval() {
    var cue = Vela4jCommand.commandLine().getSubcommands().get("cue");
    assertThat(cue).isNotNull();
    assertThat(cue.getSubcommands()).containsKeys("export", "eval");
    var r = run("cue");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing subcommand");
  }

  @Test
  void batchOfAnEmptyDirectoryExportsNothing() {
    var r = run("cue", "export", "--batch", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("0 exported, 0 rejected");
  }

  @Test
  void exportOfStringsThatDoublePerReferenceIsALimitErrorNotAnOutOfMemoryError()
      throws IOException {
    var sb = new StringBuilder("s0: \"ab\"\n");
    for (int i = 1; i <= 40; i++) {
      sb.append("s").append(i).append(": \"\\(s").append(i - 1).append(")\\(s");
      sb.append(i - 1).append(")\"\n");
    }
    var f = write("double.cue", sb.toString());
    var r = run("cue", "export", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(f + ":25:")
        .contains("s24: string length limit 16777216 exceeded (CueCompiler.Limits.maxStringLength)")
        .doesNotContain("\tat ");
  }

  @Test
  void malformedUtf8IsALocatedCueError() throws IOException {
    var f = dir.resolve("bad.cue");
    var bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes("a: 1\nb: \"é".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xff);
    bytes.writeBytes("\"\n".getBytes(StandardCharsets.UTF_8));
    Files.write(f, bytes.toByteArray());
    var r = run("cue", "export", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith(f + ":2:6: invalid UTF-8").doesNotContain("Input length");
    var batchDir = Files.createDirectory(dir.resolve("batch"));
    Files.write(batchDir.resolve("bad.cue"), bytes.toByteArray());
    var b = run("cue", "export", "--batch", batchDir.toString());
    assertThat(b.code()).isZero();
    assertThat(Files.readString(batchDir.resolve("bad.err"))).contains(":2:6: invalid UTF-8");
  }

  @Test
  void aJvmOutOfMemoryIsOneLineSayingHowToGiveItMore() throws Exception {
    // Within every limit, but more than a 24 MB heap holds: the JVM runs out before the limits
    // stop it. The CLI must say so in one line, exit 1, and print no stack trace; --batch writes
    // the same line to the instance's .err file and goes on.
    StringBuilder src = new StringBuilder("s: {\n");
    for (int i = 0; i < 300_000; i++) {
      src.append("f").append(i).append(": \"").append(i).append("\"\n");
    }
    var big = write("big.cue", src.append("}\n").toString());
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.copy(big, batch.resolve("big.cue"));
    for (var args : new String[][] {{big.toString()}, {"--batch", batch.toString()}}) {
      var command = new java.util.ArrayList<String>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx24m");
      command.add("-XX:+UseSerialGC");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("io.vela4j.cli.Main");
      command.add("cue");
      command.add("export");
      command.addAll(java.util.List.of(args));
      var pb = new ProcessBuilder(command).redirectErrorStream(false);
      var proc = pb.start();
      proc.getOutputStream().close();
      String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = proc.waitFor();
      boolean isBatch = args[0].equals("--batch");
      // a batch has done its job when every instance has its .json or .err: exit 0
      assertThat(code).as("exit code, stderr: %s", err).isEqualTo(isBatch ? 0 : 1);
      assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
      String report = isBatch ? Files.readString(batch.resolve("big.err")) : err;
      assertThat(report)
          .as("stdout: %s", out)
          .startsWith("vela4j cue: the JVM ran out of resources (java.lang.OutOfMemoryError")
          .contains("VELA4J_JAVA_OPTS=-Xmx4g");
      assertThat(report.strip()).doesNotContain("\n");
    }
  }
}
