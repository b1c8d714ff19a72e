package io.vela4j.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}; run with {@code -Dvela.golden.update=true}
 * to rewrite them from the current output.
 */
final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void assertMatches(String name, String actual) {
    var file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("vela.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; regenerate with -Dvela.golden.update=true", file)
          .exists();
      assertThat(actual)
          .as("golden file %s", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root (surefire sets {@code vela4j.root.dir}; else the module's parent). */
  static Path root() {
    var p = System.getProperty("vela4j.root.dir");
    return p == null ? Path.of("..") : Path.of(p);
  }
}
