package io.vela4j.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.render.spi.Patch;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The patch engine against the cases of KubeVela's own tests ({@code TestPatch} and {@code
 * TestStrategyPatch} in kubevela/workflow {@code pkg/cue/model/sets/operation_test.go}), each named
 * after the behaviour it pins. Cases that need CUE-only constructs ({@code close()}, {@code _|_} in
 * the base) are covered by the CUE engine's tests instead.
 */
class PatchEngineTest {

  static ObjectNode json(String s) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  static ObjectNode strategic(String base, String patch, Map<String, Map<String, String>> tags) {
    return PatchEngine.apply(
        json(base), new Patch(Patch.Strategy.STRATEGIC, json(patch), tags, Map.of()));
  }

  static final Map<String, String> NAME = Map.of("patchKey", "name");

  @Test
  void listsWithoutAKeyUnifyPositionally() {
    assertThat(
            strategic(
                "{'containers':[{'name':'x1'},{'name':'x2'}]}",
                "{'containers':[{'name':'x1'},{'name':'x2','image':'pause:0.1'}]}",
                Map.of()))
        .isEqualTo(json("{'containers':[{'name':'x1'},{'name':'x2','image':'pause:0.1'}]}"));
  }

  @Test
  void swappedItemsWithoutAKeyConflict() {
    assertThatThrownBy(
            () ->
                strategic(
                    "{'containers':[{'name':'x1'},{'name':'x2'}]}",
                    "{'containers':[{'name':'x2'},{'name':'x1'}]}",
                    Map.of()))
        .isInstanceOf(PatchEngine.PatchFailure.class)
        .hasMessageContaining("conflicting values")
        .satisfies(
            e ->
                assertThat(((PatchEngine.PatchFailure) e).pointer())
                    .isEqualTo("/containers/0/name"));
  }

  @Test
  void swappedItemsWithAPatchKeyMergeInTargetOrder() {
    assertThat(
            strategic(
                "{'containers':[{'name':'x1'},{'name':'x2'}]}",
                "{'containers':[{'name':'x2'},{'name':'x1'}]}",
                Map.of("/containers", NAME)))
        .isEqualTo(json("{'containers':[{'name':'x1'},{'name':'x2'}]}"));
  }

  @Test
  void newItemsAreAppendedInPatchOrder() {
    assertThat(
            strategic(
                "{'containers':[{'name':'x1'},{'name':'x2'}]}",
                "{'containers':[{'name':'x4'},{'name':'x3'},{'name':'x1'}]}",
                Map.of("/containers", NAME)))
        .isEqualTo(
            json("{'containers':[{'name':'x1'},{'name':'x2'},{'name':'x4'},{'name':'x3'}]}"));
  }

  @Test
  void whenNoPatchItemHasTheKeyTheListUnifiesPositionally() {
    // KubeVela: base [{name:x1},{name:x2}] + [{noname:x3}] is _|_ (a closed patch list shorter
    // than its target)
    assertThatThrownBy(
            () ->
                strategic(
                    "{'containers':[{'name':'x1'},{'name':'x2'}]}",
                    "{'containers':[{'noname':'x3'}]}",
                    Map.of("/containers", NAME)))
        .isInstanceOf(PatchEngine.PatchFailure.class)
        .hasMessageContaining("incompatible list lengths");
  }

  @Test
  void patchItemsWithoutTheKeyAreDroppedWhenAnotherHasIt() {
    assertThat(
            strategic(
                "{'containers':[{'name':'x1'},{'name':'x2'}]}",
                "{'containers':[{'noname':'x3'},{'name':'x1'}]}",
                Map.of("/containers", NAME)))
        .isEqualTo(json("{'containers':[{'name':'x1'},{'name':'x2'}]}"));
  }

