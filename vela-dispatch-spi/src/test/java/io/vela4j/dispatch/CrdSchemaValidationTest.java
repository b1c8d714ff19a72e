package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.karmada.KarmadaDispatcher;
import io.vela4j.dispatch.ocm.OcmDispatcher;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.schema.CrdSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ManifestWork and Karmada policy we generate validates against the upstream CRD {@code
 * openAPIV3Schema} (../shared/crds; skipped when absent), with no unknown fields: exact field
 * names. Uses vela-model's {@code io.vela4j.model.schema} validator.
 */
class CrdSchemaValidationTest {

  private static CrdSchemas schemas;

  @BeforeAll
  static void load() throws Exception {
    Path crds = Fixtures.sharedDir().resolve("crds");
    assumeTrue(
        Files.isDirectory(crds.resolve("ocm")) && Files.isDirectory(crds.resolve("karmada")),
        "CRD folder " + crds + " is absent");
    schemas = CrdSchemas.load(crds.resolve("ocm"), crds.resolve("karmada"));
    assertThat(schemas.schemaFor("work.open-cluster-management.io/v1", "ManifestWork")).isPresent();
    assertThat(schemas.schemaFor("policy.karmada.io/v1alpha1", "OverridePolicy")).isPresent();
  }

  static Stream<Arguments> plans() {
    DispatchRequest base = Fixtures.exampleRequest();
    var ocm = new OcmDispatcher();
    var karmada = new KarmadaDispatcher();
    var orphanReadOnly =
        withPolicy(
            base,
            base.policy().toBuilder()
                .deletion(DispatchPolicy.Deletion.ORPHAN)
                .updateStrategy(DispatchPolicy.UpdateStrategy.READ_ONLY)
                .conflict(DispatchPolicy.Conflict.ABORT)
                .build());
    var chunked = withPolicy(base, base.policy().toBuilder().maxPayloadBytes(1500).build());
    var clusters = new ArrayList<>(base.placement().clusters());
    clusters.set(
        0, new ClusterAssignment(clusters.get(0).cluster(), 0, clusters.get(0).overriders()));
    var zero =
        new DispatchRequest(
            base.bundle(), new Placement(clusters), base.policy(), base.scopes(), Map.of());
    return Stream.of(
        Arguments.of("ocm example", ocm.plan(base)),
        Arguments.of("ocm orphan read-only", ocm.plan(orphanReadOnly)),
        Arguments.of("ocm chunked", ocm.plan(chunked)),
        Arguments.of(
            "ocm update/create-only",
            ocm.plan(
                withPolicy(
                    base,
                    base.policy().toBuilder()
                        .updateStrategy(DispatchPolicy.UpdateStrategy.CREATE_ONLY)
                        .build()))),
        Arguments.of("ocm placement scheduling", ocm.plan(OcmDispatcherTest.uniform())),
        Arguments.of("karmada example", karmada.plan(base)),
        Arguments.of("karmada orphan", karmada.plan(orphanReadOnly)),
        Arguments.of("karmada zero-replica cluster", karmada.plan(zero)));
  }

  static DispatchRequest withPolicy(DispatchRequest r, DispatchPolicy p) {
    return new DispatchRequest(r.bundle(), r.placement(), p, r.scopes(), r.options());
  }

  static boolean generatedByUs(Delivery d) {
    String av = d.key().apiVersion();
    return av.startsWith("work.open-cluster-management.io/")
        || av.startsWith("cluster.open-cluster-management.io/")
        || av.startsWith("policy.karmada.io/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyGeneratedOcmAndKarmadaObjectValidatesWithoutUnknownFields(
      String name, DispatchPlan plan) {
    List<Delivery> ours =
        plan.deliveries().stream().filter(CrdSchemaValidationTest::generatedByUs).toList();
    assertThat(ours).isNotEmpty();
    for (Delivery d : ours) {
      List<Diagnostic> problems = schemas.validate(d.body());
      assertThat(problems).as("%s: %s", name, d).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theValidatorWouldCatchAMisspelledOrMistypedField(String name, DispatchPlan plan) {
    Delivery d =
        plan.deliveries().stream()
            .filter(CrdSchemaValidationTest::generatedByUs)
            .findFirst()
            .orElseThrow();
    ObjectNode body = d.body();
    ((ObjectNode) body.get("spec")).put("deleteOptions", "typo");
    ((ObjectNode) body.get("spec")).put("resourceSelectors", "not-a-list");
    assertThat(schemas.validate(body)).isNotEmpty();
  }
}
