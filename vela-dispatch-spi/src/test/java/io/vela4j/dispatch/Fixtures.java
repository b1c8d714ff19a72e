package io.vela4j.dispatch;

import io.vela4j.dispatch.files.ManifestFiles;
import io.vela4j.dispatch.files.PlacementFile;
import io.vela4j.model.kube.ResourceScopes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Test fixtures: the example bundle and golden-file comparison. */
public final class Fixtures {
  private Fixtures() {}

  /** A classpath resource as text. */
  public static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example request (src/test/resources/dispatch/{manifests,placement}.yaml). */
  public static DispatchRequest exampleRequest() {
    PlacementFile pf = PlacementFile.parse(resource("dispatch/placement.yaml"), "placement.yaml");
    var manifests =
        ManifestFiles.read(
            resource("dispatch/manifests.yaml"),
            "manifests.yaml",
            pf.namespace(),
            ResourceScopes.builtin());
    return pf.request(manifests, ResourceScopes.builtin());
  }

  /**
   * Compares {@code actual} with {@code src/test/resources/golden/<name>}; rewrites the file when
   * the system property {@code vela4j.golden.update} is {@code true} (vela-testing's {@code
   * Golden}).
   */
  public static void assertGolden(String name, String actual) {
    io.vela4j.testing.Golden.assertMatches(name, actual);
  }

  /** The shared folder ({@code vela4j.shared.dir}, else ../../shared), or null if absent. */
  public static Path sharedDir() {
    String prop = System.getProperty("vela4j.shared.dir");
    Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared");
    return p;
  }
}
