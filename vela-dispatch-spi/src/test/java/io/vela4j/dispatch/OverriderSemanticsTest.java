package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.Overrider.ContainerArgs;
import io.vela4j.dispatch.Overrider.ContainerCommand;
import io.vela4j.dispatch.Overrider.Image;
import io.vela4j.dispatch.Overrider.ImageComponent;
import io.vela4j.dispatch.Overrider.JsonPatch;
import io.vela4j.dispatch.Overrider.Labels;
import io.vela4j.dispatch.Overrider.ListOperator;
import io.vela4j.dispatch.Overrider.Operator;
import io.vela4j.dispatch.Overrider.PatchOp;
import io.vela4j.dispatch.internal.ImageRef;
import io.vela4j.dispatch.internal.JsonPatcher;
import io.vela4j.dispatch.internal.OverriderEngine;
import io.vela4j.model.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the Karmada overrider semantics our shared step reproduces (pkg/util/overridemanager). */
class OverriderSemanticsTest {
  private static final ObjectMapper M = new ObjectMapper();

  static ObjectNode deployment(String image) throws Exception {
    return (ObjectNode)
        M.readTree(
            ("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'w','namespace':'n'},"
                    + "'spec':{'replicas':1,'template':{'spec':{'containers':[{'name':'c','image':'IMG'}]}}}}")
                .replace('\'', '"')
                .replace("IMG", image));
  }

  static String image(String img, ImageComponent c, Operator op, String v) throws Exception {
    ObjectNode d = deployment(img);
    OverriderEngine.apply(
        new Image(c, op, v, ResourceSelector.ALL),
        ResourceKey.of("apps/v1", "Deployment", "n", "w"),
        d);
    return d.at("/spec/template/spec/containers/0/image").asText();
  }

  @Test
  void imageRegistryIsEverythingBeforeTheFirstSlashLikeKarmadasSplitHostname() throws Exception {
    // karmada imageparser.SplitHostname: "library/nginx" has hostname "library".
    assertThat(image("library/nginx:1.0", ImageComponent.REGISTRY, Operator.REPLACE, "reg.io"))
        .isEqualTo("reg.io/nginx:1.0");
    assertThat(image("nginx:1.0", ImageComponent.REGISTRY, Operator.REPLACE, "reg.io"))
        .isEqualTo("reg.io/nginx:1.0");
    assertThat(image("reg.io:5000/a/b:1", ImageComponent.REGISTRY, Operator.REMOVE, ""))
        .isEqualTo("a/b:1");
    assertThat(image("reg.io/a/b:1", ImageComponent.REGISTRY, Operator.ADD, "-mirror"))
        .isEqualTo("reg.io-mirror/a/b:1");
  }

  @Test
  void imageRepositoryAndTagOperatorsFollowKarmada() throws Exception {
    assertThat(image("reg.io/a/b:1", ImageComponent.REPOSITORY, Operator.ADD, "-x"))
        .isEqualTo("reg.io/a/b-x:1");
    assertThat(image("reg.io/a/b:1", ImageComponent.REPOSITORY, Operator.REPLACE, "z"))
        .isEqualTo("reg.io/z:1");
    assertThat(image("reg.io/a/b:1", ImageComponent.TAG, Operator.ADD, "-rc"))
        .isEqualTo("reg.io/a/b:1-rc");
    assertThat(image("reg.io/a/b:1", ImageComponent.TAG, Operator.REMOVE, ""))
        .isEqualTo("reg.io/a/b");
    String digest = "sha256:" + "a".repeat(64);
    assertThat(image("reg.io/a/b:1", ImageComponent.TAG, Operator.REPLACE, digest))
        .isEqualTo("reg.io/a/b@" + digest);
    // A reference with tag and digest keeps only the tag (reference.Tagged wins).
    assertThat(image("reg.io/a/b:1@" + digest, ImageComponent.REGISTRY, Operator.REPLACE, "r"))
        .isEqualTo("r/a/b:1");
    // An invalid tag value leaves the image unchanged (SetTagOrDigest matches neither regexp).
    assertThat(image("reg.io/a/b:1", ImageComponent.TAG, Operator.REPLACE, "not valid!"))
        .isEqualTo("reg.io/a/b:1");
    assertThat(ImageRef.parse("reg.io/UPPER:1")).isNull();
  }

  @Test
  void unparseableImagesFailTheOverrideLikeKarmada() {
    assertThatThrownBy(() -> image("Bad Image", ImageComponent.TAG, Operator.REPLACE, "1"))
        .isInstanceOf(JsonPatcher.PatchException.class)
        .hasMessageContaining("cannot parse the image");
  }

