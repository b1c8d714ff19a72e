package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScope;
import io.vela4j.model.kube.ResourceScopes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiValueTypesTest {
  private static final ObjectMapper M = new ObjectMapper();

  static ObjectNode obj(String json) throws Exception {
    return (ObjectNode) M.readTree(json.replace('\'', '"'));
  }

  @Test
  void resourceKeyEqualityIgnoresVersionAndSortsCanonically() {
    var a = ResourceKey.of("apps/v1", "Deployment", "shop", "web");
    var b = ResourceKey.of("apps/v1beta2", "Deployment", "shop", "web");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.canonical()).isEqualTo("apps/Deployment/shop/web");
    var ns = ResourceKey.of("v1", "Namespace", null, "shop");
    assertThat(List.of(a, ns).stream().sorted().toList()).containsExactly(ns, a);
    assertThat(ns.apiVersion()).isEqualTo("v1");
  }

  @Test
  void manifestDropsServerFieldsAndClusterScopedNamespace() throws Exception {
    var m =
        Manifest.of(
            obj(
                "{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop','namespace':'x',"
                    + "'uid':'u','resourceVersion':'1','managedFields':[],"
                    + "'creationTimestamp':'t'},'status':{'phase':'Active'}}"),
            ResourceScopes.builtin());
    assertThat(m.key().namespace()).isNull();
    assertThat(m.canonicalJson())
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}");
  }

  @Test
  void manifestBodyIsACopy() throws Exception {
    var m = Manifest.of(obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'}}"));
    m.body().put("data", "x");
    assertThat(m.body().has("data")).isFalse();
  }

  @Test
  void manifestWithoutNameIsRejectedWithCode() throws Exception {
    assertThatThrownBy(() -> Manifest.of(obj("{'apiVersion':'v1','kind':'ConfigMap'}")))
        .isInstanceOf(DispatchException.class)
        .satisfies(
            e ->
                assertThat(((DispatchException) e).diagnostics())
                    .extracting(Diagnostic::code)
                    .containsExactly("MISSING_NAME"));
    assertThatThrownBy(
            () ->
                Manifest.of(
                    obj("{'apiVersion':'v1','kind':'Pod','metadata':{'generateName':'p-'}}")))
        .isInstanceOf(DispatchException.class)
        .hasMessageContaining("generateName");
  }

  @Test
  void bundleRejectsDuplicateKeysAcrossVersions() throws Exception {
    var a =
        Manifest.of(obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'w'}}"));
    var b =
        Manifest.of(
            obj("{'apiVersion':'apps/v1beta2','kind':'Deployment','metadata':{'name':'w'}}"));
    assertThatThrownBy(() -> Bundle.of("b", List.of(a, b)))
        .isInstanceOf(DispatchException.class)
        .satisfies(
            e ->
                assertThat(((DispatchException) e).diagnostics())
                    .extracting(Diagnostic::code, Diagnostic::path)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DUPLICATE_KEY", "manifests[1]")));
    assertThatThrownBy(() -> Bundle.of("Bad_Name", List.of(a))).hasMessageContaining("DNS-1123");
  }

  @Test
  void explicitRegistrationBeatsDiscovery() {
    Dispatcher fake =
        new Dispatcher() {
          @java.lang.Override
          public String id() {
            return "direct";
          }

          @java.lang.Override
          public Capabilities capabilities() {
            return new Capabilities(
                Capabilities.OverrideSupport.RENDERED,
                false,
                false,
                false,
                Capabilities.GarbageCollection.INVENTORY,
                0);
          }

          @java.lang.Override
          public DispatchPlan plan(DispatchRequest request) {
            return DispatchPlan.of("direct", List.of(), List.of());
          }
        };
    var r = Dispatchers.discover().with(fake);
    assertThat(r.get("direct")).isSameAs(fake);
    assertThatThrownBy(() -> r.get("nope"))
        .isInstanceOf(DispatchException.class)
        .hasMessageContaining("no dispatcher with id 'nope'");
  }

  @Test
  void guessPluralFollowsKubernetesRules() {
    assertThat(ResourceScopes.guessPlural("Policy")).isEqualTo("policies");
    assertThat(ResourceScopes.guessPlural("Ingress")).isEqualTo("ingresses");
    assertThat(ResourceScopes.guessPlural("Gateway")).isEqualTo("gateways");
    assertThat(ResourceScopes.guessPlural("Widget")).isEqualTo("widgets");
  }

  @Test
  void discoveryFindsTheThreePlannersAndLaterExplicitRegistrationWins() {
    assertThat(Dispatchers.discover().ids()).containsExactly("direct", "karmada", "ocm");
    assertThat(Dispatchers.discover().warnings()).isEmpty();
    var a = new io.vela4j.dispatch.ocm.OcmDispatcher();
    var b = new io.vela4j.dispatch.ocm.OcmDispatcher();
    var r = Dispatchers.of(a, b);
    assertThat(r.get("ocm")).isSameAs(b);
    assertThat(r.ids()).containsExactly("ocm");
    assertThat(Dispatchers.discover().get("karmada").capabilities().overrides())
        .isEqualTo(Capabilities.OverrideSupport.NATIVE);
  }

  @Test
  void bundleCrdsDefineScopeOfTheirCustomResources() throws Exception {
    var crd =
        Manifest.of(
            obj(
                "{'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',"
                    + "'metadata':{'name':'globals.acme.io'},'spec':{'group':'acme.io','scope':"
                    + "'Cluster','names':{'kind':'Global','plural':'globals'}}}"));
    var cr =
        Manifest.of(
            obj(
                "{'apiVersion':'acme.io/v1','kind':'Global','metadata':{'name':'g','namespace':'x'}}"));
    var state =
        DesiredState.compute(
            DispatchRequest.of(
                Bundle.of("b", List.of(cr, crd)), Placement.of("c"), DispatchPolicy.defaults()));
    assertThat(state.diagnostics()).isEmpty();
    assertThat(state.objects("c"))
        .extracting(m -> m.key().display())
        .containsExactly(
            "apiextensions.k8s.io/v1 CustomResourceDefinition globals.acme.io",
            "acme.io/v1 Global g");
    assertThat(state.scopes().find("acme.io", "Global"))
        .get()
        .extracting(ResourceScope::plural, ResourceScope::namespaced)
        .containsExactly("globals", false);
  }
}