  @Test
  void patchKeyIsInheritedByListsInsideMatchedItems() {
    assertThat(
            strategic(
                "{'containers':[{'name':'x1'},{'name':'x2','envs':[{'name':'OPS','value':'old'}]}]}",
                "{'containers':[{'name':'x2','envs':[{'name':'USER','value':'DEV'},{'name':'OPS','value':'old'}]}]}",
                Map.of("/containers", NAME)))
        .isEqualTo(
            json(
                "{'containers':[{'name':'x1'},{'name':'x2','envs':[{'name':'OPS','value':'old'},{'name':'USER','value':'DEV'}]}]}"));
  }

  @Test
  void anInnerPatchKeyOverridesTheInheritedOne() {
    assertThat(
            strategic(
                "{'containers':[{'name':'x1'},{'name':'x2','envs':[{'key':'OPS','value':'OAM'}]}]}",
                "{'containers':[{'name':'x2','envs':[{'key':'USER','value':'DEV'},{'key':'OPS','value':'OAM'}]}]}",
                Map.of("/containers", NAME, "/containers/0/envs", Map.of("patchKey", "key"))))
        .isEqualTo(
            json(
                "{'containers':[{'name':'x1'},{'name':'x2','envs':[{'key':'OPS','value':'OAM'},{'key':'USER','value':'DEV'}]}]}"));
  }

  @Test
  void aDottedKeyMatchesNestedValues() {
    assertThat(
            strategic(
                "{'envFrom':[{'secretRef':{'name':'nginx-rds'}}]}",
                "{'envFrom':[{'secretRef':{'name':'nginx-redis'}}]}",
                Map.of("/envFrom", Map.of("patchKey", "secretRef.name"))))
        .isEqualTo(
            json(
                "{'envFrom':[{'secretRef':{'name':'nginx-rds'}},{'secretRef':{'name':'nginx-redis'}}]}"));
  }

  @Test
  void commaSeparatedKeysEachMatchTheirItems() {
    assertThat(
            strategic(
                "{'containers':[{'name':'c1'},{'name':'c2','envFrom':[{'secretRef':{'name':'nginx-rds'}},{'configMapRef':{'name':'nginx-rds'}}]}]}",
                "{'containers':[{'name':'c2','envFrom':[{'secretRef':{'name':'nginx-redis'}},{'configMapRef':{'name':'nginx-redis'}}]}]}",
                Map.of(
                    "/containers",
                    NAME,
                    "/containers/0/envFrom",
                    Map.of("patchKey", "secretRef.name,configMapRef.name"))))
        .isEqualTo(
            json(
                "{'containers':[{'name':'c1'},{'name':'c2','envFrom':["
                    + "{'secretRef':{'name':'nginx-rds'}},{'configMapRef':{'name':'nginx-rds'}},"
                    + "{'secretRef':{'name':'nginx-redis'}},{'configMapRef':{'name':'nginx-redis'}}]}]}"));
  }

  @Test
  void unkeyedListsLengthenPositionallyNextToKeyedOnes() {
    assertThat(
            strategic(
                "{'containers':[{'volumeMounts':[{'name':'k1','path':'p1'},{'name':'k1','path':'p2'}]}],"
                    + "'volumes':[{'name':'x1','value':'v1'},{'name':'x2','value':'v2'}]}",
                "{'volumes':[{'name':'x1','value':'v1'},{'name':'x3','value':'x2'}],"
                    + "'containers':[{'volumeMounts':[{'name':'k1','path':'p1'},{'name':'k1','path':'p2'},{'name':'k2','path':'p3'}]}]}",
                Map.of("/volumes", NAME)))
        .isEqualTo(
            json(
                "{'containers':[{'volumeMounts':[{'name':'k1','path':'p1'},{'name':'k1','path':'p2'},{'name':'k2','path':'p3'}]}],"
                    + "'volumes':[{'name':'x1','value':'v1'},{'name':'x2','value':'v2'},{'name':'x3','value':'x2'}]}"));
  }

  @Test
  void retainKeysOnAFieldReplacesIt() {
    assertThat(
            strategic(
                "{'spec':{'strategy':{'type':'rollingUpdate','rollingUpdate':{'maxSurge':'30%'}}}}",
                "{'spec':{'strategy':{'type':'recreate'}}}",
                Map.of("/spec/strategy", Map.of("patchStrategy", "retainKeys"))))
        .isEqualTo(json("{'spec':{'strategy':{'type':'recreate'}}}"));
  }