  @Test
  void imagesAreOnlyFoundInKarmadasWorkloadKindsAndCommandsNotInJobs() throws Exception {
    ObjectNode job =
        (ObjectNode)
            M.readTree(
                "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"j\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"a:1\"}]}}}}");
    ResourceKey jk = ResourceKey.of("batch/v1", "Job", null, "j");
    assertThat(
            OverriderEngine.apply(
                new Image(ImageComponent.TAG, Operator.REPLACE, "2", ResourceSelector.ALL),
                jk,
                job))
        .isTrue();
    assertThat(job.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("a:2");
    // Karmada's command/args overriders skip Job.
    assertThat(
            OverriderEngine.apply(
                new ContainerArgs("c", ListOperator.ADD, List.of("-v"), ResourceSelector.ALL),
                jk,
                job))
        .isFalse();
    assertThat(job.at("/spec/template/spec/containers/0").has("args")).isFalse();
    ObjectNode cron =
        (ObjectNode)
            M.readTree(
                "{\"apiVersion\":\"batch/v1\",\"kind\":\"CronJob\",\"metadata\":{\"name\":\"j\"}}");
    assertThat(
            OverriderEngine.apply(
                new Image(ImageComponent.TAG, Operator.REPLACE, "2", ResourceSelector.ALL),
                ResourceKey.of("batch/v1", "CronJob", null, "j"),
                cron))
        .isFalse();
  }

  @Test
  void argsAddAppendsOrCreatesAndRemoveDropsEveryOccurrence() throws Exception {
    ObjectNode d = deployment("a:1");
    ResourceKey k = ResourceKey.of("apps/v1", "Deployment", "n", "w");
    OverriderEngine.apply(
        new ContainerArgs("c", ListOperator.ADD, List.of("-a", "-b", "-a"), ResourceSelector.ALL),
        k,
        d);
    OverriderEngine.apply(
        new ContainerArgs("c", ListOperator.REMOVE, List.of("-a"), ResourceSelector.ALL), k, d);
    assertThat(d.at("/spec/template/spec/containers/0/args").toString()).isEqualTo("[\"-b\"]");
    // remove on a container without command creates an empty list (Karmada emits add with []).
    OverriderEngine.apply(
        new ContainerCommand("c", ListOperator.REMOVE, List.of("x"), ResourceSelector.ALL), k, d);
    assertThat(d.at("/spec/template/spec/containers/0/command").toString()).isEqualTo("[]");
    assertThat(
            OverriderEngine.apply(
                new ContainerArgs("other", ListOperator.ADD, List.of("-z"), ResourceSelector.ALL),
                k,
                d))
        .isFalse();
  }

  @Test
  void labelsReplaceAndRemoveOnlyTouchExistingKeysWhileAddCreatesTheMap() throws Exception {
    ObjectNode d = deployment("a:1");
    ResourceKey k = ResourceKey.of("apps/v1", "Deployment", "n", "w");
    OverriderEngine.apply(
        new Labels(Operator.REPLACE, Map.of("x", "1"), ResourceSelector.ALL), k, d);
    assertThat(d.at("/metadata").has("labels")).isFalse();
    OverriderEngine.apply(
        new Labels(
            Operator.ADD, Map.of("x", "1", "app.kubernetes.io/name", "w"), ResourceSelector.ALL),
        k,
        d);
    OverriderEngine.apply(
        new Labels(Operator.REPLACE, Map.of("x", "2", "y", "3"), ResourceSelector.ALL), k, d);
    OverriderEngine.apply(
        new Labels(Operator.REMOVE, Map.of("app.kubernetes.io/name", ""), ResourceSelector.ALL),
        k,
        d);
    assertThat(d.at("/metadata/labels").toString()).isEqualTo("{\"x\":\"2\"}");
  }

  @Test
  void jsonPatchFollowsRfc6902ForAddReplaceRemove() throws Exception {
    ObjectNode d = deployment("a:1");
    ResourceKey k = ResourceKey.of("apps/v1", "Deployment", "n", "w");
    OverriderEngine.apply(
        new JsonPatch(
            List.of(
                new PatchOp(
                    Operator.ADD,
                    "/spec/template/spec/containers/-",
                    M.readTree("{\"name\":\"s\"}")),
                new PatchOp(Operator.ADD, "/metadata/annotations", M.readTree("{}")),
                new PatchOp(Operator.ADD, "/metadata/annotations/a~1b", M.readTree("\"v\"")),
                new PatchOp(Operator.REPLACE, "/spec/replicas", M.readTree("5")),
                new PatchOp(Operator.REMOVE, "/spec/template/spec/containers/0", null)),
            ResourceSelector.ALL),
        k,
        d);
    assertThat(d.at("/spec/template/spec/containers").toString()).isEqualTo("[{\"name\":\"s\"}]");
    assertThat(d.at("/metadata/annotations").toString()).isEqualTo("{\"a/b\":\"v\"}");
    assertThat(d.at("/spec/replicas").asInt()).isEqualTo(5);
    assertThatThrownBy(
            () ->
                OverriderEngine.apply(
                    new JsonPatch(
                        List.of(new PatchOp(Operator.REPLACE, "/spec/missing", M.readTree("1"))),
                        ResourceSelector.ALL),
                    k,
                    d))
        .hasMessageContaining("/spec/missing does not exist");
  }

  @Test
  void overridesApplyAfterReplicasGroupedBySelectorInKarmadaOrder() throws Exception {
    Manifest dep = Manifest.of(deployment("a:1"));
    // jsonPatch declared before labels, but Karmada applies labels before plaintext within a rule,
    // so the patch sees (and can replace) the label.
    var overrides =
        List.<Overrider>of(
            new JsonPatch(
                List.of(
                    new PatchOp(
                        Operator.REPLACE, "/metadata/labels/tier", M.readTree("\"patched\""))),
                ResourceSelector.ALL),
            new Labels(Operator.ADD, Map.of("tier", "gold"), ResourceSelector.ALL),
            new JsonPatch(
                List.of(new PatchOp(Operator.REPLACE, "/spec/replicas", M.readTree("9"))),
                ResourceSelector.of("Deployment", "w")));
    var req =
        DispatchRequest.of(
            Bundle.of("b", List.of(dep)),
            new Placement(List.of(new ClusterAssignment(MemberCluster.named("c"), 4, overrides))),
            DispatchPolicy.defaults());
    Manifest out = DesiredState.compute(req).objects("c").get(0);
    assertThat(out.body().at("/metadata/labels/tier").asText()).isEqualTo("patched");
    assertThat(out.body().at("/spec/replicas").asInt()).isEqualTo(9);
  }

  @Test
  void failingOverridesAreReportedPerClusterWithTheirPath() throws Exception {
    Manifest dep = Manifest.of(deployment("a:1"));
    var bad =
        new JsonPatch(
            List.of(new PatchOp(Operator.REMOVE, "/spec/nothing", null)), ResourceSelector.ALL);
    var nomatch = new Labels(Operator.ADD, Map.of("a", "b"), ResourceSelector.of("ConfigMap", "x"));
    var req =
        DispatchRequest.of(
            Bundle.of("b", List.of(dep)),
            new Placement(
                List.of(
                    ClusterAssignment.of("ok"),
                    new ClusterAssignment(
                        MemberCluster.named("bad"), null, List.of(nomatch, bad)))),
            DispatchPolicy.defaults());
    assertThatThrownBy(() -> DesiredState.compute(req))
        .isInstanceOf(DispatchException.class)
        .satisfies(
            e ->
                assertThat(((DispatchException) e).diagnostics())
                    .extracting(Diagnostic::code, Diagnostic::path)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "OVERRIDER_FAILED", "clusters[1].overrides[1]")));
    var req2 =
        DispatchRequest.of(
            req.bundle(),
            new Placement(
                List.of(new ClusterAssignment(MemberCluster.named("c"), null, List.of(nomatch)))),
            DispatchPolicy.defaults());
    assertThat(DesiredState.compute(req2).diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OVERRIDER_NO_MATCH", "clusters[0].overrides[0]"));
  }

  @Test
  void clustersWithIdenticalAssignmentsShareTheirObjects() {
    DispatchRequest base = Fixtures.exampleRequest();
    var a = base.placement().clusters().get(0);
    var twin = new ClusterAssignment(MemberCluster.named("twin"), a.replicas(), a.overriders());
    var list = new java.util.ArrayList<>(base.placement().clusters());
    list.add(twin);
    var state =
        DesiredState.compute(
            new DispatchRequest(
                base.bundle(), new Placement(list), base.policy(), base.scopes(), Map.of()));
    assertThat(state.objects("twin")).isSameAs(state.objects(a.name()));
  }
}
