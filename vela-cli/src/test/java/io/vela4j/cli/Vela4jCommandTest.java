package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code vela4j} command line: its subcommands, and the arguments parsed without picocli. */
class Vela4jCommandTest {

  @Test
  void subcommandsAreListedUnderTheNamesOfTheirCommands() {
    assertThat(Vela4jCommand.SUBCOMMANDS)
        .allSatisfy(
            (name, type) ->
                assertThat(type.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
    assertThat(Vela4jCommand.commandLine().getSubcommands().keySet())
        .containsExactlyElementsOf(Vela4jCommand.SUBCOMMANDS.keySet());
    var help = Cli.run("--help");
    assertThat(help.code()).isZero();
    for (var name : Vela4jCommand.SUBCOMMANDS.keySet()) {
      assertThat(help.out()).contains("  " + name + " ");
    }
  }

  @Test
  void aRunOfOneSubcommandBuildsThatSubcommandAlone() {
    assertThat(Vela4jCommand.commandLine("cue", "export", "x.cue").getSubcommands())
        .containsOnlyKeys("cue");
    assertThat(Vela4jCommand.commandLine("workflow", "run").getSubcommands())
        .containsOnlyKeys("workflow");
    assertThat(Vela4jCommand.commandLine("--version").getSubcommands())
        .hasSameSizeAs(Vela4jCommand.SUBCOMMANDS);
    assertThat(Vela4jCommand.commandLine("nope").getSubcommands())
        .hasSameSizeAs(Vela4jCommand.SUBCOMMANDS);
    assertThat(Vela4jCommand.commandLine("cue").isCaseInsensitiveEnumValuesAllowed()).isTrue();
    var r = Cli.run("nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument", "cue", "workflow");
  }

  /** What picocli makes of {@code vela4j ARGS} when ARGS run {@code cue export}. */
  private static CueCommand.Export picocli(String... args) {
    var cl = Vela4jCommand.commandLine(args);
    var parsed = cl.parseArgs(args);
    return (CueCommand.Export) parsed.subcommand().subcommand().commandSpec().userObject();
  }

  private static List<Object> fields(CueCommand.Export e) {
    return List.of(
        String.valueOf(e.expression), e.out, String.valueOf(e.batch), List.copyOf(e.files));
  }

  @Test
  void plainExportArgumentsAreParsedWithoutPicocliAsPicocliParsesThem() {
    String[][] cases = {
      {"cue", "export", "a.cue"},
      {"cue", "export", "a.cue", "dir/b.cue", "c d.cue"},
      {"cue", "export", "--batch", "some/dir"},
      {"cue", "export", "--batch=some/dir"},
      {"cue", "export", "--batch", "d", "--out", "yaml", "-e", "outputs.service"},
      {"cue", "export", "-e", "output", "a.cue", "--out=JSON", "b.cue"},
      {"cue", "export", "--expression", "x.y", "--out", "Yaml", "a.cue"},
      {"cue", "export", "--expression=x", "a=b.cue"},
      {"cue", "export", "--batch", "d", "a.cue"}, // a usage error either way
      {"cue", "export"}, // a usage error either way
    };
    for (String[] args : cases) {
      var fast = CueCommand.Export.parse(args);
      assertThat(fast).as(String.join(" ", args)).isNotNull();
      assertThat(fields(fast)).as(String.join(" ", args)).isEqualTo(fields(picocli(args)));
    }
    assertThat(CueCommand.Export.parse(new String[] {"cue", "export", "a.cue"}).files)
        .containsExactly(Path.of("a.cue"));
  }

  @Test
  void otherArgumentsAreLeftToPicocli() {
    String[][] cases = {
      {},
      {"--version"},
      {"cue"},
      {"cue", "eval", "a.cue"},
      {"dry-run", "app.yaml"},
      {"cue", "export", "--help"},
      {"cue", "export", "-h"},
      {"cue", "export", "-V"},
      {"cue", "export", "--out", "xml", "a.cue"}, // picocli's message for a bad value
      {"cue", "export", "--out", "jſon", "a.cue"},
      {"cue", "export", "--out", "json", "--out", "yaml", "a.cue"},
      {"cue", "export", "-e", "a", "-e", "b", "a.cue"},
      {"cue", "export", "-e", "a", "--expression", "b", "a.cue"},
      {"cue", "export", "--batch", "d", "--batch", "e"},
      {"cue", "export", "--batch"},
      {"cue", "export", "--batch="},
      {"cue", "export", "-eoutput", "a.cue"},
      {"cue", "export", "-e=output", "a.cue"},
      {"cue", "export", "-e", "-x", "a.cue"},
      {"cue", "export", "--", "a.cue"},
      {"cue", "export", "-", "a.cue"},
      {"cue", "export", "@args.txt"},
      {"cue", "export", "--batch", "@dir"},
      {"cue", "export", ""},
      {"cue", "export", "a\0.cue"},
      {"cue", "export", "--unknown", "a.cue"},
    };
    for (String[] args : cases) {
      assertThat(CueCommand.Export.parse(args)).as(String.join(" ", args)).isNull();
    }
  }
}