  @Test
  void retainKeysOnAKeyedListReplacesMatchedItems() {
    assertThat(
            strategic(
                "{'volumes':[{'name':'empty-volume','emptyDir':{}},{'name':'test-volume','cinder':{'volumeID':'x','fsType':'ext4'}}]}",
                "{'volumes':[{'name':'test-volume','configMap':{'name':'conf-name'}}]}",
                Map.of("/volumes", Map.of("patchKey", "name", "patchStrategy", "retainKeys"))))
        .isEqualTo(
            json(
                "{'volumes':[{'name':'empty-volume','emptyDir':{}},{'name':'test-volume','configMap':{'name':'conf-name'}}]}"));
  }

  @Test
  void retainKeysOnAnInnerKeyedListReplacesTheList() {
    // KubeVela: an inner list with its own retainKeys (and the inherited patchKey) keeps only the
    // patch's matching items
    assertThat(
            strategic(
                "{'containers':[{'name':'c1','image':'image1'},{'name':'c2','envs':[{'name':'e1','value':'v1'}]}]}",
                "{'containers':[{'name':'c2','envs':[{'name':'e1','value':'v2'}]}]}",
                Map.of(
                    "/containers",
                    NAME,
                    "/containers/0/envs",
                    Map.of("patchStrategy", "retainKeys"))))
        .isEqualTo(
            json(
                "{'containers':[{'name':'c1','image':'image1'},{'name':'c2','envs':[{'name':'e1','value':'v2'}]}]}"));
  }

  @Test
  void retainKeysOnAParentStructReplacesItWhole() {
    assertThat(
            strategic(
                "{'spec':{'containers':[{'name':'c1','image':'image1'},{'name':'c2','envs':[{'name':'e1','value':'v1'}]}]}}",
                "{'spec':{'containers':[{'name':'c2','envs':[{'name':'e1','value':'v2'}]}]}}",
                Map.of("/spec", Map.of("patchKey", "name", "patchStrategy", "retainKeys"))))
        .isEqualTo(
            json("{'spec':{'containers':[{'name':'c2','envs':[{'name':'e1','value':'v2'}]}]}}"));
  }

  @Test
  void retainKeysOnScalarsReplacesOnlyThem() {
    assertThat(
            strategic(
                "{'kind':'Old','metadata':{'name':'Old','labels':{'keep':'true'}}}",
                "{'kind':'New','metadata':{'name':'New'}}",
                Map.of(
                    "/kind", Map.of("patchStrategy", "retainKeys"),
                    "/metadata/name", Map.of("patchStrategy", "retainKeys"))))
        .isEqualTo(json("{'kind':'New','metadata':{'name':'New','labels':{'keep':'true'}}}"));
  }

  @Test
  void replaceOnAListReplacesIt() {
    assertThat(
            strategic(
                "{'args':['a','b','c']}",
                "{'args':['x']}",
                Map.of("/args", Map.of("patchStrategy", "replace"))))
        .isEqualTo(json("{'args':['x']}"));
  }

  @Test
  void theKeyedRebuildDriftsPastTargetItemsWithoutTheKey() {
    // KubeVela's documented quirk: keyless target items get no slot of their own, so positions
    // drift ([{namex:x1}] + patchKey=name [{name:x2},{name:x1}] -> [{name:x2,namex:x1},{name:x1}])
    assertThat(
            strategic(
                "{'containers':[{'namex':'x1'}]}",
                "{'containers':[{'name':'x2'},{'name':'x1'}]}",
                Map.of("/containers", NAME)))
        .isEqualTo(json("{'containers':[{'namex':'x1','name':'x2'},{'name':'x1'}]}"));
  }

