package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vela4j cue export --batch} on several threads: what it writes and reports is what a
 * sequential batch writes and reports, file for file and byte for byte.
 */
class CueBatchTest {
  @TempDir Path dir;

  /** Instances of every outcome: exported, CUE errors of each kind, bad input, deep nesting. */
  private static Map<String, byte[]> instances() {
    var m = new TreeMap<String, byte[]>();
    for (int i = 0; i < 40; i++) {
      String text =
          switch (i % 8) {
            case 0 ->
                "parameter: {image: \"nginx:1."
                    + i
                    + "\", replicas: "
                    + (i % 4 + 1)
                    + "}\n"
                    + "output: {kind: \"Deployment\", spec: {replicas: parameter.replicas,"
                    + " containers: [{image: parameter.image, ports: [for p in [80, 443] {port: p"
                    + " + "
                    + i
                    + "}]}]}}\n";
            case 1 -> "a: " + i + "\na: " + (i + 1) + "\n"; // conflict
            case 2 -> "a: {b: \n"; // syntax error
            case 3 -> "a: int\nb: a + 1\n"; // incomplete
            case 4 -> "import \"strings\"\nx: strings.ToUpper(\"v" + i + "\")\ny: x + \"!\"\n";
            case 5 -> "a: [" + "[".repeat(300) + i + "]".repeat(300) + "]\n"; // deep
            case 6 -> "#D: {n: int & >0}\nv: #D & {n: " + (i - 50) + "}\n"; // out of bound
            default -> "s: \"" + "x".repeat(i) + "\"\nl: len(s)\n";
          };
      m.put(String.format("i%02d.cue", i), text.getBytes(StandardCharsets.UTF_8));
    }
    m.put("z-bad-utf8.cue", new byte[] {'a', ':', ' ', '"', (byte) 0xff, '"', '\n'});
    return m;
  }

  private Path batchDir(String name) throws IOException {
    var d = Files.createDirectory(dir.resolve(name));
    for (var e : instances().entrySet()) {
      Files.write(d.resolve(e.getKey()), e.getValue());
    }
    // results of an earlier run, which the batch must replace or delete
    Files.writeString(d.resolve("i01.json"), "stale");
    Files.writeString(d.resolve("i00.err"), "stale");
    Files.writeString(d.resolve("notes.txt"), "not cue");
    return d;
  }

  private record Outcome(int code, String out, String err, Map<String, String> files) {}

  private Outcome export(Path d, int threads, String... options) throws IOException {
    var args = new ArrayList<>(List.of("cue", "export"));
    args.addAll(List.of(options));
    args.addAll(List.of("--batch", d.toString()));
    var export = CueCommand.Export.parse(args.toArray(String[]::new));
    assertThat(export).isNotNull();
    export.threads = threads;
    var out = new StringWriter();
    var err = new StringWriter();
    int code = export.execute(new PrintWriter(out), new PrintWriter(err));
    var files = new TreeMap<String, String>();
    try (Stream<Path> s = Files.list(d)) {
      for (var p : s.toList()) {
        // error messages name the instance's file, whose directory differs from run to run
        var text = Files.readString(p, StandardCharsets.ISO_8859_1).replace(d.toString(), "DIR");
        files.put(p.getFileName().toString(), text);
      }
    }
    return new Outcome(code, out.toString(), err.toString().replace(d.toString(), "DIR"), files);
  }

  @Test
  void aParallelBatchWritesAndReportsWhatASequentialBatchDoes() throws IOException {
    var sequential = export(batchDir("one"), 1);
    assertThat(sequential.code()).isZero();
    assertThat(sequential.err()).isEqualTo("vela4j cue: 20 exported, 21 rejected, in DIR\n");
    assertThat(sequential.files())
        .containsKeys("i00.json", "i01.err", "i02.err", "i03.err", "i05.json", "z-bad-utf8.err")
        .doesNotContainKeys("i00.err", "i01.json", "notes.json");
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(export(batchDir("t" + threads), threads)).isEqualTo(sequential);
    }
    var yaml = export(batchDir("yaml-one"), 1, "--out", "yaml", "-e", "output");
    assertThat(export(batchDir("yaml-four"), 4, "--out", "yaml", "-e", "output")).isEqualTo(yaml);
  }

  @Test
  void aBatchRunsOnTheThreadsThatTheMachineHas() {
    assertThat(Batch.threads())
        .isBetween(1, 8)
        .isEqualTo(Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void aWriteErrorStopsTheBatchAtThatItemAsASequentialLoopWould() throws IOException {
    var d = Files.createDirectory(dir.resolve("w"));
    var items = new ArrayList<Path>();
    for (int i = 0; i < 30; i++) {
      items.add(d.resolve("r" + i + ".json"));
    }
    // the 11th result cannot be written: its file's name is taken by a directory that is not empty
    var blocked = d.resolve("r10.json");
    Files.createDirectories(blocked.resolve("inside"));
    assertThatThrownBy(
            () ->
                Batch.run(
                    items,
                    p -> new Batch.Result(true, p, d.resolve(p.getFileName() + ".err"), "{}"),
                    4))
        .isInstanceOf(IOException.class);
    for (int i = 0; i < 30; i++) {
      var p = d.resolve("r" + i + ".json");
      if (i < 10) {
        assertThat(p).hasContent("{}");
      } else if (i > 10) {
        assertThat(p).doesNotExist();
      }
    }
  }
}
