package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.vela4j.dispatch.files.DispatchPlanWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Same request → byte-identical plan, whatever the order of manifests and clusters. */
class DeterminismPropertyTest {

  @Test
  void sameRequestGivesByteIdenticalPlansEvenWithShuffledInputs() {
    DispatchRequest base = Fixtures.exampleRequest();
    var dispatchers = Dispatchers.discover();
    qt().withExamples(60)
        .forAll(
            SourceDSL.longs().all(),
            SourceDSL.integers().between(1, 30_000),
            SourceDSL.arbitrary().pick(List.of("ocm", "karmada", "direct")))
        .checkAssert(
            (seed, limit, via) -> {
              var rnd = new Random(seed);
              var manifests = new ArrayList<>(base.bundle().manifests());
              Collections.shuffle(manifests, rnd);
              var clusters = new ArrayList<>(base.placement().clusters());
              Collections.shuffle(clusters, rnd);
              var policy = base.policy().toBuilder().maxPayloadBytes(1200 + limit).build();
              var a =
                  new DispatchRequest(
                      base.bundle(), base.placement(), policy, base.scopes(), Map.of());
              var b =
                  new DispatchRequest(
                      new Bundle("shop", "7", manifests),
                      new Placement(clusters),
                      policy,
                      base.scopes(),
                      Map.of());
              Dispatcher d = dispatchers.get(via);
              DispatchPlan p1 = d.plan(a);
              DispatchPlan p2 = d.plan(a);
              DispatchPlan p3 = d.plan(b);
              assertThat(p2.contentHash()).isEqualTo(p1.contentHash());
              assertThat(DispatchPlanWriter.stream(p2)).isEqualTo(DispatchPlanWriter.stream(p1));
              assertThat(p3.contentHash()).isEqualTo(p1.contentHash());
              assertThat(DispatchPlanWriter.stream(p3)).isEqualTo(DispatchPlanWriter.stream(p1));
              assertThat(p3.deliveries()).isEqualTo(p1.deliveries());
            });
  }

  @Test
  void anyChangeToTheRequestChangesTheHash() {
    DispatchRequest base = Fixtures.exampleRequest();
    var ocm = Dispatchers.discover().get("ocm");
    String h = ocm.plan(base).contentHash();
    var other =
        new DispatchRequest(
            new Bundle("shop", "8", base.bundle().manifests()),
            base.placement(),
            base.policy(),
            base.scopes(),
            Map.of());
    assertThat(ocm.plan(other).contentHash()).isNotEqualTo(h);
    var fm =
        new DispatchRequest(
            base.bundle(),
            base.placement(),
            base.policy().toBuilder().fieldManager("other").build(),
            base.scopes(),
            Map.of());
    assertThat(ocm.plan(fm).contentHash()).isNotEqualTo(h);
  }
}
