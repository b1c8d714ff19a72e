package io.vela4j.cue.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Schema (draft 2020-12) of an evaluated value, as {@code cuelang.org/go/encoding/openapi}
 * with {@code ExpandReferences} describes a CUE value, written in 2020-12's words.
 *
 * <p><b>Algorithm.</b> The evaluated vertex alone does not say enough: an open list keeps no
 * element type, a struct keeps no pattern constraints, and a disjunction's clones do not say which
 * term made them. So the builder reads both, as CUE's builder reads {@code Value.Expr()}:
 *
 * <ol>
 *   <li>A <em>disjunction</em> (the vertex is a disjunction, or its conjuncts hold one {@code a |
 *       b} beside nothing but {@code _}) is taken apart term by term: each term is evaluated alone
 *       in its own frame (a temporary vertex, closed when the term was written inside a definition)
 *       and described recursively. Default marks give {@code default} (the default term exported,
 *       when it is concrete; an empty list is left out, as CUE does); concrete terms subsumed by a
 *       type of the same kind ({@code *5 | int}) are dropped; {@code null} makes the type nullable
 *       ({@code type: ["string", "null"]}); concrete scalars alone become {@code type} and {@code
 *       enum}; anything else is {@code oneOf} (with {@code type: object} beside it when every term
 *       is a struct, as CUE writes it).
 *   <li>A <em>struct</em> lists its fields from the evaluated vertex (so fields of comprehensions
 *       whose guards hold with defaults are in, as in CUE): regular and required fields are {@code
 *       required}, optional ones are not, nor are fields whose default term is incomplete alone (it
 *       refers to something outside the value, such as a template's {@code context}), definitions,
 *       hidden fields and lets are left out; each field is described from its own vertex, with its
 *       doc comments as {@code description}. The struct's conjuncts (through references, {@code &},
 *       {@code close()} and embeddings) give its pattern constraints: {@code [string]: T} is {@code
 *       additionalProperties: T}, {@code [=~"re"]: T} is {@code patternProperties}, {@code ...T} is
 *       {@code additionalProperties: T}. A struct with {@code if}/{@code for} or dynamic fields,
 *       which other values would give other fields, has {@code additionalProperties: true};
 *       otherwise a closed struct (a definition, {@code close()}) without such patterns has {@code
 *       additionalProperties: false}, and an explicitly open one ({@code ...}) that declares fields
 *       has {@code additionalProperties: true}.
 *   <li>A <em>list</em>: its conjuncts' {@code [...T]} tails, unified in a temporary vertex, are
 *       {@code items}; elements of a closed list are {@code prefixItems} (with {@code items: false}
 *       and {@code minItems}); {@code list.MinItems}/{@code MaxItems} become {@code
 *       minItems}/{@code maxItems}.
 *   <li>A <em>scalar</em> constraint: its kind is {@code type} ({@code int} is {@code integer},
 *       {@code float} and {@code number} are {@code number}, {@code bytes} is a string of format
 *       {@code binary}); bounds are {@code minimum}, {@code maximum} and the numeric {@code
 *       exclusiveMinimum}/{@code exclusiveMaximum}; {@code =~} is {@code pattern} and {@code !~} is
 *       {@code not: {pattern}} ({@code allOf} when there are several); {@code !=x} is {@code not:
 *       {const: x}}; {@code strings.MinRunes}/{@code MaxRunes} are {@code minLength}/{@code
 *       maxLength}. A concrete value is {@code type} plus a one-value {@code enum}, as CUE writes
 *       it.
 * </ol>
 *
 * <p>Top is {@code {}}. What cannot be described (an error, a recursive definition, a builtin
 * validator JSON Schema has no word for) degrades to what is known, or to {@code {}} with a {@code
 * description} saying why; valid CUE never makes the builder fail. Evaluating terms and element
 * types happens in a fresh {@link Evaluation} that only reads the finished graph, so the value
 * described is never changed.
 */
