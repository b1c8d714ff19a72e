package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A plan carries the policy and labels it was made with; its deliveries keep trees, not text. */
class PlanCarriesItsSettingsTest {

  private static DispatchRequest request(DispatchPolicy policy) {
    DispatchRequest r = Fixtures.exampleRequest();
    return new DispatchRequest(r.bundle(), r.placement(), policy, r.scopes(), r.options());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ocm", "karmada", "direct"})
  void everyPlannerPutsTheRequestsPolicyAndItsBundleLabelInThePlan(String via) {
    DispatchPolicy policy =
        DispatchPolicy.builder()
            .fieldManager("team-a")
            .conflict(DispatchPolicy.Conflict.OVERWRITE)
            .build();
    DispatchRequest request = request(policy);
    DispatchPlan plan = Dispatchers.discover().get(via).plan(request);

    assertThat(plan.policy()).isEqualTo(policy);
    assertThat(plan.labels())
        .containsExactly(Map.entry("dispatch.vela4j.io/bundle", request.bundle().id()));
    // every wrapper object on the control plane carries the plan's labels
    assertThat(plan.deliveries())
        .filteredOn(d -> d.target() instanceof DeliveryTarget.ControlPlane)
        .filteredOn(
            d ->
                d.key().group().contains("karmada")
                    || d.key().group().contains("open-cluster-management"))
        .allSatisfy(d -> assertThat(d.labels()).containsAllEntriesOf(plan.labels()));
  }

  @Test
  void mergedPlansKeepTheSharedPolicyAndOnlyTheLabelsAllPlansCarry() {
    DispatchPolicy policy = DispatchPolicy.builder().prune(false).build();
    DispatchRequest a = request(policy);
    DispatchRequest b =
        new DispatchRequest(
            new Bundle("other", "1", a.bundle().manifests()),
            a.placement(),
            policy,
            a.scopes(),
            a.options());

    DispatchPlan one = RenderedDispatch.plan(Dispatchers.discover().get("ocm"), List.of(a));
    DispatchPlan two = RenderedDispatch.plan(Dispatchers.discover().get("ocm"), List.of(a, b));

    assertThat(one.policy()).isEqualTo(policy);
    assertThat(one.labels()).containsEntry("dispatch.vela4j.io/bundle", a.bundle().id());
    assertThat(two.policy()).isEqualTo(policy);
    assertThat(two.labels()).isEmpty();
    assertThatThrownBy(
            () ->
                RenderedDispatch.plan(
                    Dispatchers.discover().get("ocm"),
                    List.of(a, request(DispatchPolicy.defaults()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share one policy");
  }

  @Test
  void aDeliveryNeitherKeepsNorHandsOutItsCallersTree() {
    ObjectNode cm = JsonNodeFactory.instance.objectNode();
    cm.put("kind", "ConfigMap").put("apiVersion", "v1");
    cm.putObject("metadata").put("name", "c").putObject("labels").put("b", "2").put("a", "1");
    cm.putObject("data").put("k", "v");
    Delivery d = Delivery.of(DeliveryTarget.cluster("x"), 1, Delivery.Action.APPLY, cm);

    cm.withObject("/data").put("k", "changed");
    d.body().withObject("/data").put("k", "changed too");

    assertThat(d.json())
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"data\":{\"k\":\"v\"},\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"name\":\"c\"}}");
    assertThat(d.sizeBytes()).isEqualTo(d.json().length());
    assertThat(d.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(d.object().getAdditionalProperties()).containsKey("data");
  }

  @Test
  void theContentHashIsTheSha256OfTheCanonicalText() throws Exception {
    DispatchPlan plan = Dispatchers.discover().get("direct").plan(Fixtures.exampleRequest());
    var md = java.security.MessageDigest.getInstance("SHA-256");
    StringBuilder text = new StringBuilder(plan.dispatcher()).append('\n');
    for (Delivery d : plan.deliveries()) {
      text.append(d.target().display()).append('\n');
      text.append(d.wave()).append('\n');
      text.append(d.action().name()).append('\n');
      text.append(d.json()).append('\n');
    }
    String expected =
        java.util.HexFormat.of()
            .formatHex(
                md.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(plan.contentHash()).isEqualTo(expected);
  }
}
