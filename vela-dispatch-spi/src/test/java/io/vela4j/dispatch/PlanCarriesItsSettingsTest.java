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

  @Test
  void perClusterObjectsAreCopiedOnWriteAndNeverChangeTheBundle() {
    DispatchRequest request = Fixtures.exampleRequest();
    List<String> before =
        request.bundle().manifests().stream().map(Manifest::canonicalJson).toList();

    DesiredState state = DesiredState.compute(request);
    for (String via : List.of("ocm", "karmada", "direct")) {
      Dispatchers.discover().get(via).plan(request);
    }

    assertThat(request.bundle().manifests().stream().map(Manifest::canonicalJson).toList())
        .isEqualTo(before);
    var eu = state.objects("eu-1");
    var ap = state.objects("ap-1");
    var us = state.objects("us-1");
    String web = "apps/v1/Deployment/shop/web";
    java.util.function.BiFunction<List<Manifest>, String, Manifest> find =
        (ms, k) ->
            ms.stream()
                .filter(
                    m ->
                        (m.key().apiVersion()
                                + "/"
                                + m.key().kind()
                                + "/"
                                + m.key().namespace()
                                + "/"
                                + m.key().name())
                            .equals(k))
                .findFirst()
                .orElseThrow();
    assertThat(find.apply(eu, web).body().at("/spec/template/spec/containers/0/image").asText())
        .endsWith(":1.1");
    assertThat(find.apply(eu, web).body().at("/metadata/labels/tier").asText()).isEqualTo("gold");
    assertThat(find.apply(ap, web).body().at("/spec/template/spec/containers/0/image").asText())
        .startsWith("mirror.ap.example.com/");
    assertThat(find.apply(ap, web).body().at("/metadata/labels/tier").isMissingNode()).isTrue();
    assertThat(find.apply(us, web).body().at("/spec/template/spec/containers/0/args").toString())
        .contains("--verbose");
    assertThat(find.apply(eu, web).body().at("/spec/template/spec/containers/0/args").toString())
        .doesNotContain("--verbose");
  }

  @Test
  void sizesCountedWithoutWritingEqualTheWrittenJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("text", "a \"quoted\" \\ line\nwith tab\t, ctrl \u0001, é, 日本, 🙂");
    o.put("int", -42).put("long", 1L << 40).put("double", 0.1).put("float", 1.5f);
    o.put("decimal", new java.math.BigDecimal("12345678901234567890.000123"));
    o.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    o.put("yes", true).putNull("nothing");
    o.putArray("list").add(1).add("two").addObject().putArray("empty");
    o.putObject("empty");
    o.put("controls", "\b\f\r\u001f\u007f\u0080\u07ff\u0800\uffff/<>&'");
    o.putObject("example.com/key").put("ключ", "значение");
    var sizes = new io.vela4j.dispatch.internal.JsonSizes().remember(o.get("list"));
    assertThat(sizes.of(o))
        .isEqualTo(
            io.vela4j.dispatch.internal.Json.write(o)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length)
        .isEqualTo(io.vela4j.dispatch.internal.Json.utf8Size(o));
    for (String via : List.of("ocm", "karmada", "direct")) {
      for (Delivery d :
          Dispatchers.discover().get(via).plan(Fixtures.exampleRequest()).deliveries()) {
        assertThat(new io.vela4j.dispatch.internal.JsonSizes().of(d.body()))
            .isEqualTo(d.json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
      }
    }
  }
}
