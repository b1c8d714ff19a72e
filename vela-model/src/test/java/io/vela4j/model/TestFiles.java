package io.vela4j.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root and the shared folder beside the checkout. */
final class TestFiles {
  private TestFiles() {}

  static Path root() {
    String prop = System.getProperty("vela4j.root.dir");
    if (prop != null && Files.isDirectory(Path.of(prop, "examples"))) {
      return Path.of(prop);
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root (no examples/ folder)");
    }
    return p;
  }

  static Path shared() {
    String prop = System.getProperty("vela4j.shared.dir");
    if (prop != null) {
      return Path.of(prop);
    }
    return root().resolve("../shared").normalize();
  }
}