  @Test
  void anOpenListConstraintAppliesToTheTargetsRemainingItems() {
    Patch p =
        new Patch(
            Patch.Strategy.STRATEGIC,
            json("{'containers':[]}"),
            Map.of(),
            Map.of(
                "/containers",
                (Patch.ElementConstraint)
                    items ->
                        items.stream()
                            .map(
                                item -> {
                                  ObjectNode o = ((ObjectNode) item).deepCopy();
                                  o.putObject("lifecycle").put("preStop", "x");
                                  return (JsonNode) o;
                                })
                            .toList()));
    assertThat(PatchEngine.apply(json("{'containers':[{'name':'a'},{'name':'b'}]}"), p))
        .isEqualTo(
            json(
                "{'containers':[{'name':'a','lifecycle':{'preStop':'x'}},{'name':'b','lifecycle':{'preStop':'x'}}]}"));
  }

  @Test
  void scalarsOfDifferentNumericKindsConflictAsInCue() {
    assertThatThrownBy(() -> strategic("{'a':1}", "{'a':1.0}", Map.of()))
        .hasMessageContaining("conflicting values");
    assertThat(strategic("{'a':1.50}", "{'a':1.5}", Map.of())).isEqualTo(json("{'a':1.50}"));
  }

  @Test
  void jsonMergePatchDeletesWithNullAndReplacesLists() {
    Patch p =
        new Patch(
            Patch.Strategy.JSON_MERGE_PATCH,
            json("{'metadata':{'labels':{'drop':null,'add':'y'}},'list':[3]}"),
            Map.of(),
            Map.of());
    assertThat(
            PatchEngine.apply(
                json("{'metadata':{'labels':{'drop':'x','keep':'k'}},'list':[1,2]}"), p))
        .isEqualTo(json("{'metadata':{'labels':{'keep':'k','add':'y'}},'list':[3]}"));
  }

  @Test
  void jsonPatchAppliesOperationsInOrder() {
    Patch p =
        new Patch(
            Patch.Strategy.JSON_PATCH,
            json(
                "{'operations':[{'op':'add','path':'/spec/replicas','value':3},"
                    + "{'op':'replace','path':'/spec/template/spec/containers/0/image','value':'b'},"
                    + "{'op':'remove','path':'/metadata/labels/x'},"
                    + "{'op':'add','path':'/spec/template/spec/containers/-','value':{'name':'s'}},"
                    + "{'op':'copy','from':'/metadata/name','path':'/metadata/labels/name'},"
                    + "{'op':'move','from':'/metadata/labels/y','path':'/metadata/annotations/y'},"
                    + "{'op':'test','path':'/spec/replicas','value':3}]}"),
            Map.of(),
            Map.of());
    ObjectNode out =
        PatchEngine.apply(
            json(
                "{'metadata':{'name':'n','labels':{'x':'1','y':'2'},'annotations':{}},"
                    + "'spec':{'template':{'spec':{'containers':[{'name':'c','image':'a'}]}}}}"),
            p);
    assertThat(out)
        .isEqualTo(
            json(
                "{'metadata':{'name':'n','labels':{'name':'n'},'annotations':{'y':'2'}},"
                    + "'spec':{'template':{'spec':{'containers':[{'name':'c','image':'b'},{'name':'s'}]}},'replicas':3}}"));
  }

  @Test
  void jsonPatchFailuresNameTheOperation() {
    Patch p =
        new Patch(
            Patch.Strategy.JSON_PATCH,
            json("{'operations':[{'op':'replace','path':'/spec/missing','value':1}]}"),
            Map.of(),
            Map.of());
    assertThatThrownBy(() -> PatchEngine.apply(json("{'spec':{}}"), p))
        .hasMessageContaining("jsonPatch operation 0 (replace /spec/missing)");
  }

  @Test
  void theTargetIsNeverModified() {
    ObjectNode target = json("{'a':{'b':[1,2]}}");
    JsonNode before = target.deepCopy();
    strategicOn(target, "{'a':{'c':1}}");
    assertThat(target).isEqualTo(before);
  }

  private static void strategicOn(ObjectNode target, String patch) {
    PatchEngine.apply(target, Patch.strategic(json(patch)));
  }
}
