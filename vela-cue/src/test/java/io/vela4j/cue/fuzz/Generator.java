package io.vela4j.cue.fuzz;

import static io.vela4j.cue.fuzz.Tree.decl;
import static io.vela4j.cue.fuzz.Tree.expr;
import static io.vela4j.cue.fuzz.Tree.list;
import static io.vela4j.cue.fuzz.Tree.struct;

import io.vela4j.cue.fuzz.Tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates random CUE programs over the language vela-cue supports, biased toward the shapes of
 * KubeVela templates (a parameter schema as a definition, defaults, optional parameters guarded by
 * {@code != _|_}, outputs built with comprehensions). Each program is a {@link Tree}: a file, or
 * (one time in 25) a package of two or three files. Mostly valid, sometimes not on purpose (extra
 * fields in closed structs, conflicting values, missing fields), so that rejections are compared
 * too. Avoids the constructs where CUE v0.4 (the oracle) and v0.14 are known to differ (list
 * arithmetic, {@code /} with long decimals, {@code >=n & <=n}).
 */
final class Generator {

  /** The few types the generator keeps track of. */
  enum Type {
    INT,
    STRING,
    BOOL,
    STRUCT,
    LIST
  }

  /** A top-level name the program declares, with what is known of its value. */
  record Sym(String name, Type type, Map<String, Type> fields) {}

  private final Random rnd;
  private List<Sym> syms;
  private Set<String> imports;
  private int counter;

  Generator(Random rnd) {
    this.rnd = rnd;
  }

  /** A generated program: its tree and whether it is a package of several files. */
  record Program(Node tree, boolean multiFile) {
    /** The files of the program, {@code a.cue}, {@code b.cue}, ... */
    Map<String, String> files() {
      Map<String, String> out = new LinkedHashMap<>();
      String text = tree.text();
      int start = 0;
      char name = 'a';
      while (true) {
        int i = text.indexOf(Tree.FILE_SEPARATOR, start);
        out.put(name++ + ".cue", text.substring(start, i < 0 ? text.length() : i));
        if (i < 0) {
          return out;
        }
        start = i + Tree.FILE_SEPARATOR.length();
      }
    }
  }

  Program next() {
    if (rnd.nextInt(25) == 0) {
      return nextPackage();
    }
    syms = new ArrayList<>();
    imports = new LinkedHashSet<>();
    counter = 0;
    List<Node> decls = body();
    return new Program(Tree.file(header(null), decls), false);
  }

  private Program nextPackage() {
    syms = new ArrayList<>();
    imports = new LinkedHashSet<>();
    counter = 0;
    int n = 2 + rnd.nextInt(2);
    List<List<Node>> parts = new ArrayList<>();
    for (List<Node> d : split(body(), n)) {
      parts.add(d);
    }
    List<Node> files = new ArrayList<>();
    Set<String> all = imports;
    for (List<Node> part : parts) {
      // Imports are per file, and in a package an unused import is an error: each file imports
      // what it uses (one time in ten, everything, to test that error too).
      StringBuilder text = new StringBuilder();
      for (Node d : part) {
        text.append(d.text()).append('\n');
      }
      imports = new LinkedHashSet<>();
      for (String i : all) {
        String name = i.substring(i.lastIndexOf('/') + 1);
        if (text.indexOf(name + ".") >= 0 || rnd.nextInt(10) == 0) {
          imports.add(i);
        }
      }
      files.add(Tree.file(header("p"), part));
    }
    return new Program(Tree.files(files), true);
  }

  private List<List<Node>> split(List<Node> decls, int n) {
    List<List<Node>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    for (Node d : decls) {
      out.get(rnd.nextInt(n)).add(d);
    }
    return out;
  }

