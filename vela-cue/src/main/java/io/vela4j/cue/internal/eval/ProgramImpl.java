package io.vela4j.cue.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueProgram;
import io.vela4j.cue.CueValue;
import io.vela4j.cue.internal.LargeStack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A compiled program: the immutable compiled root literal. */
final class ProgramImpl implements CueProgram {
  /** A JSON value to unify at a dotted path. */
  record Fill(String path, JsonNode value) {}

  final String filename;

  /** The top-level struct literal of each file, unified at the root. */
  final List<Adt.StructE> roots;

  /**
   * Whether the program's expressions nest shallowly enough to be evaluated on the caller's stack
   * first (see {@link EvalGuard}); deeper programs are evaluated on a large stack at once.
   */
  final boolean shallow;

  /** Runs of {@link #evaluate} and of reads of its values, for {@link EvalGuard#WARM}. */
  final AtomicInteger evaluations = new AtomicInteger();

  final AtomicInteger reads = new AtomicInteger();

  /** The limits of every evaluation of this program. */
  final CueCompiler.Limits limits;

  ProgramImpl(String filename, List<Adt.StructE> roots, CueCompiler.Limits limits) {
    this.filename = filename;
    this.limits = limits;
    this.roots = roots;
    int depth = 0;
    for (Adt.StructE root : roots) {
      depth = Math.max(depth, Adt.nesting(root));
    }
    this.shallow = depth <= LargeStack.SHALLOW;
  }

  @Override
  public CueValue evaluate() {
    return evaluateFills(List.of());
  }

  @Override
  public CueValue evaluate(Map<String, JsonNode> fills) {
    List<Fill> fs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fills.entrySet()) {
      fs.add(new Fill(e.getKey(), e.getValue()));
    }
    return evaluateFills(fs);
  }

  EvaluatedValue evaluateFills(List<Fill> fills) {
    List<Fill> fs = List.copyOf(fills);
    java.util.function.Supplier<EvaluatedValue> work =
        () -> {
          Evaluation ev = new Evaluation(limits);
          Vertex r = new Vertex(null, "");
          r.arcType = Adt.ArcType.REGULAR;
          for (Adt.StructE root : roots) {
            r.addConjunct(new Conjunct(root, null, Conjunct.CloseInfo.EMPTY, null));
          }
          for (Fill f : fs) {
            r.addConjunct(
                new Conjunct(
                    atPath(f.path(), json(f.value(), 0)), null, Conjunct.CloseInfo.EMPTY, null));
          }
          ev.finalizeDeep(r);
          return new EvaluatedValue(this, limits, fs, r, r, "");
        };
    return shallow ? EvalGuard.runShallowFirst(evaluations, work) : EvalGuard.run(work);
  }

  static Adt.Expr atPath(String path, Adt.Expr leaf) {
    if (path.isEmpty()) {
      return leaf;
    }
    List<String> parts = Labels.splitPath(path);
    while (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1); // as String.split drops trailing empty segments
    }
    Adt.Expr e = leaf;
    for (int i = parts.size() - 1; i >= 0; i--) {
      String l = parts.get(i);
      if (!l.startsWith("#") && !l.startsWith("_")) {
        l = Labels.quoted(l);
      }
      e =
          new Adt.StructE(
              List.of(new Adt.FieldD(l, Adt.ArcType.REGULAR, e, List.of(), null)),
              /* file= */ true,
              null);
    }
    return e;
  }

  /** Converts JSON to a literal expression (objects become open structs). */
  static Adt.Expr json(JsonNode n) {
    return json(n, 0);
  }

  private static Adt.Expr json(JsonNode n, int depth) {
    LargeStack.checkDepth(depth);
    if (n.isObject()) {
      List<Adt.Decl> decls = new ArrayList<>(n.size());
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        decls.add(
            new Adt.FieldD(
                Labels.quoted(e.getKey()),
                Adt.ArcType.REGULAR,
                json(e.getValue(), depth + 1),
                List.of(),
                null));
      }
      return Adt.StructE.ofDistinctFields(List.copyOf(decls));
    }
    if (n.isArray()) {
      List<Object> elems = new ArrayList<>(n.size());
      for (JsonNode x : n) {
        elems.add(json(x, depth + 1));
      }
      return new Adt.ListE(List.copyOf(elems), false, null, null);
    }
    Atom v;
    if (n.isTextual()) {
      v = new Atom.Str(n.textValue());
    } else if (n.isBoolean()) {
      v = Atom.Bool.of(n.booleanValue());
    } else if (n.isIntegralNumber()) {
      v =
          n.canConvertToLong()
              ? Atom.Num.ofLong(n.longValue())
              : Atom.Num.ofInt(n.bigIntegerValue());
    } else if (n.isNumber()) {
      BigDecimal d = n.decimalValue();
      v = new Atom.Num(d, false);
    } else if (n.isBinary()) {
      try {
        v = new Atom.Bytes(n.binaryValue());
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(e);
      }
    } else {
      v = Atom.Null.INSTANCE;
    }
    return new Adt.Lit(v, null);
  }
}
