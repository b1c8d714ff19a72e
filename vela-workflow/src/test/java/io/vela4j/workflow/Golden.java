package io.vela4j.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}; {@code -Dvela.golden.update=true} rewrites
 * them.
 */
final class Golden {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Golden() {}

  static void assertMatches(String name, JsonNode actual) {
    Path file = Path.of("src/test/resources/golden", name);
    try {
      String text = JSON.writeValueAsString(io.vela4j.workflow.internal.Json.sorted(actual)) + "\n";
      if (Boolean.getBoolean("vela.golden.update") || !Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
      }
      assertThat(text).isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
