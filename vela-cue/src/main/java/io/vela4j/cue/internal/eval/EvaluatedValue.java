package io.vela4j.cue.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueKind;
import io.vela4j.cue.CueValue;
import io.vela4j.cue.internal.export.ExportText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An evaluated value: a finalized vertex of an evaluation that is never modified again. */
final class EvaluatedValue implements CueValue {
  private final @Nullable ProgramImpl program;
  private final CueCompiler.Limits limits;
  private final List<ProgramImpl.Fill> fills;
  private final Vertex root;
  private final @Nullable Vertex v;
  private final String path;

  EvaluatedValue(
      @Nullable ProgramImpl program,
      CueCompiler.Limits limits,
      List<ProgramImpl.Fill> fills,
      Vertex root,
      @Nullable Vertex v,
      String path) {
    this.program = program;
    this.limits = limits;
    this.fills = fills;
    this.root = root;
    this.v = v;
    this.path = path;
  }

  @Override
  public CueValue lookup(String p) {
    if (p.isEmpty()) {
      return this;
    }
    Vertex cur = v;
    for (String seg : Labels.splitPath(p)) {
      if (cur == null) {
        break;
      }
      Vertex d = Defaults.dflt(cur);
      // a segment is the identifier or the string it spells: #d is a definition, else the string
      Vertex next = d.arcs.get(Labels.isQuoted(seg) ? Labels.quoted(seg) : seg);
      if (next == null && !Labels.isRegular(seg)) {
        next = d.arcs.get(Labels.quoted(seg));
      }
      if (next != null && next.isLet) {
        next = null;
      }
      cur = next;
    }
    return new EvaluatedValue(
        program, limits, fills, root, cur, path.isEmpty() ? p : path + "." + p);
  }

  @Override
  public boolean exists() {
    return v != null;
  }

  @Override
  public CueKind kind() {
    if (v == null) {
      return CueKind.BOTTOM;
    }
    return kindOf(Defaults.dflt(v));
  }

  private static CueKind kindOf(Vertex d) {
    return switch (d.kind) {
      case Vertex.K_BOTTOM -> CueKind.BOTTOM;
      case Vertex.K_STRUCT -> CueKind.STRUCT;
      case Vertex.K_LIST -> CueKind.LIST;
      case Vertex.K_SCALAR -> maskKind(d.scalar.kindMask());
      case Vertex.K_CONSTRAINT -> maskKind(d.kindMask);
      case Vertex.K_DISJ -> {
        CueKind k = null;
        for (Vertex a : d.disjuncts) {
          CueKind ak = kindOf(a.deref());
          if (k == null) {
            k = ak;
          } else if (k != ak) {
            boolean num =
                (k == CueKind.INT || k == CueKind.FLOAT || k == CueKind.NUMBER)
                    && (ak == CueKind.INT || ak == CueKind.FLOAT || ak == CueKind.NUMBER);
            k = num ? CueKind.NUMBER : CueKind.TOP;
          }
        }
        yield k == null ? CueKind.TOP : k;
      }
      default -> CueKind.TOP;
    };
  }

  private static CueKind maskKind(int m) {
    return switch (m) {
      case Atom.NULL -> CueKind.NULL;
      case Atom.BOOL -> CueKind.BOOL;
      case Atom.INT -> CueKind.INT;
      case Atom.FLOAT -> CueKind.FLOAT;
      case Atom.NUMBER -> CueKind.NUMBER;
      case Atom.STRING -> CueKind.STRING;
      case Atom.BYTES -> CueKind.BYTES;
      case Atom.LIST -> CueKind.LIST;
      case Atom.STRUCT -> CueKind.STRUCT;
      default -> CueKind.TOP;
    };
  }

  @Override
  public boolean isConcrete() {
    if (v == null) {
      return false;
    }
    int k = Defaults.dflt(v).kind;
    return k == Vertex.K_SCALAR || k == Vertex.K_STRUCT || k == Vertex.K_LIST;
  }

