package io.vela4j.examples.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the example. */
class ControllerMainTest {

  @Test
  void readsEveryOptionAndRepeatsTheRepeatableOnes(@TempDir Path dir) throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("config"), "");
    ControllerMain.Options o =
        ControllerMain.Options.parse(
            new String[] {
              "--kubeconfig", kubeconfig.toString(),
              "--context", "kind",
              "--namespace", "shop",
              "--namespace", "blog",
              "--definitions", "defs",
              "--definitions", "more"
            });

    assertThat(o.kubeconfig).isEqualTo(kubeconfig);
    assertThat(o.context).isEqualTo("kind");
    assertThat(o.namespaces).containsExactly("shop", "blog");
    assertThat(o.definitions).containsExactly(Path.of("defs"), Path.of("more"));
    assertThat(o.clusters).isNull();
    assertThat(o.members).isNull();
  }

  @Test
  void aWrongCommandLineSaysWhatIsWrongAndHowToWriteIt(@TempDir Path dir) {
    assertThatThrownBy(() -> ControllerMain.Options.parse(new String[] {"--verbose", "x"}))
        .hasMessageStartingWith("unknown option --verbose\nusage: ControllerMain");
    assertThatThrownBy(() -> ControllerMain.Options.parse(new String[] {"--kubeconfig"}))
        .hasMessageStartingWith("missing value after --kubeconfig");
    assertThatThrownBy(
            () ->
                ControllerMain.Options.parse(
                    new String[] {"--clusters", dir.resolve("nope.yaml").toString()}))
        .hasMessageContaining("no such file");
  }
}
