package io.vela4j.render.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueKind;
import io.vela4j.cue.CueValue;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.spi.TemplateResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the built-in catalogue ({@code src/main/resources/io/vela4j/render/catalogue}) against
 * goldens produced by evaluating KubeVela's own definitions with the reference CUE ({@code
 * scripts/regenerate-catalogue-goldens.sh}).
 *
 * <p>Three checks: every case evaluates to the expected JSON (or fails when KubeVela's template
 * rejects the parameters); every trait carries the patch-strategy doc comments KubeVela's template
 * has, on the same fields, and no others; {@code index.txt} lists exactly the catalogue files, each
 * with its metadata block.
 */
class CatalogueTemplatesTest {

  private static final Path CATALOGUE = Path.of("src/main/resources/io/vela4j/render/catalogue");
  private static final Path CASES = Path.of("src/test/resources/catalogue/cases");
  private static final Path KNOWN_BUGS =
      Path.of("src/test/resources/catalogue/known-evaluator-bugs.txt");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KINDS = List.of("component", "trait", "policy");
  private static final Map<String, List<String>> EXPORTED_FIELDS =
      Map.of(
          "component", List.of("output", "outputs"),
          "trait", List.of("patch", "outputs", "patchOutputs", "errs"),
          "policy", List.of("parameter"));
  private static final Pattern PATCH_TAG = Pattern.compile("//\\s*\\+(patch(?:Key|Strategy)=\\S+)");

  /**
   * Evaluates one catalogue definition with KubeVela's two inputs and gives the fields KubeVela
   * reads from a definition of that kind. Components and traits go through the renderer's own
   * loader and CUE engine ({@link DefinitionRegistry#catalogue()}), so the goldens check what a
   * render uses; policies (which KubeVela applies in Go) have their parameter exported directly.
   *
   * @param file the catalogue file ({@code <kind>/<name>.cue})
   * @param parameter the properties
   * @param context KubeVela's context object
   * @return the fields the template produced, by name (empty ones left out)
   * @throws RuntimeException ({@link CueException} or {@link io.vela4j.render.RenderException}) if
   *     the template rejects the input
   */
  static ObjectNode evaluate(Path file, JsonNode parameter, JsonNode context) {
    String kind = file.getParent().getFileName().toString();
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    if (kind.equals("policy")) {
      CueValue template = template(file, parameter, context);
      template.validate();
      result.set("parameter", template.lookup("parameter").export());
      return result;
    }
    String name = file.getFileName().toString().replace(".cue", "");
    DefinitionRegistry catalogue = DefinitionRegistry.catalogue();
    Definition def =
        catalogue
            .find(kind.equals("trait") ? Definition.Kind.TRAIT : Definition.Kind.COMPONENT, name)
            .orElseThrow();
    TemplateResult r =
        catalogue.template(def).orElseThrow().evaluate(parameter, (ObjectNode) context);
    if (r.output() != null) {
      result.set("output", r.output());
    }
    if (!r.outputs().isEmpty()) {
      result.set("outputs", JSON.valueToTree(r.outputs()));
    }
    if (r.patch() != null) {
      result.set("patch", r.patch().value());
    }
    if (!r.patchOutputs().isEmpty()) {
      ObjectNode po = result.putObject("patchOutputs");
      r.patchOutputs().forEach((k, v) -> po.set(k, v.value()));
    }
    if (!r.errors().isEmpty()) {
      result.set("errs", JSON.valueToTree(r.errors()));
    }
    return result;
  }

  /** The expected fields with the empty ones KubeVela declares but never reads left out. */
  private static JsonNode withoutEmpty(JsonNode expected) {
    ObjectNode copy = ((ObjectNode) expected).deepCopy();
    for (String f : List.of("outputs", "patchOutputs", "errs")) {
      JsonNode v = copy.get(f);
      if (v != null && v.isContainerNode() && v.isEmpty()) {
        copy.remove(f);
      }
    }
    return copy;
  }

