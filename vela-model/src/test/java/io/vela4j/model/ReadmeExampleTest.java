package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java example of the README, kept compiling and running. */
class ReadmeExampleTest {
  static <T> List<T> append(List<T> list, T element) {
    var copy = new ArrayList<>(list);
    copy.add(element);
    return copy;
  }

  @Test
  void theReadmeExampleRuns() {
    Path file = TestFiles.root().resolve("examples/apps/webservice-with-traits.yaml");
    // --- as in README.md
    ParseResult result = VelaYaml.reader().parse(file);
    for (Diagnostic d : result.diagnostics()) {
      System.err.println(d.format()); // file:line:column: severity: path: message
    }
    Application app = result.orThrow().get(0).as(Application.class);
    for (ApplicationComponent c : app.getSpec().components()) {
      System.out.println(c.name() + " is a " + c.type() + " with " + c.traits().size() + " traits");
    }
    List<Diagnostic> problems = ApplicationValidator.create().validate(result.documents().get(0));
    ApplicationComponent canary =
        ApplicationComponent.of(
            "canary",
            "webservice",
            JsonNodeFactory.instance.objectNode().put("image", "nginx:1.27"));
    var spec = app.getSpec();
    var bigger =
        new ApplicationSpec(append(spec.components(), canary), spec.policies(), spec.workflow());
    String yaml = VelaYaml.write(new Application(app.getMetadata(), bigger)); // sorted keys, stable
    // ---
    assertThat(problems).isEmpty();
    assertThat(VelaYaml.reader().read(yaml, Application.class).getSpec().components())
        .extracting(ApplicationComponent::name)
        .containsExactly("frontend", "catalog", "cache", "canary");
  }
}