  @Override
  public List<String> fieldNames() {
    if (v == null) {
      return List.of();
    }
    Vertex d = Defaults.dflt(v);
    if (d.kind != Vertex.K_STRUCT) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Vertex a : Order.fields(d)) {
      out.add(Labels.display(a.label));
    }
    return List.copyOf(out);
  }

  @Override
  public List<String> docComments() {
    if (v == null) {
      return List.of();
    }
    List<String> docs = new ArrayList<>(v.docs);
    for (String s : v.deref().docs) {
      if (!docs.contains(s)) {
        docs.add(s);
      }
    }
    return List.copyOf(docs);
  }

  @Override
  public CueValue unify(CueValue other) {
    if (!(other instanceof EvaluatedValue o)) {
      throw new IllegalArgumentException("not a value of this evaluator");
    }
    Vertex a = v;
    Vertex b = o.v;
    return EvalGuard.run(
        () -> {
          Evaluation ev = new Evaluation(limits);
          Vertex r = new Vertex(null, "");
          r.arcType = Adt.ArcType.REGULAR;
          r.addConjunct(new Conjunct(operandOf(a), null, Conjunct.CloseInfo.EMPTY, null));
          r.addConjunct(new Conjunct(operandOf(b), null, Conjunct.CloseInfo.EMPTY, null));
          ev.finalizeDeep(r);
          return new EvaluatedValue(null, limits, List.of(), r, r, "");
        });
  }

  private static Adt.Expr operandOf(@Nullable Vertex x) {
    if (x == null) {
      return new Adt.Lit(Atom.Bottom.incomplete("undefined field"), null);
    }
    return new Adt.ValueE(x);
  }

  @Override
  public CueValue fill(String p, JsonNode value) {
    String full = path.isEmpty() ? p : (p.isEmpty() ? path : path + "." + p);
    if (program != null) {
      List<ProgramImpl.Fill> fs = new ArrayList<>(fills);
      fs.add(new ProgramImpl.Fill(full, value));
      EvaluatedValue r = program.evaluateFills(fs);
      return path.isEmpty() ? r : r.lookup(path);
    }
    EvaluatedValue filled =
        EvalGuard.run(
            () -> {
              Evaluation ev = new Evaluation(limits);
              Vertex r = new Vertex(null, "");
              r.arcType = Adt.ArcType.REGULAR;
              r.addConjunct(new Conjunct(operandOf(v), null, Conjunct.CloseInfo.EMPTY, null));
              r.addConjunct(
                  new Conjunct(
                      ProgramImpl.atPath(p, ProgramImpl.json(value)),
                      null,
                      Conjunct.CloseInfo.EMPTY,
                      null));
              ev.finalizeDeep(r);
              return new EvaluatedValue(null, limits, List.of(), r, r, "");
            });
    return filled;
  }

  @Override
  public void validate() {
    if (v == null) {
      throw absent();
    }
    read(
        () -> {
          Exporter.validate(v);
          return null;
        });
  }

  private CueException absent() {
    return new CueException(
        new CueError(CueError.Kind.INCOMPLETE, "field not found", path, List.of()));
  }

  @Override
  public JsonNode export() {
    if (v == null) {
      throw absent();
    }
    return read(() -> Exporter.export(v, limits.maxOutputSize(), false));
  }

  @Override
  public String exportJson() {
    if (v == null) {
      throw absent();
    }
    return read(() -> Exporter.exportText(v, limits.maxOutputSize()));
  }

  @Override
  public JsonNode jsonSchema() {
    if (v == null) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
          .objectNode()
          .put("description", "not described: the value does not exist");
    }
    return EvalGuard.run(() -> JsonSchemas.of(v, limits));
  }

  @Override
  public String exportYaml() {
    if (v == null) {
      throw absent();
    }
    return read(() -> ExportText.writeYaml(Exporter.export(v, limits.maxOutputSize(), true)));
  }

  /** Runs a read of this value (validate, export): in place once the program is warm. */
  private <T> T read(java.util.function.Supplier<T> work) {
    return program == null ? EvalGuard.run(work) : EvalGuard.runShallowFirst(program.reads, work);
  }

  @Override
  public String toString() {
    return v == null ? "_|_" : Evaluation.describe(v);
  }
}