  private static CueValue template(Path file, JsonNode parameter, JsonNode context) {
    return CueCompiler.create()
        .compile(file.toString(), read(file))
        .evaluate(Map.of("template.parameter", parameter, "template.context", context))
        .lookup("template");
  }

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesKubeVelasTemplate() throws IOException {
    Map<String, String> knownBugs = knownEvaluatorBugs();
    List<DynamicTest> tests = new ArrayList<>();
    Set<String> seenBugs = new TreeSet<>();
    for (Path caseFile : caseFiles()) {
      Path folder = caseFile.getParent();
      String name = folder.getFileName().toString();
      String kind = folder.getParent().getFileName().toString();
      String caseName = caseFile.getFileName().toString().replace(".json", "");
      String id = kind + "/" + name + "/" + caseName;
      seenBugs.add(id);
      tests.add(
          DynamicTest.dynamicTest(
              id,
              () -> {
                JsonNode input = JSON.readTree(caseFile.toFile());
                Path def = CATALOGUE.resolve(kind).resolve(name + ".cue");
                Path expectedJson = folder.resolve(caseName + ".expected.json");
                Path expectedErr = folder.resolve(caseName + ".expected.err");
                String bug = knownBugs.get(id);
                if (bug != null) {
                  boolean passes = passes(def, input, expectedJson, expectedErr);
                  if (passes) {
                    fail(id + " is listed in known-evaluator-bugs.txt but passes now: unlist it");
                  }
                  Assumptions.abort("known evaluator bug: " + bug);
                }
                try {
                  check(def, input, expectedJson, expectedErr);
                } catch (AssertionError | RuntimeException e) {
                  throw new AssertionError("CASE " + id + ": " + e.getMessage(), e);
                }
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "known-evaluator-bugs.txt names existing cases",
            () -> assertThat(seenBugs).containsAll(knownBugs.keySet())));
    return tests.stream();
  }

  private static void check(Path def, JsonNode input, Path expectedJson, Path expectedErr)
      throws IOException {
    JsonNode parameter = input.get("parameter");
    JsonNode context = input.path("context");
    if (Files.exists(expectedErr)) {
      assertThatThrownBy(() -> evaluate(def, parameter, context))
          .as("KubeVela's template rejects these parameters: %s", read(expectedErr).trim())
          .isInstanceOf(RuntimeException.class);
      return;
    }
    assertThat(Files.exists(expectedJson)).as("expected file %s", expectedJson).isTrue();
    JsonNode expected = JSON.readTree(expectedJson.toFile());
    ObjectNode actual = evaluate(def, parameter, context);
    JsonNode errs = expected.path("errs");
    if (errs.isArray() && !errs.isEmpty()) {
      // a non-empty errs fails the render: nothing else the template produced is used
      assertThat(canonical(actual.path("errs"))).isEqualTo(canonical(errs));
      return;
    }
    assertThat(canonical(actual)).isEqualTo(canonical(withoutEmpty(expected)));
  }

  private static boolean passes(Path def, JsonNode input, Path expectedJson, Path expectedErr) {
    try {
      check(def, input, expectedJson, expectedErr);
      return true;
    } catch (AssertionError | RuntimeException | IOException e) {
      return false;
    }
  }

  @TestFactory
  Stream<DynamicTest> traitsCarryKubeVelasPatchDirectives() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(CATALOGUE.resolve("trait"))) {
      for (Path def : files.sorted().toList()) {
        String name = def.getFileName().toString().replace(".cue", "");
        tests.add(
            DynamicTest.dynamicTest(
                name,
                () -> {
                  try {
                    checkDirectives(def, name);
                  } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("DIRECTIVES " + name + ": " + e.getMessage(), e);
                  }
                }));
      }
    }
    return tests.stream();
  }

  private static void checkDirectives(Path def, String name) throws IOException {
    Path folder = CASES.resolve("trait").resolve(name);
    JsonNode declared = JSON.readTree(folder.resolve("directives.json").toFile());
    Set<String> expected = new TreeSet<>();
    for (JsonNode d : declared) {
      expected.add(d.get("path").asText() + " " + d.get("tag").asText());
    }
    // Every +patch tag of the source must be one the directives declare...
    Set<String> declaredTags = new TreeSet<>();
    declared.forEach(d -> declaredTags.add(d.get("tag").asText()));
    Set<String> sourceTags = new TreeSet<>();
    Matcher m = PATCH_TAG.matcher(read(def));
    while (m.find()) {
      sourceTags.add(m.group(1));
    }
    assertThat(sourceTags).as("+patch tags in %s", def).isEqualTo(declaredTags);
    // ...and, over the trait's cases, the tags found on the evaluated patch are exactly those.
    Set<String> found = new TreeSet<>();
    for (Path caseFile : caseFiles(folder)) {
      JsonNode input = JSON.readTree(caseFile.toFile());
      CueValue patch;
      try {
        patch = template(def, input.get("parameter"), input.path("context")).lookup("patch");
      } catch (CueException e) {
        continue;
      }
      collectTags(patch, "", found, 0);
    }
    assertThat(found).as("patch directives of %s", name).isEqualTo(expected);
  }

  private static void collectTags(CueValue value, String path, Set<String> found, int depth) {
    if (!value.exists() || depth > 12) {
      return;
    }
    for (String comment : value.docComments()) {
      for (String line : comment.lines().toList()) {
        Matcher m =
            PATCH_TAG.matcher(
                "//" + (line.strip().startsWith("//") ? line.strip().substring(2) : line.strip()));
        if (m.find()) {
          found.add(path + " " + m.group(1));
        }
      }
    }
    CueKind kind;
    try {
      kind = value.kind();
    } catch (CueException e) {
      return;
    }
    if (kind == CueKind.STRUCT) {
      for (String field : value.fieldNames()) {
        collectTags(value.lookup(field), join(path, field), found, depth + 1);
      }
    } else if (kind == CueKind.LIST) {
      for (int i = 0; value.lookup(String.valueOf(i)).exists(); i++) {
        // Every list element is reported as element 0: directives.json names list items as ".0.".
        collectTags(value.lookup(String.valueOf(i)), join(path, "0"), found, depth + 1);
      }
    }
  }

  private static String join(String path, String label) {
    return path.isEmpty() ? label : path + "." + label;
  }

  @Test
  void indexListsEveryCatalogueFileWithItsMetadata() throws IOException {
    List<String> index =
        read(CATALOGUE.resolve("index.txt")).lines().filter(l -> !l.isBlank()).toList();
    List<String> present = new ArrayList<>();
    for (String kind : KINDS) {
      try (Stream<Path> files = Files.list(CATALOGUE.resolve(kind))) {
        files.map(f -> kind + "/" + f.getFileName()).forEach(present::add);
      }
    }
    assertThat(index).isSorted().doesNotHaveDuplicates();
    assertThat(index).containsExactlyInAnyOrderElementsOf(present);
    for (String entry : index) {
      Path file = CATALOGUE.resolve(entry);
      String kind = entry.substring(0, entry.indexOf('/'));
      String name = entry.substring(entry.indexOf('/') + 1).replace(".cue", "");
      CueValue root = CueCompiler.create().compile(entry, read(file)).evaluate();
      assertThat(root.fieldNames()).as(entry).containsExactly(name, "template");
      CueValue meta = root.lookup(name);
      assertThat(meta.lookup("type").export().asText()).as(entry).isEqualTo(kind);
      assertThat(meta.lookup("description").export().asText()).as(entry).isNotBlank();
      for (String field : List.of("annotations", "labels", "attributes")) {
        assertThat(meta.lookup(field).kind()).as(entry + " " + field).isEqualTo(CueKind.STRUCT);
      }
    }
  }

  // ---- helpers

  private static List<Path> caseFiles() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String kind : KINDS) {
      try (Stream<Path> names = Files.list(CASES.resolve(kind))) {
        for (Path folder : names.sorted().toList()) {
          all.addAll(caseFiles(folder));
        }
      }
    }
    return all;
  }

  private static List<Path> caseFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(
              f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".json")
                    && !n.endsWith(".expected.json")
                    && !n.equals("directives.json");
              })
          .sorted()
          .toList();
    }
  }

  /**
   * Reads {@code known-evaluator-bugs.txt}: blocks that start with a line {@code case:
   * <kind>/<name>/<case>}; the rest of the block (program, oracle answer, our answer) is the
   * message.
   */
  private static Map<String, String> knownEvaluatorBugs() {
    Map<String, String> bugs = new LinkedHashMap<>();
    if (!Files.exists(KNOWN_BUGS)) {
      return bugs;
    }
    String current = null;
    StringBuilder text = new StringBuilder();
    for (String line : read(KNOWN_BUGS).lines().toList()) {
      if (line.startsWith("case: ")) {
        if (current != null) {
          bugs.put(current, text.toString().strip());
        }
        current = line.substring("case: ".length()).strip();
        text = new StringBuilder();
      } else if (current != null) {
        text.append(line).append('\n');
      }
    }
    if (current != null) {
      bugs.put(current, text.toString().strip());
    }
    return bugs;
  }

  /** JSON as plain Java values: objects as sorted maps, numbers as {@link Num}. */
  private static Object canonical(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new TreeMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), canonical(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(e -> list.add(canonical(e)));
      return list;
    }
    if (node.isNumber()) {
      return node.isIntegralNumber()
          ? new Num(node.bigIntegerValue().toString())
          : new Num(floatText(node.decimalValue()));
    }
    if (node.isNull()) {
      return "<null>";
    }
    return node.isBoolean() ? node.booleanValue() : node.asText();
  }

  private static String floatText(BigDecimal d) {
    String s = d.stripTrailingZeros().toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

  /** A JSON number as Go's encoding/json would print it: ints as digits, floats with a point. */
  private record Num(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
