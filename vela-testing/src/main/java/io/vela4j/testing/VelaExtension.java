package io.vela4j.testing;

import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests a {@link Renderer}, its {@link DefinitionRegistry}, and
 * rendered applications:
 *
 * <pre>{@code
 * @ExtendWith(VelaExtension.class)
 * @VelaDefinitions(value = "defs/", clusters = "clusters.yaml")
 * class ShopTest {
 *   @Test
 *   void webHasThreeReplicas(@VelaApplication("apps/shop.yaml") RenderResult shop) {
 *     assertThat(shop).workload("web").hasReplicas(3);
 *   }
 * }
 * }</pre>
 *
 * The registry (the catalogue plus {@link VelaDefinitions}) and the renderer are built once per
 * test class; problems in the application are reported located in its resource.
 */
public final class VelaExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(VelaExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
    Class<?> type = p.getParameter().getType();
    return type == Renderer.class
        || type == DefinitionRegistry.class
        || type == RenderResult.class && p.isAnnotated(VelaApplication.class);
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext context) {
    Renderer renderer = renderer(context);
    Class<?> type = p.getParameter().getType();
    if (type == Renderer.class) {
      return renderer;
    }
    if (type == DefinitionRegistry.class) {
      return renderer.registry();
    }
    String resource = p.findAnnotation(VelaApplication.class).orElseThrow().value();
    Class<?> testClass = context.getRequiredTestClass();
    ParsedDocument doc =
        VelaYaml.reader().parse(resource, read(testClass, resource)).orThrow().get(0);
    return renderer.render(
        doc.as(Application.class), RenderOptions.defaults().withSourceMap(doc.sourceMap()));
  }

  private static Renderer renderer(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    return context
        .getRoot()
        .getStore(NS)
        .computeIfAbsent(testClass, c -> build(testClass), Renderer.class);
  }

  private static Renderer build(Class<?> testClass) {
    VelaDefinitions defs = testClass.getAnnotation(VelaDefinitions.class);
    var registry = DefinitionRegistry.builder().catalogue();
    var renderer = Renderer.builder();
    if (defs != null) {
      for (String d : defs.value()) {
        String resource = strip(d);
        if (testClass.getClassLoader().getResource(resource) != null) {
          registry.loadClasspath(resource, testClass.getClassLoader());
        } else if (Files.exists(Path.of(d))) {
          registry.load(Path.of(d));
        } else {
          throw new ParameterResolutionException(
              "@VelaDefinitions names " + d + ", which is neither on the classpath nor a path");
        }
      }
      if (!defs.clusters().isEmpty()) {
        List<Cluster> clusters =
            VelaYaml.reader().readAll(read(testClass, defs.clusters())).stream()
                .filter(Cluster.class::isInstance)
                .map(Cluster.class::cast)
                .toList();
        renderer.clusters(clusters);
      }
    }
    return renderer.registry(registry.build()).build();
  }

  private static String strip(String resource) {
    String r = resource.startsWith("/") ? resource.substring(1) : resource;
    return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
  }

  private static String read(Class<?> testClass, String resource) {
    URL url = testClass.getClassLoader().getResource(strip(resource));
    try {
      if (url != null) {
        try (InputStream in = url.openStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      Path p = Path.of(resource);
      if (Files.exists(p)) {
        return Files.readString(p, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new ParameterResolutionException(
        resource + " is neither a classpath resource nor a path");
  }
}