  private String header(String pkg) {
    StringBuilder sb = new StringBuilder();
    if (pkg != null) {
      sb.append("package ").append(pkg).append("\n\n");
    }
    for (String i : imports) {
      sb.append("import \"").append(i).append("\"\n");
    }
    if (!imports.isEmpty()) {
      sb.append('\n');
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // top level

  private List<Node> body() {
    List<Node> out = new ArrayList<>();
    int shape = rnd.nextInt(10);
    if (shape < 3) {
      out.addAll(template());
    } else if (shape < 4) {
      out.addAll(patchTrait());
    } else if (shape < 6) {
      out.addAll(definitions());
    }
    int extra = 1 + rnd.nextInt(5);
    for (int i = 0; i < extra; i++) {
      out.addAll(snippet());
    }
    // Declarations may come in any order in CUE: shuffle some of them.
    if (rnd.nextInt(3) == 0) {
      java.util.Collections.shuffle(out, rnd);
    }
    return out;
  }

  private List<Node> snippet() {
    return switch (rnd.nextInt(20)) {
      case 18, 19 -> closednessShapes();
      case 16 -> misc();
      case 17 -> dynamicLabels();
      case 0, 1 -> {
        Type t = randomType();
        String name = fresh();
        syms.add(new Sym(name, t, Map.of()));
        yield List.of(field(name, value(t, 2)));
      }
      case 2 -> definitions();
      case 3 -> redeclare();
      case 4 -> comprehensionFields();
      case 5 -> patterns();
      case 6 -> lets();
      case 7 -> disjunctions();
      case 8 -> builtins();
      case 9 -> bottomTests();
      case 10 -> embeddings();
      case 11 -> closes();
      case 12 -> optionals();
      case 13 -> listComprehensions();
      case 14 -> interpolations();
      default -> List.of(field(fresh(), value(randomType(), 3)));
    };
  }

  // ---------------------------------------------------------------------------------------------
  // template shapes

  private List<Node> template() {
    List<Node> out = new ArrayList<>();
    boolean ports = rnd.nextBoolean();
    boolean env = rnd.nextBoolean();
    boolean labels = rnd.nextBoolean();
    List<Node> schema = new ArrayList<>();
    schema.add(decl("name: string"));
    schema.add(decl("image: " + pick("string", "*\"nginx\" | string")));
    schema.add(decl("replicas: *" + (1 + rnd.nextInt(3)) + " | int"));
    schema.add(decl("debug: *false | bool"));
    if (ports) {
      schema.add(decl("ports?: [...{port: int, name?: string, protocol: *\"TCP\" | \"UDP\"}]"));
    }
    if (env) {
      schema.add(decl("env?: [string]: string"));
    }
    if (labels) {
      schema.add(decl("labels?: [string]: string"));
    }
    if (rnd.nextInt(4) == 0) {
      schema.add(decl("..."));
    }
    out.add(field("#Param", struct(schema)));
    out.add(decl("parameter: #Param"));
    List<Node> given = new ArrayList<>();
    given.add(decl("name: \"" + pick("web", "api", "db") + "\""));
    if (rnd.nextBoolean()) {
      given.add(decl("image: \"" + pick("nginx:1.25", "redis", "app") + "\""));
    }
    if (rnd.nextInt(3) == 0) {
      given.add(decl("replicas: " + rnd.nextInt(5)));
    }
    if (rnd.nextInt(3) == 0) {
      given.add(decl("debug: " + rnd.nextBoolean()));
    }
    if (ports && rnd.nextBoolean()) {
      given.add(
          decl(
              "ports: [{port: 80"
                  + (rnd.nextBoolean() ? ", name: \"http\"" : "")
                  + "}"
                  + (rnd.nextBoolean() ? ", {port: 443, protocol: \"TCP\"}" : "")
                  + "]"));
    }
    if (env && rnd.nextBoolean()) {
      given.add(decl("env: {A: \"1\", B: \"x\"}"));
    }
    if (labels && rnd.nextBoolean()) {
      given.add(decl("labels: team: \"x\""));
    }
    if (rnd.nextInt(12) == 0) {
      given.add(decl("unknown: 1")); // closed parameter: rejected unless `...`
    }
    out.add(field("parameter", struct(given)));
    out.add(decl("context: {appName: \"app\", namespace: \"default\", name: parameter.name}"));
    List<Node> container = new ArrayList<>();
    container.add(decl("name: parameter.name"));
    container.add(decl("image: parameter.image"));
    if (ports) {
      container.add(
          decl(
              "if parameter.ports != _|_ {ports: [for p in parameter.ports {containerPort: p.port,"
                  + " protocol: p.protocol, if p.name != _|_ {name: p.name}}]}"));
    }
    if (env) {
      container.add(
          decl("if parameter.env != _|_ {env: [for k, v in parameter.env {name: k, value: v}]}"));
    }
    List<Node> spec = new ArrayList<>();
    spec.add(decl("replicas: parameter.replicas"));
    spec.add(decl("template: spec: containers: [$0]", struct(container)));
    spec.add(decl("if parameter.debug {paused: true}"));
    List<Node> meta = new ArrayList<>();
    meta.add(decl("name: context.name"));
    meta.add(decl("namespace: context.namespace"));
    if (labels) {
      meta.add(
          decl("labels: {app: context.appName, if parameter.labels != _|_ {parameter.labels}}"));
    } else {
      meta.add(decl("labels: app: context.appName"));
    }
    out.add(
        field(
            "output",
            struct(
                List.of(
                    decl("apiVersion: \"apps/v1\""),
                    decl("kind: \"Deployment\""),
                    decl("metadata: $0", struct(meta)),
                    decl("spec: $0", struct(spec))))));
    if (ports && rnd.nextBoolean()) {
      out.add(
          decl(
              "outputs: {if parameter.ports != _|_ {service: {kind: \"Service\", spec: ports:"
                  + " [for i, p in parameter.ports {port: p.port, name: *\"p\\(i)\" | string,"
                  + " if p.name != _|_ {name: p.name}}]}}}"));
    }
    if (rnd.nextInt(3) == 0) {
      out.add(decl("output: metadata: annotations: \"x/y\": \"z\""));
    }
    syms.add(new Sym("parameter", Type.STRUCT, Map.of("name", Type.STRING, "replicas", Type.INT)));
    syms.add(new Sym("output", Type.STRUCT, Map.of("kind", Type.STRING)));
    return out;
  }

  /** The shape of KubeVela's container-patching traits: the parameter decided by closedness. */
  private List<Node> patchTrait() {
    List<Node> out = new ArrayList<>();
    out.add(
        decl(
            "#PatchParams: {containerName: *\"\" | string, command: *null | [...string],"
                + " args?: [...string]}"));
    out.add(decl("parameter: *#PatchParams | close({containers: [...#PatchParams]})"));
    out.add(
        decl(
            "parameter: "
                + pick(
                    "{command: [\"sleep\"]}",
                    "{containers: [{containerName: \"a\", command: [\"x\"]}]}",
                    "{containerName: \"b\"}",
                    "{containers: [{containerName: \"a\"}, {containerName: \"c\", args: [\"-v\"]}]}",
                    "{other: 1}")));
    out.add(
        decl(
            "context: output: spec: template: spec: containers: [{name: \"a\", image: \"x\"},"
                + " {name: \"c\", image: \"y\"}]"));
    out.add(
        decl(
            "_params: [...#PatchParams]\n"
                + "if parameter.containers == _|_ {_params: [parameter]}\n"
                + "if parameter.containers != _|_ {_params: parameter.containers}"));
    out.add(
        decl(
            "_base: *_|_ | {...}\n"
                + "_targets: [for p in _params {\n"
                + "  let n = *p.containerName | \"a\"\n"
                + "  name: [if n == \"\" {\"a\"}, n][0]\n"
                + "  if p.command != null {command: p.command}\n"
                + "  if p.args != _|_ {args: p.args}\n"
                + "}]\n"
                + "patch: spec: template: spec: containers: [for t in _targets {t}]\n"
                + "errs: [for t in _targets"
                + " if [for c in context.output.spec.template.spec.containers if c.name == t.name"
                + " {c}] == [] {\"container \\(t.name) not found\"}]"));
    syms.add(new Sym("parameter", Type.STRUCT, Map.of()));
    return out;
  }

  private List<Node> definitions() {
    List<Node> out = new ArrayList<>();
    String d = "#D" + (counter++);
    Map<String, Type> fields = new LinkedHashMap<>();
    List<Node> body = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      String f = "f" + i;
      Type t = scalarType();
      fields.put(f, t);
      String opt = rnd.nextInt(4) == 0 ? "?" : "";
      body.add(decl(f + opt + ": $0", typeOrDefault(t)));
    }
    boolean sub = rnd.nextBoolean();
    if (sub) {
      body.add(decl("sub: {x: *0 | int, y?: string}"));
      if (rnd.nextInt(3) == 0) {
        // a field of the definition referred to inside it, with a literal written there
        body.add(decl("ext: sub & {" + pick("z: 1", "x: 2", "y: \"v\"") + "}"));
      }
    }
    if (rnd.nextInt(4) == 0) {
      body.add(decl("[=~\"^x\"]: int"));
    }
    if (rnd.nextInt(5) == 0) {
      body.add(decl("..."));
    }
    out.add(field(d, struct(body)));
    if (rnd.nextInt(3) == 0) {
      // a second declaration of the same definition (combined, not intersected)
      out.add(decl(d + ": g: *\"g\" | string"));
      fields.put("g", Type.STRING);
    }
    int uses = 1 + rnd.nextInt(3);
    for (int u = 0; u < uses; u++) {
      List<Node> given = new ArrayList<>();
      for (Map.Entry<String, Type> e : fields.entrySet()) {
        if (rnd.nextInt(8) > 0) {
          given.add(decl(e.getKey() + ": $0", concrete(e.getValue())));
        }
      }
      if ((sub && rnd.nextInt(3) == 0) || rnd.nextInt(20) == 0) {
        given.add(decl("sub: x: " + rnd.nextInt(9)));
      }
      if (rnd.nextInt(10) == 0) {
        given.add(decl("extra: 1"));
      }
      if (rnd.nextInt(8) == 0) {
        given.add(decl("x1: 2"));
      }
      String name = fresh();
      Node v =
          switch (rnd.nextInt(6)) {
            case 0 ->
                expr(
                    "{" + d + ", $0}", struct(given).kids().isEmpty() ? expr("{}") : struct(given));
            case 1 -> expr("[..." + d + "] & [$0]", struct(given));
            case 2 -> expr(d + " & $0 & " + d, struct(given));
            default -> expr(d + " & $0", struct(given));
          };
      out.add(field(name, v));
      syms.add(new Sym(name, Type.STRUCT, fields));
    }
    if (rnd.nextInt(3) == 0) {
      // a field selected from an operand unified with the definition (not given a field the
      // definition lacks: v0.4 then rejects the operand, v0.14 reads the field, DIFFERENCES.md)
      List<Node> given = new ArrayList<>();
      for (Map.Entry<String, Type> e : fields.entrySet()) {
        if (rnd.nextInt(4) > 0) {
          given.add(decl(e.getKey() + ": $0", concrete(e.getValue())));
        }
      }
      String f = pick(fields.keySet().toArray(String[]::new));
      String sel = "(" + d + " & $0)." + f;
      out.add(
          field(fresh(), expr(rnd.nextBoolean() ? sel : "*" + sel + " | \"none\"", struct(given))));
    }
    if (rnd.nextInt(3) == 0) {
      // the same definition reached through two definitions
      String e1 = "#E" + (counter++);
      String e2 = "#E" + (counter++);
      out.add(decl(e1 + ": " + d));
      out.add(decl(e2 + ": {" + d + ", h?: int}"));
      out.add(field(fresh(), expr(e1 + " & " + e2)));
    }
    if (rnd.nextInt(4) == 0) {
      out.add(decl("#T" + (counter++) + ": {a: x: 1, v: " + pick("a.x", "a.y", "a[\"x\"]") + "}"));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // snippets

  private List<Node> redeclare() {
    String name = fresh();
    List<Node> out = new ArrayList<>();
    out.add(field(name, struct(List.of(decl("a: " + pick("int", "1", "*1 | int"))))));
    out.add(decl(name + ": b: " + pick("\"x\"", "string", name + ".a + 1")));
    if (rnd.nextBoolean()) {
      out.add(decl(name + ": a: " + pick("1", "2", "int")));
    }
    if (rnd.nextBoolean()) {
      String d = "#R" + (counter++);
      out.add(decl(d + ": {t: a: 1, t: b: " + pick("1", "string") + "}"));
      out.add(field(fresh(), expr(d + pick("", " & {t: b: \"q\"}", " & {t: c: 1}"))));
    }
    syms.add(new Sym(name, Type.STRUCT, Map.of("a", Type.INT)));
    return out;
  }

  private List<Node> comprehensionFields() {
    Sym s = pickSym(Type.STRUCT);
    String name = fresh();
    String src = s == null ? "{a: 1, b: 2}" : s.name();
    return switch (rnd.nextInt(4)) {
      case 0 -> List.of(decl(name + ": {for k, v in " + src + " {\"\\(k)x\": v}}"));
      case 1 ->
          List.of(
              decl(
                  name
                      + ": {for k, v in "
                      + src
                      + " if k != \"a\" {(k): "
                      + pick("v", "k")
                      + "}}"));
      case 2 ->
          List.of(
              decl(name + ": {if " + boolExpr() + " {x: 1}, if " + boolExpr() + " {y: 2}, z: 0}"));
      default -> List.of(decl("if " + boolExpr() + " {" + name + ": " + rnd.nextInt(5) + "}"));
    };
  }

  private List<Node> listComprehensions() {
    String name = fresh();
    Sym l = pickSym(Type.LIST);
    String src = l == null ? "[1, 2, 3]" : l.name();
    syms.add(new Sym(name, Type.LIST, Map.of()));
    return List.of(
        decl(
            name
                + ": [for i, x in "
                + src
                + pick(" if i > 0", "", " let y = x")
                + " {"
                + pick("x", "i", "{v: x}", "\"\\(i)\"")
                + "}]"));
  }

  private List<Node> patterns() {
    String name = fresh();
    List<Node> out = new ArrayList<>();
    out.add(
        decl(
            name
                + ": "
                + pick("[string]", "[=~\"^a\"]", "[N=_]", "[!=\"b\"]")
                + ": {v: *0 | int"
                + (rnd.nextBoolean() ? ", n: *\"x\" | string" : "")
                + "}"));
    out.add(decl(name + ": a: {}"));
    out.add(decl(name + ": b: v: " + rnd.nextInt(3)));
    if (rnd.nextBoolean()) {
      out.add(decl(name + ": {for k in [\"c\", \"d\"] {\"\\(k)\": {}}}"));
    }
    return out;
  }

  private List<Node> lets() {
    String name = fresh();
    String l = "L" + (counter++);
    return List.of(
        decl("let " + l + " = " + pick("1 + 2", "\"s\"", "{a: 1}", "[1, 2]")),
        decl(name + ": " + pick(l, "{v: " + l + "}", "[" + l + "]")));
  }

  private List<Node> disjunctions() {
    String name = fresh();
    List<Node> out = new ArrayList<>();
    Type t = scalarType();
    out.add(field(name, disjunction(t)));
    out.add(field(fresh(), expr(name + " & $0", concrete(t))));
    if (rnd.nextBoolean()) {
      out.add(decl(fresh() + ": (*1 | 2) & (" + pick("1 | *2", "*1 | 2", "2 | 3") + ")"));
    }
    if (rnd.nextBoolean()) {
      out.add(decl(fresh() + ": *_|_ | " + pick("3", "{a: 1}", "\"s\"")));
    }
    if (rnd.nextInt(3) == 0) {
      out.add(decl(fresh() + ": {a: *1 | int} | {b: *\"x\" | string}" + pick("", " & {a: 2}", "")));
    }
    syms.add(new Sym(name, t, Map.of()));
    return out;
  }

  private List<Node> builtins() {
    String name = fresh();
    return switch (rnd.nextInt(10)) {
      case 0 -> {
        imports.add("strings");
        yield List.of(decl(name + ": strings.ToUpper(" + stringExpr() + ")"));
      }
      case 1 -> List.of(decl(name + ": len(" + pick("[1, 2]", "\"héllo\"", "{a: 1, b?: 2}") + ")"));
      case 2 -> {
        imports.add("list");
        yield List.of(decl(name + ": list.Concat([[1], [2, 3]])"));
      }
      case 3 -> {
        imports.add("strconv");
        yield List.of(decl(name + ": strconv.FormatInt(" + intExpr() + ", 10)"));
      }
      case 4 -> {
        imports.add("encoding/json");
        yield List.of(decl(name + ": json.Marshal({a: 1, b: \"<x>\"})"));
      }
      case 5 -> {
        imports.add("list");
        yield List.of(
            decl(
                name
                    + ": list.Sort([3, 1, 2], "
                    + pick("list.Ascending", "list.Descending", "{x: _, y: _, less: x > y}")
                    + ")"));
      }
      case 6 -> {
        imports.add("strings");
        yield List.of(decl(name + ": strings.Join([\"a\", " + stringExpr() + "], \"-\")"));
      }
      case 7 -> List.of(decl(name + ": or([1, 2, 3]) & " + pick("2", "4", "int")));
      case 8 -> orOfDeclarations(name);
      default -> List.of(decl(name + ": " + pick("div(7, 2)", "mod(-7, 2)", "quo(7, 2)")));
    };
  }

  /**
   * {@code or(list)} and {@code and(list)} of struct elements made by a comprehension, and such
   * elements read through an index, a slice or a list builtin, met with fields that the elements'
   * own fields depend on, directly or through an operand: the terms must be the elements'
   * declarations, and a disjunct must find its term again when the operand is evaluated anew.
   */
  private List<Node> orOfDeclarations(String name) {
    String alts = "_alts" + counter;
    String mk = "#Mk" + (counter++);
    List<Node> out = new ArrayList<>();
    out.add(
        decl(
            alts
                + ": {a: {L: [...int], n: len(L)}, b: {S: [...string], let xs = [for x in S {x}],"
                + " m: len(xs)}}"));
    out.add(decl(mk + ": {#in: _, #T: or([for _, v in #in {v}])}"));
    String given = pick("{L: [1, 2]}", "{S: [\"x\"]}", "{L: [1], S: [\"y\"]}", "{n: 0}");
    String disj =
        pick(
            "or([for _, v in " + alts + " {v}])",
            "(" + mk + " & {#in: " + alts + "}).#T",
            "[for _, v in " + alts + " {v}][" + rnd.nextInt(2) + "]",
            "list.Concat([[for _, v in " + alts + " {v}], []])[" + rnd.nextInt(2) + "]",
            "list.Take([for _, v in " + alts + " {v}][" + rnd.nextInt(2) + ":], 1)[0]");
    if (disj.startsWith("list.")) {
      imports.add("list");
    }
    out.add(decl(name + ": " + disj + " & " + given));
    if (rnd.nextBoolean()) {
      out.add(
          decl(
              fresh()
                  + ": and([for _, v in {p: {x: int}, q: {y: x + 1, x: int}} {v}]) & {x: "
                  + rnd.nextInt(3)
                  + "}"));
    }
    return out;
  }

  private List<Node> bottomTests() {
    String name = fresh();
    Sym s = pickSym(Type.STRUCT);
    String base = s == null ? "{a: 1}" : s.name();
    return List.of(
        decl("_o" + counter + ": {x?: int, y: string}"),
        decl(
            name
                + ": {t1: "
                + base
                + ".a != _|_, t2: _o"
                + counter
                + ".x == _|_, t3: _o"
                + (counter++)
                + ".y != _|_}"));
  }

  private List<Node> embeddings() {
    String name = fresh();
    return switch (rnd.nextInt(5)) {
      case 0 -> List.of(decl(name + ": {" + pick("1", "\"s\"", "[1]") + ", #h: 2}"));
      case 1 ->
          List.of(
              decl("_e" + counter + ": {a: 1}"), decl(name + ": {_e" + (counter++) + ", b: 2}"));
      case 2 -> List.of(decl(name + ": {{a: 1}, b: 2}"));
      case 3 ->
          List.of(
              decl("#Em" + counter + ": a: {}"),
              decl(name + ": {#Em" + (counter++) + ", a: b: " + rnd.nextInt(4) + "}"));
      default -> List.of(decl(name + ": {if " + boolExpr() + " {\"yes\"}, if true {_q: 1}}"));
    };
  }

  private List<Node> closes() {
    String name = fresh();
    return List.of(
        decl(name + ": close({a: {b: 1}, c?: int})"),
        decl(
            fresh()
                + ": "
                + name
                + " & "
                + pick("{a: x: 2}", "{z: 1}", "{c: 3}", "{a: b: 1}", "{}", "{c: 1, a: {}}")));
  }

  private List<Node> optionals() {
    String name = fresh();
    return List.of(
        decl(name + ": {x?: " + pick("int", "string", "*\"d\" | string") + ", y: 1}"),
        decl(
            fresh()
                + ": {if "
                + name
                + ".x != _|_ {a: "
                + name
                + ".x}, b: "
                + pick(name + ".y", "2")
                + "}"),
        decl(rnd.nextInt(3) == 0 ? name + ": x: " + pick("1", "\"q\"") : "// no value for x"));
  }

  /** Definitions met through embeddings, disjunctions, close() and each other. */
  private List<Node> closednessShapes() {
    int k = counter++;
    String a = "#CA" + k;
    String b = "#CB" + k;
    List<Node> out = new ArrayList<>();
    out.add(decl(a + ": {a: int" + pick("", ", s: {x: *1 | int}", ", ...") + "}"));
    out.add(decl(b + ": {b: int" + pick("", ", s?: {y: int}") + "}"));
    String extra = pick("", ", d: 1", ", s: x: 2", ", s: z: 3");
    String v = fresh();
    switch (rnd.nextInt(7)) {
      case 0 -> {
        out.add(decl(v + ": {" + a + " | " + b + ", c: 1}"));
        out.add(decl(v + ": {" + pick("a", "b") + ": 1" + extra + "}"));
      }
      case 1 -> out.add(decl(v + ": {" + a + " & " + b + pick("", ", c: 1") + "}"));
      case 2 ->
          out.add(
              decl(v + ": (" + a + " | close({b: 1})) & {" + pick("a", "b") + ": 1" + extra + "}"));
      case 3 -> {
        out.add(decl("#CC" + k + ": {" + a + ", c?: int}"));
        out.add(decl(v + ": #CC" + k + " & {a: 1, c: 2" + extra + "}"));
      }
      case 4 -> {
        out.add(decl(v + ": {" + a + ", " + pick("a", "e") + ": 1}"));
        out.add(decl(fresh() + ": " + v + " & {a: 2" + extra + "}"));
      }
      case 5 -> out.add(decl(v + ": [..." + a + "] & [{a: 1}, {a: 2" + extra + "}]"));
      default -> {
        out.add(decl(v + ": " + a + " & {a: 1}"));
        out.add(decl(fresh() + ": " + v + pick(".s.x", ".s.q", ".a", ".zz")));
      }
    }
    return out;
  }

  private List<Node> misc() {
    String name = fresh();
    return switch (rnd.nextInt(8)) {
      case 0 -> List.of(decl(name + ": [1, 2, 3][1:" + (1 + rnd.nextInt(2)) + "]"));
      case 1 -> List.of(decl(name + ": \"abc\" & " + pick("=~\"^a\"", "!~\"^a\"", "=~\"z\"")));
      case 2 -> List.of(decl(name + ": and([{a: 1}, {b: 2}, " + pick("{}", "{a: 2}") + "])"));
      case 3 -> List.of(decl(name + ": [1, ...int] & [1, 2, " + pick("3", "\"x\"") + "]"));
      case 4 ->
          List.of(
              decl("#N" + counter + ": {n: int, next?: #N" + counter + "}"),
              decl(
                  name
                      + ": #N"
                      + (counter++)
                      + " & {n: 1, next: {n: 2"
                      + pick("", ", next: n: 3", ", x: 1")
                      + "}}"));
      case 5 -> List.of(decl(name + ": {a: b: c: 1} & {a: b: d: 2} & {a: e: 3}"));
      case 6 -> List.of(decl(name + ": " + bindings()));
      default ->
          List.of(
              decl(name + ": {x: *\"d\" | string, y: x + \"!\"}"),
              decl(fresh() + ": " + name + " & {x: \"e\"}"));
    };
  }

  /**
   * A struct that declares one name twice, in one scope or in a scope and one nested in it, each
   * time as a field, a let, a label alias, a value alias, a for variable or a let clause (CUE
   * rejects some pairs: aliases and lets against fields, for variables and let clauses).
   */
  private String bindings() {
    String n = "B" + (counter++);
    String outer = binding(n, 1);
    String inner = binding(n, 2);
    return rnd.nextBoolean()
        ? "{" + outer + ", " + inner + "}"
        : "{" + outer + ", s: {" + inner + "}}";
  }

  /** One declaration of n, with a field that uses it where it must be used. */
  private String binding(String n, int v) {
    return switch (rnd.nextInt(6)) {
      case 0 -> n + ": " + v;
      case 5 -> "f" + v + ": " + n + "={p: " + v + ", q: " + n + ".p}";
      case 1 -> "let " + n + " = " + v + ", u" + v + ": " + n;
      case 2 -> n + "=f" + v + ": " + v + ", u" + v + ": " + n;
      case 3 -> "l" + v + ": [for " + n + " in [" + v + "] {" + n + "}]";
      default -> "l" + v + ": [for i in [" + v + "] let " + n + " = i {" + n + "}]";
    };
  }

  private List<Node> dynamicLabels() {
    String name = fresh();
    return List.of(
        decl("_keys" + counter + ": [\"k1\", \"k2\"]"),
        decl(
            name
                + ": {for i, k in _keys"
                + (counter++)
                + " {(k): i}, "
                + pick("\"k3\": 3", "k1: int", "k2: 5")
                + "}"));
  }

  private List<Node> interpolations() {
    String name = fresh();
    return List.of(decl(name + ": \"\\(" + intExpr() + ")-\\(" + stringExpr() + ")\""));
  }

  // ---------------------------------------------------------------------------------------------
  // values

  private Node value(Type t, int depth) {
    if (depth <= 0) {
      return concrete(t);
    }
    return switch (t) {
      case INT -> expr(intExpr());
      case STRING -> expr(stringExpr());
      case BOOL -> expr(boolExpr());
      case STRUCT -> {
        List<Node> fs = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          fs.add(decl("f" + i + ": $0", value(randomType(), depth - 1)));
        }
        if (rnd.nextInt(5) == 0 && !fs.isEmpty()) {
          // a second declaration of f0: another struct, which unifies with a struct f0
          fs.add(decl("f0: $0", n > 0 ? expr("_") : value(Type.STRUCT, depth - 1)));
        }
        yield struct(fs);
      }
      case LIST -> {
        List<Node> es = new ArrayList<>();
        int n = rnd.nextInt(4);
        Type et = scalarType();
        for (int i = 0; i < n; i++) {
          es.add(value(et, depth - 1));
        }
        if (rnd.nextInt(4) == 0) {
          yield expr("[...$0] & $1", expr(typeName(et)), list(es));
        }
        yield list(es);
      }
    };
  }

  private Node concrete(Type t) {
    return switch (t) {
      case INT -> expr(Integer.toString(rnd.nextInt(10) - 2));
      case STRING -> expr("\"" + pick("a", "b", "web", "x-y", "") + "\"");
      case BOOL -> expr(Boolean.toString(rnd.nextBoolean()));
      case STRUCT -> expr("{a: " + rnd.nextInt(3) + "}");
      case LIST -> expr("[" + rnd.nextInt(3) + "]");
    };
  }

  private Node typeOrDefault(Type t) {
    return switch (rnd.nextInt(3)) {
      case 0 -> expr(typeName(t));
      case 1 -> expr("*$0 | " + typeName(t), concrete(t));
      default -> t == Type.INT ? expr(pick(">=0", "int & <10", "!=3")) : expr(typeName(t));
    };
  }

  private Node disjunction(Type t) {
    return expr("*$0 | $1 | $2", concrete(t), concrete(t), concrete(t));
  }

  private String intExpr() {
    Sym s = pickSym(Type.INT);
    return switch (rnd.nextInt(6)) {
      case 0 -> Integer.toString(rnd.nextInt(20) - 5);
      case 1 -> s == null ? "3" : s.name() + " + " + rnd.nextInt(4);
      case 2 -> "*" + rnd.nextInt(4) + " | int";
      case 3 -> s == null ? "int" : s.name();
      case 4 -> rnd.nextInt(5) + " * " + rnd.nextInt(5) + " - 1";
      default -> "len([1, 2, 3])";
    };
  }

  private String stringExpr() {
    Sym s = pickSym(Type.STRING);
    return switch (rnd.nextInt(5)) {
      case 0 -> "\"" + pick("a", "web", "Hello") + "\"";
      case 1 -> s == null ? "\"q\"" : s.name();
      case 2 -> s == null ? "\"a\" + \"b\"" : s.name() + " + \"-x\"";
      case 3 -> "*\"d\" | string";
      default -> "\"n-\\(" + rnd.nextInt(9) + ")\"";
    };
  }

  private String boolExpr() {
    Sym s = pickSym(Type.INT);
    Sym st = pickSym(Type.STRUCT);
    return switch (rnd.nextInt(6)) {
      case 0 -> Boolean.toString(rnd.nextBoolean());
      case 1 -> s == null ? "1 < 2" : s.name() + " > " + rnd.nextInt(4);
      case 2 -> st == null ? "true" : st.name() + "." + pick("a", "f0", "zz") + " != _|_";
      case 3 -> "!" + pick("true", "false");
      case 4 -> "\"a\" == \"" + pick("a", "b") + "\"";
      default -> "true && " + pick("true", "false");
    };
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private Node field(String name, Node value) {
    return decl(name + ": $0", value);
  }

  private String fresh() {
    String n = "v" + (counter++);
    return n;
  }

  private Type randomType() {
    return Type.values()[rnd.nextInt(Type.values().length)];
  }

  private Type scalarType() {
    return switch (rnd.nextInt(3)) {
      case 0 -> Type.INT;
      case 1 -> Type.STRING;
      default -> Type.BOOL;
    };
  }

  private static String typeName(Type t) {
    return switch (t) {
      case INT -> "int";
      case STRING -> "string";
      case BOOL -> "bool";
      case STRUCT -> "{...}";
      case LIST -> "[...]";
    };
  }

  private Sym pickSym(Type t) {
    List<Sym> c = new ArrayList<>();
    for (Sym s : syms) {
      if (s.type() == t) {
        c.add(s);
      }
    }
    return c.isEmpty() || rnd.nextInt(4) == 0 ? null : c.get(rnd.nextInt(c.size()));
  }

  private String pick(String... options) {
    return options[rnd.nextInt(options.length)];
  }
}
