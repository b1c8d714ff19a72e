package io.vela4j.render.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParseResult;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.SourceLocation;
import io.vela4j.model.VelaJson;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.ComponentDefinition;
import io.vela4j.model.oam.PolicyDefinition;
import io.vela4j.model.oam.Schematic;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.model.oam.WorkflowStepDefinition;
import io.vela4j.model.oam.WorkloadDefinition;
import io.vela4j.render.Definition;
import io.vela4j.render.RenderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where definitions come from: files, directories, classpath resources, objects, and the built-in
 * catalogue ({@code io/vela4j/render/catalogue/index.txt} and the files it lists).
 */
public final class DefinitionSources {
  private static final String CATALOGUE = "io/vela4j/render/catalogue";

  private DefinitionSources() {}

  /** The built-in catalogue's definitions, in index order. */
  public static List<Definition> catalogue() {
    return classpath(CATALOGUE, DefinitionSources.class.getClassLoader());
  }

  /**
   * A definition for an object; its CUE template is positioned in {@code text} (the file the object
   * was read from) when the template is a YAML literal block there.
   */
  public static Definition of(HasMetadata object, SourceLocation location, @Nullable String text) {
    return of(object, location, text, null);
  }

  private static Definition of(
      HasMetadata object,
      SourceLocation location,
      @Nullable String text,
      @Nullable SourceLocation templateAt) {
    Definition.Kind kind;
    try {
      kind = Definition.Kind.of(object);
    } catch (IllegalArgumentException e) {
      throw new RenderException(
          Diagnostic.error(RenderException.INVALID_DEFINITION, e.getMessage(), "kind")
              .withSource(location.source())
              .at(location.line(), location.column()));
    }
    String name = object.getMetadata() == null ? null : object.getMetadata().getName();
    if (name == null || name.isEmpty()) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.INVALID_DEFINITION, "a definition needs a name", "metadata.name")
              .withSource(location.source())
              .at(location.line(), location.column()));
    }
    String template = cueTemplate(object);
    String positioned = template;
    if (template != null && text != null && templateAt != null && templateAt.line() > 0) {
      positioned = position(template, text, templateAt);
    }
    return new Definition(kind, name, object, location, positioned);
  }

  private static @Nullable String cueTemplate(HasMetadata object) {
    Schematic s = null;
    if (object instanceof ComponentDefinition d && d.getSpec() != null) {
      s = d.getSpec().schematic();
    } else if (object instanceof TraitDefinition d && d.getSpec() != null) {
      s = d.getSpec().schematic();
    } else if (object instanceof PolicyDefinition d && d.getSpec() != null) {
      s = d.getSpec().schematic();
    } else if (object instanceof WorkflowStepDefinition d && d.getSpec() != null) {
      s = d.getSpec().schematic();
    } else if (object instanceof WorkloadDefinition d && d.getSpec() != null) {
      s = d.getSpec().schematic();
    }
    return s == null || s.cue() == null ? null : s.cue().template();
  }

  /**
   * The template re-indented and preceded by blank lines so that it sits where its YAML literal
   * block ({@code template: |}) sits in the file; unchanged when it is not a literal block.
   */
  static String position(String template, String text, SourceLocation at) {
    List<String> lines = Tags.split(text, '\n');
    int line = at.line(); // 1-based line of the scalar
    if (line < 1 || line > lines.size()) {
      return template;
    }
    String header = lines.get(line - 1);
    int col = Math.max(0, at.column() - 1);
    String rest = col < header.length() ? header.substring(col).strip() : "";
    if (!rest.startsWith("|")) {
      return template;
    }
    int indent = -1;
    for (int k = line; k < lines.size(); k++) {
      String l = lines.get(k);
      if (!l.isBlank()) {
        indent = 0;
        while (indent < l.length() && l.charAt(indent) == ' ') {
          indent++;
        }
        break;
      }
    }
    if (indent < 0) {
      return template;
    }
    var sb = new StringBuilder("\n".repeat(line));
    String pad = " ".repeat(indent);
    for (String l : Tags.split(template, '\n')) {
      if (!l.isEmpty()) {
        sb.append(pad).append(l);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The definitions of a file or directory (recursively, sorted by path). */
  public static List<Definition> load(Path fileOrDirectory) {
    if (Files.isDirectory(fileOrDirectory)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(fileOrDirectory)) {
        files =
            s.filter(Files::isRegularFile).filter(DefinitionSources::readable).sorted().toList();
      } catch (IOException e) {
        throw unreadable(fileOrDirectory.toString(), e);
      }
      var out = new ArrayList<Definition>();
      var problems = new ArrayList<Diagnostic>();
      for (Path f : files) {
        try {
          out.addAll(load(f));
        } catch (RenderException e) {
          problems.addAll(e.diagnostics());
        }
      }
      if (!problems.isEmpty()) {
        throw new RenderException(problems);
      }
      return out;
    }
    String text;
    try {
      text = Files.readString(fileOrDirectory, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(fileOrDirectory.toString(), e);
    }
    return parse(fileOrDirectory.toString(), text);
  }

  private static boolean readable(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".cue");
  }

  /** The definitions of in-memory text named {@code sourceName}. */
  public static List<Definition> parse(String sourceName, String text) {
    String n = sourceName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".cue")) {
      return List.of(DefinitionFile.read(sourceName, text));
    }
    ParseResult r =
        n.endsWith(".json")
            ? VelaJson.reader().parse(sourceName, text)
            : VelaYaml.reader().parse(sourceName, text);
    var errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw new RenderException(errors);
    }
    var out = new ArrayList<Definition>();
    for (ParsedDocument doc : r.documents()) {
      HasMetadata o = doc.object();
      if (o instanceof ComponentDefinition
          || o instanceof TraitDefinition
          || o instanceof PolicyDefinition
          || o instanceof WorkflowStepDefinition
          || o instanceof WorkloadDefinition) {
        SourceLocation at = doc.sourceMap().locate("");
        SourceLocation tpl = doc.sourceMap().locate("spec.schematic.cue.template");
        out.add(of(o, at, text, tpl));
      }
    }
    return out;
  }

  /** The definitions of a classpath file or directory. */
  public static List<Definition> classpath(String resource, ClassLoader loader) {
    String base = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
    String index = read(loader, base + "/index.txt");
    if (index != null) {
      var out = new ArrayList<Definition>();
      var problems = new ArrayList<Diagnostic>();
      for (String line : Tags.split(index, '\n')) {
        String rel = line.strip();
        if (rel.isEmpty() || rel.startsWith("#")) {
          continue;
        }
        String path = base + "/" + rel;
        String text = read(loader, path);
        if (text == null) {
          problems.add(
              Diagnostic.error(
                      RenderException.INVALID_DEFINITION,
                      "the index lists " + rel + ", which is not on the classpath",
                      null)
                  .withSource("classpath:" + base + "/index.txt"));
          continue;
        }
        try {
          out.addAll(parse(rel.endsWith(".cue") ? base + "/" + rel : path, text));
        } catch (RenderException e) {
          problems.addAll(e.diagnostics());
        }
      }
      if (!problems.isEmpty()) {
        throw new RenderException(problems);
      }
      return out;
    }
    URL url = loader.getResource(base);
    if (url == null) {
      throw new RenderException(
          Diagnostic.error(
              RenderException.INVALID_DEFINITION, "no classpath resource " + base, null));
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return load(fs.getPath(base));
        }
      }
      return load(Path.of(uri));
    } catch (URISyntaxException | IOException | RuntimeException e) {
      if (e instanceof RenderException re) {
        throw re;
      }
      throw unreadable("classpath:" + base, e);
    }
  }

  private static @Nullable String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unreadable("classpath:" + resource, e);
    }
  }

  private static RenderException unreadable(String where, Exception e) {
    return new RenderException(
        Diagnostic.error(
                RenderException.INVALID_DEFINITION,
                "cannot read definitions: " + e.getMessage(),
                null)
            .withSource(where));
  }
}
