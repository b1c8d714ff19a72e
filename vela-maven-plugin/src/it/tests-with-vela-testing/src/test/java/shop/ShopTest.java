package shop;

import static io.vela4j.testing.VelaAssertions.assertThat;

import io.vela4j.render.DryRunWriter;
import io.vela4j.render.RenderResult;
import io.vela4j.testing.Golden;
import io.vela4j.testing.VelaApplication;
import io.vela4j.testing.VelaDefinitions;
import io.vela4j.testing.VelaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VelaExtension.class)
@VelaDefinitions(value = "defs/", clusters = "clusters.yaml")
class ShopTest {
  @Test
  void webRunsThreeReplicasOfTheReleasedImage(@VelaApplication("apps/shop.yaml") RenderResult shop) {
    assertThat(shop)
        .inCluster("eu-1")
        .workload("web")
        .hasReplicas(3)
        .hasImage("nginx:1.27")
        .hasAnnotation("stamped", "ci")
        .hasPath("spec.template.spec.containers[0].ports[0].containerPort", 8080);
    assertThat(shop).doesNotContainManifest("Deployment", "db");
  }

  @Test
  void manifestsAreUnchanged(@VelaApplication("apps/shop.yaml") RenderResult shop) {
    Golden.assertMatches("shop.yaml", DryRunWriter.write(shop));
  }
}