final class JsonSchemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 48;

  private final Evaluation ev;
  private final CueCompiler.Limits limits;
  private final IdentityHashMap<Object, Boolean> active = new IdentityHashMap<>();

  /**
   * Schemas of disjunctions whose default term is incomplete alone (it refers to something outside
   * the value, such as a template's {@code context}): the default exists but cannot be written, so
   * a field with such a schema is not {@code required}.
   */
  private final IdentityHashMap<ObjectNode, Boolean> unwrittenDefaults = new IdentityHashMap<>();

  private int depth;

  private JsonSchemas(CueCompiler.Limits limits) {
    this.limits = limits;
    this.ev = new Evaluation(limits);
  }

  /** The schema of a finalized vertex. */
  static ObjectNode of(Vertex v, CueCompiler.Limits limits) {
    return new JsonSchemas(limits).schema(v, v.conjuncts());
  }

  // ------------------------------------------------------------------ dispatch

  private ObjectNode schema(Vertex v0, List<Conjunct> conjuncts) {
    if (depth >= MAX_DEPTH) {
      return unsupported("nested too deeply to describe");
    }
    depth++;
    try {
      Vertex v = v0.deref();
      Found disj = findDisjunction(conjuncts);
      if (disj != null && (v.kind == Vertex.K_DISJ || disj.alone)) {
        return disjunction(disj);
      }
      return switch (v.kind) {
        case Vertex.K_STRUCT -> struct(v, conjuncts);
        case Vertex.K_LIST -> list(v, conjuncts);
        case Vertex.K_SCALAR -> scalar(v.scalar);
        case Vertex.K_CONSTRAINT -> constraint(v);
        case Vertex.K_DISJ -> clones(v);
        case Vertex.K_BOTTOM ->
            unsupported(v.err == null ? "an error" : "an error: " + v.err.message());
        default -> F.objectNode();
      };
    } finally {
      depth--;
    }
  }

  private static ObjectNode unsupported(String why) {
    ObjectNode o = F.objectNode();
    o.put("description", "not described: " + why);
    return o;
  }

  // ------------------------------------------------------------------ conjunct walking

  /** A disjunction found among conjuncts, with the frame it is evaluated in. */
  private record Found(Adt.DisjE d, @Nullable Env env, boolean fromDef, boolean alone) {}

  /**
   * The single disjunction among the conjuncts (through references, {@code &} and embeddings);
   * {@code alone} when the other conjuncts add nothing but {@code _}.
   */
  private @Nullable Found findDisjunction(List<Conjunct> conjuncts) {
    List<Found> found = new ArrayList<>(1);
    boolean[] other = {false};
    for (Conjunct c : conjuncts) {
      collectDisj(c.expr(), c.env(), c.ci().fromDef(), found, other, 0);
    }
    if (found.size() != 1) {
      return null;
    }
    Found f = found.get(0);
    return new Found(f.d, f.env, f.fromDef, !other[0]);
  }

  private void collectDisj(
      Adt.Expr e,
      @Nullable Env env,
      boolean fromDef,
      List<Found> found,
      boolean[] other,
      int hops) {
    if (hops > 16) {
      other[0] = true;
      return;
    }
    if (e instanceof Adt.DisjE d) {
      found.add(new Found(d, env, fromDef, true));
    } else if (e instanceof Adt.Lit l && l.value() instanceof Atom.Top) {
      return;
    } else if (e instanceof Adt.BinE b && b.op() == Ast.Op.AND) {
      collectDisj(b.x(), env, fromDef, found, other, hops + 1);
      collectDisj(b.y(), env, fromDef, found, other, hops + 1);
    } else if (e instanceof Adt.RefE r) {
      Vertex t = target(r, env);
      if (t == null) {
        other[0] = true;
        return;
      }
      boolean def = fromDef || Labels.isDefinition(t.label) || t.inDefinition;
      for (Conjunct c : t.conjuncts()) {
        collectDisj(c.expr(), c.env(), def || c.ci().fromDef(), found, other, hops + 1);
      }
    } else if (e instanceof Adt.ValueE ve) {
      for (Conjunct c : ve.vertex().conjuncts()) {
        collectDisj(c.expr(), c.env(), fromDef || c.ci().fromDef(), found, other, hops + 1);
      }
    } else {
      other[0] = true;
    }
  }

  private @Nullable Vertex target(Adt.RefE r, @Nullable Env env) {
    if (r.kind() == Adt.RefKind.BIND || env == null) {
      return null;
    }
    try {
      Env e = env.at(r.up());
      if (r.kind() == Adt.RefKind.FIELD) {
        return e.vertex == null ? null : e.vertex.arcs.get(r.name());
      }
      if (r.kind() == Adt.RefKind.SELF) {
        return e.vertex;
      }
      return References.letVertex(ev, e, r.name());
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** What the struct literals among some conjuncts declare besides fields. */
  private static final class Decls {
    final List<Conjunct> patterns = new ArrayList<>(1);
    final List<Adt.PatternD> patternDecls = new ArrayList<>(1);
    final List<Conjunct> rest = new ArrayList<>(1);
    final List<Conjunct> tails = new ArrayList<>(1);
    boolean open;
    boolean comprehensions;
  }

  private Decls decls(Vertex v, List<Conjunct> conjuncts) {
    Decls out = new Decls();
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    for (Conjunct c : conjuncts) {
      walk(v, c.expr(), c.env(), c.ci().fromDef(), out, seen, 0);
    }
    return out;
  }

  private void walk(
      Vertex v,
      Adt.Expr e,
      @Nullable Env env,
      boolean fromDef,
      Decls out,
      IdentityHashMap<Object, Boolean> seen,
      int hops) {
    if (hops > 16 || seen.put(e, Boolean.TRUE) != null) {
      return;
    }
    Conjunct.CloseInfo ci = new Conjunct.CloseInfo(0, 0, 0, false, fromDef);
    if (e instanceof Adt.StructE s) {
      Env senv = Env.struct(env, v, s);
      for (Adt.Decl d : s.decls()) {
        if (d instanceof Adt.PatternD p) {
          out.patterns.add(new Conjunct(p.filter(), senv, ci, null));
          out.patternDecls.add(p);
        } else if (d instanceof Adt.EllipsisD el) {
          out.open = true;
          if (el.type() != null) {
            out.rest.add(new Conjunct(el.type(), senv, ci, null));
          }
        } else if (d instanceof Adt.EmbedD em) {
          walk(v, em.expr(), senv, fromDef, out, seen, hops + 1);
        } else if (d instanceof Adt.CompD || d instanceof Adt.DynFieldD) {
          out.comprehensions = true;
        }
      }
    } else if (e instanceof Adt.ListE l) {
      if (l.open() && l.tail() != null) {
        out.tails.add(new Conjunct(l.tail(), env, ci, null));
      }
    } else if (e instanceof Adt.BinE b && b.op() == Ast.Op.AND) {
      walk(v, b.x(), env, fromDef, out, seen, hops + 1);
      walk(v, b.y(), env, fromDef, out, seen, hops + 1);
    } else if (e instanceof Adt.CallE call
        && call.fn() instanceof Adt.BuiltinE b
        && b.pkg().isEmpty()
        && b.name().equals("close")
        && call.args().size() == 1) {
      walk(v, call.args().get(0), env, fromDef, out, seen, hops + 1);
    } else if (e instanceof Adt.RefE r) {
      Vertex t = target(r, env);
      if (t != null) {
        boolean def = fromDef || Labels.isDefinition(t.label) || t.inDefinition;
        for (Conjunct c : t.conjuncts()) {
          walk(v, c.expr(), c.env(), def || c.ci().fromDef(), out, seen, hops + 1);
        }
      }
    } else if (e instanceof Adt.ValueE ve) {
      for (Conjunct c : ve.vertex().conjuncts()) {
        walk(v, c.expr(), c.env(), fromDef || c.ci().fromDef(), out, seen, hops + 1);
      }
    }
  }

  /** Evaluates conjuncts alone in a temporary vertex of a fresh evaluation. */
  private @Nullable Vertex evaluate(List<Conjunct> conjuncts) {
    Vertex t = new Vertex(null, "");
    t.arcType = Adt.ArcType.REGULAR;
    t.addConjuncts(conjuncts);
    try {
      ev.finalizeDeep(t);
    } catch (BottomEx b) {
      return Vertex.ofValue(b.bottom);
    } catch (RuntimeException | StackOverflowError ex) {
      return null;
    }
    return t;
  }

  private ObjectNode described(List<Conjunct> conjuncts) {
    Object key = conjuncts.size() == 1 ? conjuncts.get(0).expr() : null;
    if (key != null && active.containsKey(key)) {
      return unsupported("a recursive definition");
    }
    if (key != null) {
      active.put(key, Boolean.TRUE);
    }
    try {
      Vertex t = evaluate(conjuncts);
      return t == null
          ? unsupported("a value that cannot be evaluated alone")
          : schema(t, conjuncts);
    } finally {
      if (key != null) {
        active.remove(key);
      }
    }
  }

  // ------------------------------------------------------------------ disjunctions

  private ObjectNode disjunction(Found f) {
    Conjunct.CloseInfo ci = new Conjunct.CloseInfo(0, 0, 0, false, f.fromDef);
    List<Alt> alts = new ArrayList<>();
    boolean incompleteDefault = false;
    for (int i = 0; i < f.d.terms().size(); i++) {
      List<Conjunct> cs = List.of(new Conjunct(f.d.terms().get(i), f.env, ci, null));
      Vertex t = evaluate(cs);
      boolean marked = f.d.hasMarks() && f.d.marks()[i];
      if (t == null || t.deref().kind == Vertex.K_BOTTOM) {
        Atom.Bottom err = t == null ? null : t.deref().err;
        incompleteDefault |= marked && err != null && err.incomplete();
        continue;
      }
      alts.add(new Alt(t.deref(), cs, marked));
    }
    ObjectNode out = combine(alts);
    if (incompleteDefault && !out.has("default")) {
      unwrittenDefaults.put(out, Boolean.TRUE);
    }
    return out;
  }

  private ObjectNode clones(Vertex v) {
    List<Alt> alts = new ArrayList<>();
    boolean marked = !Defaults.allMarked(v);
    for (int i = 0; i < v.disjuncts.size(); i++) {
      Vertex d = v.disjuncts.get(i).deref();
      alts.add(new Alt(d, d.conjuncts(), marked && Defaults.marked(v, i)));
    }
    return combine(alts);
  }

  private record Alt(Vertex v, List<Conjunct> conjuncts, boolean dflt) {}

  private ObjectNode combine(List<Alt> all) {
    if (all.isEmpty()) {
      return unsupported("a disjunction without valid terms");
    }
    JsonNode dflt = null;
    int defaults = 0;
    for (Alt a : all) {
      if (a.dflt) {
        defaults++;
        dflt = exportOrNull(a.v);
      }
    }
    if (defaults != 1) {
      dflt = null;
    }
    boolean nullable = false;
    List<Alt> alts = new ArrayList<>();
    for (Alt a : all) {
      if (a.v.kind == Vertex.K_SCALAR && a.v.scalar instanceof Atom.Null) {
        nullable = true;
      } else if (!subsumed(a, all)) {
        alts.add(a);
      }
    }
    ObjectNode out;
    if (alts.isEmpty()) {
      out = F.objectNode();
      out.put("type", "null");
      nullable = false;
    } else if (alts.stream().allMatch(a -> a.v.kind == Vertex.K_SCALAR)) {
      out = enumeration(alts);
    } else if (alts.size() == 1) {
      out = schema(alts.get(0).v, alts.get(0).conjuncts);
    } else {
      out = F.objectNode();
      boolean structs = alts.stream().allMatch(a -> a.v.kind == Vertex.K_STRUCT);
      if (structs) {
        out.put("type", "object");
      }
      ArrayNode one = out.putArray("oneOf");
      for (Alt a : alts) {
        ObjectNode s = schema(a.v, a.conjuncts());
        if (structs && "object".equals(s.path("type").asText())) {
          s.remove("type");
        }
        one.add(s);
      }
    }
    if (nullable) {
      makeNullable(out);
    }
    if (dflt != null && !(dflt.isArray() && dflt.isEmpty())) {
      out.set("default", dflt);
    }
    return out;
  }

  private static void makeNullable(ObjectNode out) {
    JsonNode type = out.get("type");
    if (type != null && type.isTextual()) {
      ArrayNode types = F.arrayNode().add(type.textValue()).add("null");
      out.set("type", types);
      JsonNode en = out.get("enum");
      if (en instanceof ArrayNode a) {
        a.addNull();
      }
    } else if (type == null && out.has("oneOf")) {
      ((ArrayNode) out.get("oneOf")).addObject().put("type", "null");
    } else if (type == null) {
      out.put("type", "null");
    }
  }

  /**
   * A concrete term that a type-like term of the same kind admits ({@code 5} in {@code *5 | int}).
   */
  private static boolean subsumed(Alt a, List<Alt> all) {
    Vertex v = a.v;
    boolean concreteScalar = v.kind == Vertex.K_SCALAR;
    boolean closedList = v.kind == Vertex.K_LIST && !v.listOpen;
    if (!concreteScalar && !closedList) {
      return false;
    }
    for (Alt o : all) {
      Vertex w = o.v;
      if (w == v) {
        continue;
      }
      if (concreteScalar && w.kind == Vertex.K_CONSTRAINT) {
        if ((v.scalar.kindMask() & w.kindMask) != 0 && satisfies(v.scalar, w)) {
          return true;
        }
      } else if (closedList && w.kind == Vertex.K_LIST && w.listOpen) {
        return true;
      }
    }
    return false;
  }

  private static boolean satisfies(Atom value, Vertex constraint) {
    for (Atom c : constraint.constraints) {
      if (c instanceof Atom.Bound b && Ops.checkBound(b, value) != null) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode enumeration(List<Alt> alts) {
    ObjectNode out = F.objectNode();
    List<String> types = new ArrayList<>();
    ArrayNode values = F.arrayNode();
    for (Alt a : alts) {
      String t = typeOfScalar(a.v.scalar);
      if (!types.contains(t)) {
        types.add(t);
      }
      values.add(json(a.v.scalar));
    }
    if (types.size() == 1) {
      out.put("type", types.get(0));
    } else {
      ArrayNode ts = out.putArray("type");
      types.forEach(ts::add);
    }
    out.set("enum", values);
    return out;
  }

  private @Nullable JsonNode exportOrNull(Vertex v) {
    try {
      return Exporter.export(v, limits.maxOutputSize(), false);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ structs and lists

  private ObjectNode struct(Vertex v, List<Conjunct> conjuncts) {
    ObjectNode out = F.objectNode();
    out.put("type", "object");
    List<String> required = new ArrayList<>();
    Map<String, ObjectNode> props = new LinkedHashMap<>();
    for (Vertex a : v.arcs.values()) {
      if (a.isLet || !Labels.isRegular(a.label) || a.arcType == null) {
        continue;
      }
      String name = Labels.display(a.label);
      ObjectNode s = schema(a, a.conjuncts());
      boolean defaulted = unwrittenDefaults.containsKey(s);
      String doc = String.join("\n", a.docs).strip();
      if (!doc.isEmpty()) {
        ObjectNode withDoc = F.objectNode();
        withDoc.put("description", doc);
        withDoc.setAll(s);
        s = withDoc;
      }
      props.put(name, s);
      if (a.arcType != Adt.ArcType.OPTIONAL && !defaulted) {
        required.add(name);
      }
    }
    if (!required.isEmpty()) {
      ArrayNode r = out.putArray("required");
      required.forEach(r::add);
    }
    if (!props.isEmpty()) {
      out.putObject("properties").setAll(props);
    }
    Decls d = decls(v, conjuncts);
    ObjectNode additional = null;
    ObjectNode patterns = F.objectNode();
    for (int i = 0; i < d.patterns.size(); i++) {
      Conjunct filter = d.patterns.get(i);
      Adt.PatternD p = d.patternDecls.get(i);
      Vertex fv = evaluate(List.of(filter));
      if (fv == null) {
        continue;
      }
      fv = fv.deref();
      Env valueEnv =
          p.alias() == null
              ? filter.env()
              : Env.bind(filter.env(), p.alias(), new Atom.Kind(Atom.STRING, "string"));
      List<Conjunct> value = List.of(new Conjunct(p.value(), valueEnv, filter.ci(), null));
      if (fv.kind == Vertex.K_CONSTRAINT && fv.kindMask == Atom.STRING) {
        String re = regexOf(fv);
        if (re == null) {
          additional = described(value);
        } else {
          patterns.set(re, described(value));
        }
      } else if (fv.kind == Vertex.K_TOP) {
        additional = described(value);
      }
    }
    if (additional == null && !d.rest.isEmpty()) {
      additional = described(d.rest);
    }
    if (!patterns.isEmpty()) {
      out.set("patternProperties", patterns);
    }
    if (additional != null) {
      out.set("additionalProperties", additional);
    } else if (d.comprehensions && !props.isEmpty()) {
      // `if`/`for` fields depend on values: other values declare other fields
      out.put("additionalProperties", true);
    } else if (v.closedToLookups && !d.open) {
      out.put("additionalProperties", false);
    } else if (d.open && !props.isEmpty()) {
      out.put("additionalProperties", true);
    }
    return out;
  }

  /** The regular expression of a label filter that is exactly {@code =~"re"}, else null. */
  private static @Nullable String regexOf(Vertex filter) {
    String re = null;
    for (Atom c : filter.constraints) {
      if (c instanceof Atom.Bound b && b.op() == Ast.Op.MAT && b.operand() instanceof Atom.Str s) {
        if (re != null) {
          return null;
        }
        re = s.s();
      } else if (!(c instanceof Atom.Kind)) {
        return null;
      }
    }
    return re;
  }

  private ObjectNode list(Vertex v, List<Conjunct> conjuncts) {
    ObjectNode out = F.objectNode();
    out.put("type", "array");
    List<Vertex> elems = v.elements();
    if (!elems.isEmpty()) {
      ArrayNode prefix = out.putArray("prefixItems");
      for (Vertex e : elems) {
        prefix.add(schema(e, e.conjuncts()));
      }
    }
    if (v.listOpen) {
      Decls d = decls(v, conjuncts);
      out.set("items", d.tails.isEmpty() ? F.objectNode() : described(d.tails));
    } else {
      out.put("items", false);
      if (!elems.isEmpty()) {
        out.put("minItems", elems.size());
      }
    }
    for (Atom.Validator val : v.validators) {
      validator(val, out);
    }
    return out;
  }

  // ------------------------------------------------------------------ scalars

  private static ObjectNode scalar(@Nullable Atom a) {
    ObjectNode out = F.objectNode();
    if (a == null) {
      return out;
    }
    out.put("type", typeOfScalar(a));
    out.putArray("enum").add(json(a));
    return out;
  }

  private static String typeOfScalar(Atom a) {
    if (a instanceof Atom.Null) {
      return "null";
    } else if (a instanceof Atom.Bool) {
      return "boolean";
    } else if (a instanceof Atom.Num n) {
      return n.isInt() ? "integer" : "number";
    } else if (a instanceof Atom.Str || a instanceof Atom.Bytes) {
      return "string";
    }
    return "object";
  }

  private static JsonNode json(Atom a) {
    if (a instanceof Atom.Bool b) {
      return F.booleanNode(b.b());
    } else if (a instanceof Atom.Num n) {
      return n.isInt() ? integer(n.bigInt()) : F.numberNode(n.d());
    } else if (a instanceof Atom.Str s) {
      return F.textNode(s.s());
    } else if (a instanceof Atom.Bytes b) {
      return F.textNode(java.util.Base64.getEncoder().encodeToString(b.b()));
    }
    return F.nullNode();
  }

  private static ObjectNode constraint(Vertex v) {
    ObjectNode out = F.objectNode();
    int m = v.kindMask;
    List<String> types = new ArrayList<>();
    if ((m & Atom.NULL) != 0) {
      types.add("null");
    }
    if ((m & Atom.BOOL) != 0) {
      types.add("boolean");
    }
    if ((m & Atom.NUMBER) == Atom.INT) {
      types.add("integer");
    } else if ((m & Atom.NUMBER) != 0) {
      types.add("number");
    }
    if ((m & (Atom.STRING | Atom.BYTES)) != 0) {
      types.add("string");
    }
    if ((m & Atom.LIST) != 0) {
      types.add("array");
    }
    if ((m & Atom.STRUCT) != 0) {
      types.add("object");
    }
    if (m != Atom.ALL && !types.isEmpty()) {
      if (types.size() == 1) {
        out.put("type", types.get(0));
      } else {
        ArrayNode t = out.putArray("type");
        types.forEach(t::add);
      }
    }
    if (m == Atom.BYTES) {
      out.put("format", "binary");
    }
    if (m == Atom.ALL) {
      // a validator alone still says what it applies to, as in CUE's openapi
      for (Atom c : v.constraints) {
        if (c instanceof Atom.Validator val && val.pkg().equals("strings")) {
          out.put("type", "string");
        } else if (c instanceof Atom.Validator val && val.pkg().equals("list")) {
          out.put("type", "array");
        }
      }
    }
    List<ObjectNode> patterns = new ArrayList<>();
    for (Atom c : v.constraints) {
      if (c instanceof Atom.Bound b) {
        bound(b, out, patterns);
      } else if (c instanceof Atom.Validator val) {
        validator(val, out);
      }
    }
    if (patterns.size() == 1) {
      out.setAll(patterns.get(0));
    } else if (patterns.size() > 1) {
      ArrayNode all = out.putArray("allOf");
      patterns.forEach(all::add);
    }
    return out;
  }

  private static void bound(Atom.Bound b, ObjectNode out, List<ObjectNode> patterns) {
    Atom x = b.operand();
    switch (b.op()) {
      case GEQ -> numeric(out, "minimum", x);
      case GTR -> numeric(out, "exclusiveMinimum", x);
      case LEQ -> numeric(out, "maximum", x);
      case LSS -> numeric(out, "exclusiveMaximum", x);
      case NEQ -> {
        ObjectNode not = F.objectNode();
        not.set("const", json(x));
        patterns.add(F.objectNode().set("not", not));
      }
      case MAT -> {
        if (x instanceof Atom.Str s) {
          patterns.add(F.objectNode().put("pattern", s.s()));
        }
      }
      case NMAT -> {
        if (x instanceof Atom.Str s) {
          patterns.add(F.objectNode().set("not", F.objectNode().put("pattern", s.s())));
        }
      }
      default -> {}
    }
  }

  private static void numeric(ObjectNode out, String keyword, Atom x) {
    if (x instanceof Atom.Num n) {
      out.set(keyword, n.isInt() ? integer(n.bigInt()) : F.numberNode(n.d()));
    }
  }

  private static void validator(Atom.Validator val, ObjectNode out) {
    String q = val.pkg() + "." + val.name();
    BigInteger n = val.args().isEmpty() ? null : integer(val.args().get(0));
    switch (q) {
      case "strings.MinRunes" -> putInt(out, "minLength", n);
      case "strings.MaxRunes" -> putInt(out, "maxLength", n);
      case "list.MinItems" -> putInt(out, "minItems", n);
      case "list.MaxItems" -> putInt(out, "maxItems", n);
      case "list.UniqueItems" -> out.put("uniqueItems", true);
      default -> {}
    }
  }

  private static void putInt(ObjectNode out, String keyword, @Nullable BigInteger n) {
    if (n != null) {
      out.set(keyword, integer(n));
    }
  }

  /** An integer as the smallest node that holds it, as a JSON parser would give it. */
  private static JsonNode integer(BigInteger n) {
    if (n.bitLength() < 32) {
      return F.numberNode(n.intValue());
    } else if (n.bitLength() < 64) {
      return F.numberNode(n.longValue());
    }
    return F.numberNode(n);
  }

  private static @Nullable BigInteger integer(Object o) {
    if (o instanceof BigInteger b) {
      return b;
    } else if (o instanceof BigDecimal d) {
      return d.toBigInteger();
    } else if (o instanceof Number n) {
      return BigInteger.valueOf(n.longValue());
    } else if (o instanceof Atom.Num n && n.isInt()) {
      return n.bigInt();
    }
    return null;
  }
}
