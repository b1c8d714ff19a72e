package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the one scheme of diagnostic codes honest: every code is a constant of {@link
 * DiagnosticCodes} whose value is its name, follows the scheme, is listed once in {@code
 * docs/diagnostic-codes.md}, and no module writes a code as a bare string.
 */
class DiagnosticCodesTest {

  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| ");
  private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");

  /** The modules whose sources report diagnostics (vela-cue has its own CueException). */
  private static final List<String> MODULES =
      List.of(
          "vela-model",
          "vela-render",
          "vela-testing",
          "vela-rollout",
          "vela-dispatch-spi",
          "vela-dispatch-kube",
          "vela-workflow",
          "vela-cli",
          "vela-maven-plugin",
          "examples/controller");

  static Set<String> codes() throws IllegalAccessException {
    Set<String> out = new LinkedHashSet<>();
    for (Field f : DiagnosticCodes.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == String.class) {
        assertThat(Modifier.isFinal(m)).as(f.getName()).isTrue();
        assertThat(f.get(null)).as("the value of %s", f.getName()).isEqualTo(f.getName());
        out.add(f.getName());
      }
    }
    return out;
  }

  @Test
  void everyCodeFollowsTheScheme() throws IllegalAccessException {
    for (String code : codes()) {
      assertThat(code).as("a code has at least two words").contains("_");
      assertThat(code).doesNotStartWith("BAD_").doesNotEndWith("_ERROR");
      assertThat(code).doesNotStartWith("NO_").doesNotStartWith("NOT_").doesNotContain("__");
    }
  }

  @Test
  void theTableListsEveryCodeOnce() throws IOException, IllegalAccessException {
    Path doc = TestFiles.root().resolve("docs/diagnostic-codes.md");
    List<String> listed = new ArrayList<>();
    boolean history = false;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (line.startsWith("## History")) {
        history = true;
      }
      Matcher m = TABLE_ROW.matcher(line);
      if (!history && m.find()) {
        listed.add(m.group(1));
      }
    }
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(codes());
  }

  @Test
  void noModuleWritesACodeAsABareString() throws IOException, IllegalAccessException {
    Set<String> codes = codes();
    Set<String> offenders = new TreeSet<>();
    for (String module : MODULES) {
      Path src = TestFiles.root().resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          if (p.getFileName().toString().equals("DiagnosticCodes.java")) {
            continue;
          }
          Matcher m = LITERAL.matcher(Files.readString(p, StandardCharsets.UTF_8));
          while (m.find()) {
            if (codes.contains(m.group(1))) {
              offenders.add(src.relativize(p) + ": \"" + m.group(1) + "\"");
            }
          }
        }
      }
    }
    assertThat(offenders).as("write DiagnosticCodes.X instead").isEmpty();
  }
}
