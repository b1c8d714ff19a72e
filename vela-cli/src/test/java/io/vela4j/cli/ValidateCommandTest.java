package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @TempDir Path dir;

  private static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(p.resolve("examples/apps"))) {
      p = p.getParent();
    }
    return p.resolve("examples");
  }

  @Test
  void theBundledExamplesAreValid() {
    var r =
        run(
            "validate",
            examples().resolve("apps").toString(),
            examples().resolve("clusters.yaml").toString());
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("0 errors");
  }

  @Test
  void propertiesAreCheckedAgainstTheParameterSchemasOfTheCatalogueAndDefinitions()
      throws IOException {
    Path app = dir.resolve("app.yaml");
    Files.writeString(
        app,
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: a\nspec:\n"
            + "  components:\n    - name: web\n      type: webservice\n"
            + "      properties:\n        image: nginx\n        replicaz: 2\n"
            + "      traits:\n        - type: scaler\n          properties:\n"
            + "            replicas: three\n        - type: greeting\n"
            + "          properties:\n            words: 3\n");
    Path defs = dir.resolve("defs");
    Files.createDirectories(defs);
    Files.writeString(
        defs.resolve("greeting.cue"),
        "greeting: {\n\ttype: \"trait\"\n\tattributes: {}\n}\ntemplate: {\n"
            + "\tparameter: {\n\t\t// +usage=What to say\n\t\twords: string\n\t}\n}\n");
    var r = run("validate", "-d", defs.toString(), app.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines())
        .containsExactly(
            app
                + ":11:9: warning: spec.components[0].properties.replicaz: unknown property"
                + " \"replicaz\" (the definition ignores it) (expected one of labels, annotations,"
                + " image, imagePullPolicy, imagePullSecrets, port, ports, exposeType,"
                + " addRevisionLabel, cmd, args, env, cpu, memory, volumeMounts, volumes,"
                + " livenessProbe, readinessProbe, hostAliases, found replicaz)",
            app
                + ":15:23: error: spec.components[0].traits[0].properties.replicas: wrong type"
                + " (expected integer, found string \"three\")",
            app
                + ":18:20: error: spec.components[0].traits[1].properties.words: wrong type"
                + " (expected string, found integer 3)");
  }

  @Test
  void defSchemaPrintsTheJsonSchemaOfADefinitionsParameters() throws IOException {
    var r = run("def", "schema", "scaler");
    assertThat(r.code()).isZero();
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(tree.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(tree.at("/properties/replicas/type").asText()).isEqualTo("integer");
    assertThat(tree.at("/properties/replicas/title").asText()).isEqualTo("replicas");
    assertThat(tree.at("/properties/replicas/description").asText())
        .isEqualTo("Specify the number of workload");
    var missing = run("def", "schema", "nope");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no definition named 'nope'");
    assertThat(run("def", "schema", "scaler", "--kind", "component").err())
        .contains("no definition named 'scaler' of kind component");
    assertThat(run("def", "schema", "scaler", "--kind", "traits").code()).isEqualTo(2);
    Path defs = dir.resolve("defs");
    Files.createDirectories(defs);
    Files.writeString(
        defs.resolve("greeting.cue"),
        "greeting: {\n\ttype: \"trait\"\n\tattributes: {}\n}\ntemplate: {\n"
            + "\tparameter: {\n\t\t// +usage=What to say\n\t\twords: *\"hi\" | string\n"
            + "\t\tloud?: bool\n\t}\n}\n");
    var own = run("def", "schema", "greeting", "--kind", "trait", "-d", defs.toString());
    assertThat(own.code()).isZero();
    var greeting = new com.fasterxml.jackson.databind.ObjectMapper().readTree(own.out());
    assertThat(greeting.at("/properties/words/description").asText()).isEqualTo("What to say");
    assertThat(greeting.at("/properties/words/default").asText()).isEqualTo("hi");
    assertThat(greeting.at("/properties/loud/type").asText()).isEqualTo("boolean");
    assertThat(greeting.at("/required").toString()).isEqualTo("[\"words\"]");
  }

  @Test
  void errorsArePrintedAsFileLineColumnSeverityPathMessage() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: a\nspec:\n"
            + "  components:\n    - name: x\n      type: webservice\n"
            + "      properties: {image: nginx}\n      dependsOn: [y]\n"
            + "    - name: y\n      type: worker\n      properties: {image: nginx}\n"
            + "      dependsOn: [x]\n      extra: 1\n");
    var r = run("validate", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines())
        .containsExactly(
            bad
                + ":10:7: error: spec.components[0].dependsOn: component dependency cycle: x -> y -> x"
                + " (expected no cycles, found x -> y -> x)",
            bad
                + ":15:7: warning: spec.components[1].extra: unknown field \"extra\" (expected one of"
                + " name, type, properties, traits, dependsOn, inputs, outputs, externalRevision,"
                + " scopes, found extra)");
    var strict = run("validate", "--strict", bad.toString());
    assertThat(strict.out()).contains(":15:7: error: spec.components[1].extra");
  }

  @Test
  void warningsAloneExitZero() throws IOException {
    Path f = dir.resolve("w.yaml");
    Files.writeString(
        f,
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: a\nspec:\n"
            + "  components: []\n");
    var r = run("validate", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("warning").contains("no components");
  }

  @Test
  void unknownTypesAreCheckedAgainstGivenDefinitions() throws IOException {
    Path defs = dir.resolve("defs.yaml");
    Files.writeString(
        defs,
        "apiVersion: core.oam.dev/v1beta1\nkind: ComponentDefinition\nmetadata:\n  name: webservice\n"
            + "spec:\n  workload:\n    definition: {apiVersion: apps/v1, kind: Deployment}\n"
            + "  schematic:\n    cue:\n      template: 'output: {}'\n");
    Path app = dir.resolve("app.yaml");
    Files.writeString(
        app,
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: a\nspec:\n"
            + "  components: [{name: x, type: websrvice}]\n");
    var r = run("validate", "--definitions", defs.toString(), app.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("6:32: error: spec.components[0].type: unknown component type \"websrvice\"");
    assertThat(run("validate", app.toString()).code()).isZero();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("validate").code()).isEqualTo(2);
    assertThat(run("validate", "--no-such-flag", "x").code()).isEqualTo(2);
    assertThat(run("validate", "/no/such/file.yaml").code()).isEqualTo(2);
  }
}
