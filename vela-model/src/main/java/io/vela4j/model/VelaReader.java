package io.vela4j.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link VelaYaml} and {@link VelaJson} readers share: reading KubeVela objects (or plain
 * located trees) from text, bytes, streams and files.
 *
 * <p>Reading picks the type from {@code apiVersion}/{@code kind} (see {@link VelaTypes}); other
 * kinds are kept as fabric8 {@code GenericKubernetesResource}. Multi-document input and {@code
 * kind: List} give one object each. Every problem is reported at once, located by file, line,
 * column and field path; hostile input is bounded by {@link ReadOptions}. Instances are immutable
 * and thread-safe.
 */
public abstract sealed class VelaReader permits VelaYaml, VelaJson {
  private final ReadOptions options;
  private final Codec codec;

  VelaReader(ReadOptions options, boolean yaml) {
    this.options = options;
    this.codec = new Codec(options, yaml);
  }

  /** The options of this reader. */
  public ReadOptions options() {
    return options;
  }

  /** Reads every object of {@code text} and reports every problem; never throws for bad input. */
  public ParseResult parse(@Nullable String sourceName, String text) {
    return codec.parse(sourceName, text);
  }

  /** Reads raw bytes, which must be UTF-8; never throws for bad input. */
  public ParseResult parse(@Nullable String sourceName, byte[] bytes) {
    return codec.parse(sourceName, bytes);
  }

  /**
   * Reads a stream (at most {@link ReadOptions#maxInputBytes()} are read); never throws for bad
   * input.
   */
  public ParseResult parse(@Nullable String sourceName, InputStream in) {
    return codec.parse(sourceName, in);
  }

  /** Reads a file; never throws for bad input. */
  public ParseResult parse(Path file) {
    return codec.parse(file);
  }

  /**
   * Reads the documents of {@code text} as JSON trees with positions, without binding them to
   * types: for inputs that are not Kubernetes objects. Same limits and diagnostics as {@link
   * #parse(String, String)}; never throws for bad input.
   */
  public TreeResult readTrees(@Nullable String sourceName, String text) {
    return codec.trees(sourceName, text);
  }

  /** Reads the documents of a file as JSON trees with positions; never throws for bad input. */
  public TreeResult readTrees(Path file) {
    return codec.trees(file);
  }

  /** Reads the documents of a stream as JSON trees with positions; never throws for bad input. */
  public TreeResult readTrees(@Nullable String sourceName, InputStream in) {
    return codec.trees(sourceName, in);
  }

  /** Every object of {@code text}. @throws ReadException listing every error */
  public List<HasMetadata> readAll(String text) {
    return Codec.objects(parse(null, text));
  }

  /** Every object of a file. @throws ReadException listing every error */
  public List<HasMetadata> readAll(Path file) {
    return Codec.objects(parse(file));
  }

  /**
   * The one object of {@code text}, of the given type.
   *
   * @throws ReadException on any error, when there is not exactly one document, or when it has
   *     another type
   */
  public <T extends HasMetadata> T read(String text, Class<T> type) {
    return Codec.single(parse(null, text), type);
  }

  /** The one object of a file, of the given type. @throws ReadException on any error */
  public <T extends HasMetadata> T read(Path file, Class<T> type) {
    return Codec.single(parse(file), type);
  }
}
