package io.vela4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueKind;
import io.vela4j.cue.CuePosition;
import io.vela4j.cue.CueValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j cue export|eval}: evaluates CUE files with Vela4J's pure-Java evaluator and prints
 * the result the way the {@code cue} tool does (JSON with 4-space indentation). Errors are printed
 * as {@code file:line:column: message} lines on stderr with exit status 1; usage errors exit 2.
 */
@Command(
    name = "cue",
    mixinStandardHelpOptions = true,
    description = "Evaluate CUE files like the cue tool (export, eval).",
    subcommands = {CueCommand.Export.class, CueCommand.Eval.class})
final class CueCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Vela4jCommand.missingSubcommand(spec);
  }

  /** Output formats of {@code cue export}. */
  enum OutputFormat {
    json,
    yaml
  }

  /**
   * {@code vela4j cue export FILE... [-e EXPR] [--out json|yaml]} and {@code vela4j cue export
   * --batch DIR}.
   */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Export the unification of the CUE files as JSON (4-space indentation) or YAML.",
        "With --batch DIR, export every DIR/*.cue to DIR/<name>.json, or DIR/<name>.err when",
        "it is rejected, in one run. Exit status: 0 exported, 1 CUE error, 2 usage error."
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-e", "--expression"},
        paramLabel = "EXPR",
        description = "Export only the value at this dot-separated path, e.g. outputs.service.")
    @Nullable String expression;

    @Option(
        names = "--out",
        paramLabel = "FORMAT",
        description = "Output format: ${COMPLETION-CANDIDATES} (default: json).")
    OutputFormat out = OutputFormat.json;

    @Option(
        names = "--batch",
        paramLabel = "DIR",
        description = "Export every *.cue file of DIR to a .json (or .err) file next to it.")
    @Nullable Path batch;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "CUE files, unified.")
    List<Path> files = new ArrayList<>();

    /** How many threads evaluate a batch (not an option: tests set it). */
    int threads = Batch.threads();

    @Override
    public Integer call() throws IOException {
      return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Parses the arguments of a {@code vela4j cue export} run without picocli, when they are of the
     * plain forms that need none of its features: {@code cue export}, then files and the options
     * {@code --batch DIR}, {@code -e EXPR} (or {@code --expression}) and {@code --out json|yaml},
     * each at most once, as separate arguments or {@code --name=value}. Anything else (help,
     * version, clustered or unknown options, {@code --}, {@code @file} arguments, an empty
     * argument, a value that starts with {@code -}, an unknown format) returns null, and picocli
     * parses the arguments as usual: building picocli's model of a command costs more than a batch
     * of small exports takes to evaluate, and a run of {@code ./vela4j cue export} should not wait
     * for it. Both ways yield the same command.
     *
     * @param args the command line arguments of {@code vela4j}
     * @return the command to {@link #execute}, or null if picocli must parse the arguments
     */
    static @Nullable Export parse(String[] args) {
      if (args.length < 2 || !args[0].equals("cue") || !args[1].equals("export")) {
        return null;
      }
      var e = new Export();
      boolean seenExpression = false;
      boolean seenOut = false;
      for (int i = 2; i < args.length; i++) {
        String a = args[i];
        if (a.isEmpty() || a.charAt(0) == '@') {
          return null;
        }
        if (a.charAt(0) != '-') {
          var file = path(a);
          if (file == null) {
            return null;
          }
          e.files.add(file);
          continue;
        }
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        String value;
        if (eq >= 0) {
          value = a.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          return null;
        }
        if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
          return null;
        }
        switch (name) {
          case "-e", "--expression" -> {
            if (seenExpression || eq >= 0 && name.equals("-e")) {
              return null;
            }
            seenExpression = true;
            e.expression = value;
          }
          case "--out" -> {
            if (seenOut) {
              return null;
            }
            seenOut = true;
            if (ascii(value) && value.equalsIgnoreCase("json")) {
              e.out = OutputFormat.json;
            } else if (ascii(value) && value.equalsIgnoreCase("yaml")) {
              e.out = OutputFormat.yaml;
            } else {
              return null;
            }
          }
          case "--batch" -> {
            if (e.batch != null) {
              return null;
            }
            e.batch = path(value);
            if (e.batch == null) {
              return null;
            }
          }
          default -> {
            return null;
          }
        }
      }
      return e;
    }

    private static boolean ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 128) {
          return false;
        }
      }
      return true;
    }

    private static @Nullable Path path(String s) {
      try {
        return Path.of(s);
      } catch (java.nio.file.InvalidPathException e) {
        return null;
      }
    }

    /**
     * Runs the export.
     *
     * @param stdout where the exported value goes
     * @param stderr where errors go
     * @return the exit status: 0 exported, 1 CUE error, 2 usage error
     * @throws IOException if a batch cannot list its directory or write a result
     */
    int execute(PrintWriter stdout, PrintWriter stderr) throws IOException {
      if (batch != null) {
        if (!files.isEmpty()) {
          stderr.println("vela4j cue export: --batch takes a directory, not files");
          return 2;
        }
        return batch(batch, stderr);
      }
      if (files.isEmpty()) {
        stderr.println("vela4j cue export: no CUE files given");
        return 2;
      }
      try {
        var value = evaluate(files, expression);
        stdout.print(out == OutputFormat.yaml ? value.exportYaml() : value.exportJson());
        stdout.flush();
        return 0;
      } catch (CueException e) {
        stderr.println(e.getMessage());
        return 1;
      } catch (VirtualMachineError e) {
        stderr.println(resources(e));
        return 1;
      } catch (CueInputException e) {
        stderr.println(e.getMessage());
        return 2;
      }
    }

    private int batch(Path dir, PrintWriter stderr) throws IOException {
      if (!Files.isDirectory(dir)) {
        stderr.println("vela4j cue export: not a directory: " + dir);
        return 2;
      }
      List<Path> cues;
      try (Stream<Path> s = Files.list(dir)) {
        cues = s.filter(p -> p.getFileName().toString().endsWith(".cue")).sorted().toList();
      }
      var counts = Batch.run(cues, this::exportOne, threads);
      stderr.println(
          "vela4j cue: " + counts[0] + " exported, " + counts[1] + " rejected, in " + dir);
      return 0;
    }

    /** Exports one instance of a batch: its result and the file to write it to. */
    private Batch.Result exportOne(Path cue) {
      var name = cue.getFileName().toString();
      var base = cue.resolveSibling(name.substring(0, name.length() - 4));
      var json = base.resolveSibling(base.getFileName() + ".json");
      var err = base.resolveSibling(base.getFileName() + ".err");
      try {
        var value = evaluate(List.of(cue), expression);
        var text = out == OutputFormat.yaml ? value.exportYaml() : value.exportJson();
        return new Batch.Result(true, json, err, text);
      } catch (CueException | CueInputException e) {
        return new Batch.Result(false, err, json, e.getMessage() + "\n");
      } catch (VirtualMachineError e) {
        return new Batch.Result(false, err, json, resources(e) + "\n");
      }
    }
  }

  /** {@code vela4j cue eval FILE...}: prints the evaluated value in CUE syntax. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Evaluate the unification of the CUE files and print it in CUE syntax; values that are",
        "not concrete are printed as their type. Exit status: 0, 1 CUE error, 2 usage error."
      })
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-e", "--expression"},
        paramLabel = "EXPR",
        description = "Print only the value at this dot-separated path.")
    @Nullable String expression;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CUE files, unified.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter stderr = spec.commandLine().getErr();
      try {
        var value = evaluate(files, expression);
        try {
          value.validate();
        } catch (CueException e) {
          // like cue eval, print what is known when the only problems are incomplete values
          if (!e.errors().stream().allMatch(x -> x.kind() == CueError.Kind.INCOMPLETE)) {
            throw e;
          }
        }
        stdout.print(CueText.render(value));
        stdout.flush();
        return 0;
      } catch (CueException e) {
        stderr.println(e.getMessage());
        return 1;
      } catch (VirtualMachineError e) {
        stderr.println(resources(e));
        return 1;
      } catch (CueInputException e) {
        stderr.println(e.getMessage());
        return 2;
      }
    }
  }

  /**
   * The message for a JVM resource error that escaped the evaluator's limits (it should not: the
   * limits of {@link CueCompiler.Limits} are meant to stop every input first), instead of a stack
   * trace.
   */
  static String resources(VirtualMachineError e) {
    return "vela4j cue: the JVM ran out of resources ("
        + e
        + "); give it more memory, e.g. VELA4J_JAVA_OPTS=-Xmx4g ./vela4j ...";
  }

  /** A missing or unreadable input file (a usage error). */
  static final class CueInputException extends Exception {
    private static final long serialVersionUID = 1L;

    CueInputException(String message) {
      super(message);
    }
  }

  /**
   * Compiles the files as one instance, as the {@code cue} tool does (the files of a package share
   * one scope; see {@link CueCompiler#compile(Map)}), evaluates it and selects the expression.
   */
  static CueValue evaluate(List<Path> files, @Nullable String expression) throws CueInputException {
    var sources = new LinkedHashMap<String, String>();
    for (Path f : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        throw new CueInputException("vela4j cue: cannot read " + f + ": " + e.getMessage());
      }
      sources.put(f.toString(), decodeUtf8(f.toString(), bytes));
    }
    CueValue value = sources.isEmpty() ? null : CueCompiler.create().compile(sources).evaluate();
    if (value == null) {
      throw new CueInputException("vela4j cue: no CUE files given");
    }
    if (expression != null && !expression.isBlank()) {
      var selected = value.lookup(expression.strip());
      if (!selected.exists()) {
        throw new CueException(
            new CueError(
                CueError.Kind.REFERENCE,
                "reference \"" + expression.strip() + "\" not found",
                "",
                List.of()));
      }
      return selected;
    }
    return value;
  }

  /**
   * Decodes a CUE file's bytes, which must be UTF-8 (as the CUE spec requires): a malformed
   * sequence is a CUE error located at its line and column (columns count chars, as the parser's
   * positions do), not an I/O failure.
   */
  static String decodeUtf8(String file, byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    var in = ByteBuffer.wrap(bytes);
    var out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      // `out` holds the text before the malformed bytes: count its lines and columns
      out.flip();
      int line = 1;
      int column = 1;
      for (int i = 0; i < out.limit(); i++) {
        if (out.get(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      throw new CueException(
          new CueError(
              CueError.Kind.SYNTAX,
              "invalid UTF-8 encoding (byte offset " + in.position() + ")",
              "",
              List.of(new CuePosition(file, line, column))));
    }
    out.flip();
    return out.toString();
  }

  /**
   * Renders an evaluated value in CUE syntax the way {@code cue eval} prints it: 4-space
   * indentation, values of consecutive scalar fields aligned (a struct or list value ends the run),
   * lists inline with structs opening on the same line ({@code [{ ... }, { ... }]}); a value that
   * is not concrete is printed as its type ({@code int}, {@code string}, ...). Only regular fields
   * are shown.
   */
  static final class CueText {
    private static final String INDENT = "    ";

    private CueText() {}

    /** A value to print: a one-line scalar, a struct of labelled members, or a list. */
    private sealed interface Node permits Scalar, Struct, Seq {}

    private record Scalar(String text) implements Node {}

    private record Struct(List<Map.Entry<String, Node>> fields) implements Node {}

    private record Seq(List<Node> elements) implements Node {}

    static String render(CueValue v) {
      var node = toNode(v);
      var sb = new StringBuilder();
      if (node instanceof Struct st) {
        writeFields(sb, st, 0);
      } else {
        write(sb, node, 0);
        sb.append('\n');
      }
      return sb.toString();
    }

    private static Node toNode(CueValue v) {
      // isConcrete() on a struct or list does not look inside (as in CUE's Go API), so walk them
      if (v.kind() == CueKind.STRUCT) {
        var fields = new ArrayList<Map.Entry<String, Node>>();
        for (var name : v.fieldNames()) {
          fields.add(Map.entry(name, toNode(v.lookup(name))));
        }
        return new Struct(fields);
      }
      if (v.kind() == CueKind.LIST) {
        try {
          return fromJson(v.export());
        } catch (CueException e) {
          var elems = new ArrayList<Node>();
          for (int i = 0; ; i++) {
            var e2 = v.lookup(Integer.toString(i));
            if (!e2.exists()) {
              break;
            }
            elems.add(toNode(e2));
          }
          return elems.isEmpty() ? new Scalar("[...]") : new Seq(elems);
        }
      }
      if (v.isConcrete()) {
        return fromJson(v.export());
      }
      return new Scalar(typeName(v.kind()));
    }

    private static Node fromJson(JsonNode n) {
      if (n.isObject()) {
        var fields = new ArrayList<Map.Entry<String, Node>>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          fields.add(Map.entry(e.getKey(), fromJson(e.getValue())));
        }
        return new Struct(fields);
      }
      if (n.isArray()) {
        var elems = new ArrayList<Node>();
        n.forEach(e -> elems.add(fromJson(e)));
        return new Seq(elems);
      }
      if (n.isBigDecimal()) {
        return new Scalar(n.decimalValue().toString()); // CUE's number text
      }
      return new Scalar(n.toString()); // JSON strings, ints, bools and null read the same in CUE
    }

    private static void writeFields(StringBuilder sb, Struct st, int depth) {
      var fields = st.fields();
      int i = 0;
      while (i < fields.size()) {
        // a run of scalar fields is aligned on the longest label
        int j = i;
        int width = 0;
        while (j < fields.size() && fields.get(j).getValue() instanceof Scalar) {
          width = Math.max(width, label(fields.get(j).getKey()).length());
          j++;
        }
        if (j == i) {
          var f = fields.get(i);
          sb.append(INDENT.repeat(depth)).append(label(f.getKey())).append(": ");
          write(sb, f.getValue(), depth);
          sb.append('\n');
          i++;
          continue;
        }
        for (int k = i; k < j; k++) {
          var f = fields.get(k);
          var l = label(f.getKey());
          sb.append(INDENT.repeat(depth)).append(l).append(':');
          sb.append(" ".repeat(width - l.length() + 1));
          write(sb, f.getValue(), depth);
          sb.append('\n');
        }
        i = j;
      }
    }

    private static void write(StringBuilder sb, Node n, int depth) {
      if (n instanceof Scalar s) {
        sb.append(s.text());
      } else if (n instanceof Struct st) {
        if (st.fields().isEmpty()) {
          sb.append("{}");
          return;
        }
        sb.append("{\n");
        writeFields(sb, st, depth + 1);
        sb.append(INDENT.repeat(depth)).append('}');
      } else if (n instanceof Seq l) {
        sb.append('[');
        for (int k = 0; k < l.elements().size(); k++) {
          if (k > 0) {
            sb.append(", ");
          }
          write(sb, l.elements().get(k), depth);
        }
        sb.append(']');
      }
    }

    private static String typeName(CueKind kind) {
      return switch (kind) {
        case TOP -> "_";
        case BOTTOM -> "_|_";
        case NULL -> "null";
        case BOOL -> "bool";
        case INT -> "int";
        case FLOAT -> "float";
        case NUMBER -> "number";
        case STRING -> "string";
        case BYTES -> "bytes";
        case STRUCT -> "{...}";
        case LIST -> "[...]";
      };
    }

    /** An identifier label as is, any other label quoted. */
    static String label(String name) {
      boolean ident = !name.isEmpty() && !Character.isDigit(name.charAt(0));
      for (int i = 0; i < name.length() && ident; i++) {
        char c = name.charAt(i);
        ident = Character.isLetterOrDigit(c) || c == '_' || c == '$' || (c == '#' && i == 0);
      }
      return ident ? name : new TextNode(name).toString();
    }
  }
}
