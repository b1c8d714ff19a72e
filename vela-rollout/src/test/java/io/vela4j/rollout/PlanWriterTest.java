package io.vela4j.rollout;

import static io.vela4j.rollout.Plans.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vela4j.rollout.RolloutPlanWriter.Format;
import io.vela4j.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanWriterTest {
  private static final RolloutSpec GATED =
      rollout(6, "20%", null, "60%", "100%")
          .steps(
              List.of(
                  RolloutStep.of(IntOrPercent.percent(20), Pause.manual()),
                  RolloutStep.pauseOnly(Pause.parse("45s")),
                  RolloutStep.of(IntOrPercent.percent(60)),
                  RolloutStep.of(IntOrPercent.percent(100))))
          .clusters(List.of(ClusterTarget.weighted("east", 2), ClusterTarget.weighted("west", 1)))
          .batchPartition(1)
          .build();

  static List<String> names(JsonNode object) {
    var out = new ArrayList<String>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void jsonFollowsTheDocumentedSchema() throws Exception {
    var plan = RolloutPlanner.plan(GATED);
    var tree = new ObjectMapper().readTree(RolloutPlanWriter.write(plan, Format.JSON));
    assertThat(names(tree)).containsExactly("steps", "warnings");
    var step = tree.get("steps").get(1);
    assertThat(names(step))
        .containsExactly(
            "index",
            "kind",
            "newReplicas",
            "oldReplicas",
            "pause",
            "gated",
            "clusters",
            "transitions");
    assertThat(step.get("kind").asText()).isEqualTo("PAUSE");
    assertThat(step.get("pause").asText()).isEqualTo("45s");
    assertThat(names(step.get("clusters"))).containsExactly("east", "west");
    assertThat(names(step.get("clusters").get("east")))
        .containsExactly("newReplicas", "oldReplicas");
    assertThat(tree.get("steps").get(2).get("gated").asBoolean()).isTrue();
    assertThat(tree.get("steps").get(0).get("transitions").get(0).get("newReplicas").asInt())
        .isZero();
    assertThat(tree.get("warnings")).isEmpty();
  }

  @Test
  void yamlCarriesTheSameTree() throws Exception {
    var plan = RolloutPlanner.plan(GATED);
    var json = new ObjectMapper().readTree(RolloutPlanWriter.write(plan, Format.JSON));
    var yaml = new YAMLMapper().readTree(RolloutPlanWriter.write(plan, Format.YAML));
    assertThat(yaml).isEqualTo(json);
  }

  @Test
  void warningsArePrintedWithTheirPath() throws Exception {
    var plan = RolloutPlanner.plan(Plans.kubeVela(7, "20%", "40%", "30%", "10%").build());
    var tree = new ObjectMapper().readTree(RolloutPlanWriter.write(plan, Format.JSON));
    assertThat(tree.get("warnings").get(0).asText()).startsWith("steps[2].replicas: ");
    assertThat(RolloutPlanWriter.write(plan, Format.TABLE))
        .contains("warning: steps[2].replicas: ");
  }

  @Test
  void tableSvgJsonAndYamlMatchGoldenFiles() {
    var plan = RolloutPlanner.plan(GATED);
    Golden.assertMatches("writer/gated.txt", RolloutPlanWriter.write(plan, Format.TABLE));
    Golden.assertMatches("writer/gated.json", RolloutPlanWriter.write(plan, Format.JSON));
    Golden.assertMatches("writer/gated.yaml", RolloutPlanWriter.write(plan, Format.YAML));
    Golden.assertMatches("writer/gated.svg", RolloutPlanWriter.write(plan, Format.SVG));
  }

  @Test
  void svgMarksPausesAndFadesGatedSteps() {
    var svg = RolloutPlanWriter.write(RolloutPlanner.plan(GATED), Format.SVG);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(svg).contains("pause MANUAL", "pause 45s");
    assertThat(occurrences(svg, "<line class=\"pause\"")).isEqualTo(2);
    assertThat(svg)
        .contains("<g id=\"step-2\" opacity=\"0.4\">", "<g id=\"step-3\" opacity=\"0.4\">");
    assertThat(svg).doesNotContain("<g id=\"step-1\" opacity");
    assertThat(svg).endsWith("</svg>\n");
  }

  @Test
  void replannedPlanWithNoStepsRendersInEveryFormat() {
    var plan = RolloutPlanner.replan(rollout(2, "100%").build(), RolloutState.of(0, 2, 0));
    for (var f : Format.values()) {
      assertThat(RolloutPlanWriter.write(plan, f)).endsWith("\n");
    }
    assertThat(RolloutPlanWriter.write(plan, Format.TABLE)).contains("(no steps left)");
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
