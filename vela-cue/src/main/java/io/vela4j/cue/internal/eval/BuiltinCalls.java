package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.builtins.Builtin;
import io.vela4j.cue.internal.builtins.BuiltinException;
import io.vela4j.cue.internal.builtins.Builtins;
import io.vela4j.cue.internal.builtins.Concrete;
import io.vela4j.cue.internal.builtins.Passed;
import io.vela4j.cue.internal.builtins.ResultLimits;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the evaluator calls builtins: argument conversion, validators and results.
 *
 * <p>Each argument is read with its default taken and converted to the builtins' concrete Java form
 * ({@link #toJava}); an argument that is an error or incomplete means the builtin is not called and
 * the call returns that error (so an incomplete argument makes the call incomplete and it waits
 * like any expression), except the list argument of the builtins that only rearrange elements,
 * whose elements are passed through ({@link PassedElements}). A bool builtin called with one
 * argument short makes a validator, checked once the value is concrete ({@link #checkValidator}). A
 * builtin's exception becomes the fatal {@code error in call to pkg.Fn}; results are converted back
 * to atoms or expressions ({@link #fromJava}). The predeclared functions are in {@link
 * PredeclaredFunctions}.
 */
final class BuiltinCalls {
  private BuiltinCalls() {}

  static boolean isKnownPackage(String path) {
    return Builtins.isKnownPackage(path);
  }

  static boolean exists(String path, String name) {
    return Builtins.lookup(path, name).isPresent();
  }

  static boolean isConstant(String path, String name) {
    return Builtins.lookup(path, name).map(Builtin::isConstant).orElse(false);
  }

  static Object constant(String path, String name) {
    return Builtins.lookup(path, name).orElseThrow().call(List.of());
  }

  static boolean isValidatorCall(String path, String name, int nargs) {
    Optional<Builtin> b = Builtins.lookup(path, name);
    return b.isPresent() && b.get().isValidator() && nargs == b.get().minArgs() - 1;
  }

  /** The builtins of {@code list} that take a comparator struct. */
  private static final java.util.Set<String> COMPARATOR_CALLS =
      java.util.Set.of("Sort", "SortStable", "IsSorted");

  /**
   * Whether the comparator argument of {@code list.Sort} is a struct written by the user (not
   * {@code list.Ascending}/{@code list.Descending}, which the builtin applies itself).
   */
  private static boolean userComparator(Evaluation ev, Adt.Expr cmp, @Nullable Env env) {
    Vertex v;
    try {
      v = ev.operand(cmp, env).deref();
    } catch (BottomEx e) {
      return false;
    }
    return v.kind == Vertex.K_STRUCT;
  }

  /**
   * {@code list.Sort}, {@code list.SortStable} and {@code list.IsSorted} with a comparator struct
   * such as {@code {x: _, y: _, less: x < y}}: each comparison unifies the comparator with {@code
   * {x: a, y: b}} and reads {@code less}, as CUE's {@code pkg/list} does. The sort is a stable
   * merge sort (Go's sort for the short lists CUE sorts in practice is an insertion sort, also
   * stable), using one evaluation per comparison.
   */
  private static Object sortWithComparator(
      Evaluation ev, String name, Adt.CallE c, @Nullable Env env) {
    String qname = "list." + name;
    List<Vertex> elems =
        new ArrayList<>(Lists.listElems(ev, ev.operand(c.args().get(0), env), c.pos()));
    Adt.Expr cmp = c.args().get(1);
    if (name.equals("IsSorted")) {
      for (int i = 1; i < elems.size(); i++) {
        if (less(ev, qname, cmp, env, elems.get(i), elems.get(i - 1), c.pos())) {
          return Atom.Bool.FALSE;
        }
      }
      return Atom.Bool.TRUE;
    }
    List<Vertex> sorted = mergeSort(ev, qname, cmp, env, elems, c.pos());
    List<Object> out = new ArrayList<>(sorted.size());
    for (Vertex v : sorted) {
      out.add(new Adt.ValueE(v));
    }
    return new Adt.ListE(List.copyOf(out), false, null, c.pos());
  }

  private static List<Vertex> mergeSort(
      Evaluation ev,
      String qname,
      Adt.Expr cmp,
      @Nullable Env env,
      List<Vertex> l,
      Ast.@Nullable Pos pos) {
    if (l.size() <= 1) {
      return l;
    }
    int mid = l.size() / 2;
    List<Vertex> a = mergeSort(ev, qname, cmp, env, l.subList(0, mid), pos);
    List<Vertex> b = mergeSort(ev, qname, cmp, env, l.subList(mid, l.size()), pos);
    List<Vertex> out = new ArrayList<>(l.size());
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      // Take from the right only if it is strictly less: equal elements keep their order.
      if (less(ev, qname, cmp, env, b.get(j), a.get(i), pos)) {
        out.add(b.get(j++));
      } else {
        out.add(a.get(i++));
      }
    }
    out.addAll(a.subList(i, a.size()));
    out.addAll(b.subList(j, b.size()));
    return out;
  }

  /** Unifies the comparator with {@code {x: a, y: b}} and reads its {@code less} field. */
  private static boolean less(
      Evaluation ev,
      String qname,
      Adt.Expr cmp,
      @Nullable Env env,
      Vertex a,
      Vertex b,
      Ast.@Nullable Pos pos) {
    Vertex t = new Vertex(null, "");
    t.arcType = Adt.ArcType.REGULAR;
    t.addConjunct(new Conjunct(cmp, env, Conjunct.CloseInfo.EMPTY, null));
    Adt.StructE xy =
        new Adt.StructE(
            List.of(
                new Adt.FieldD("x", Adt.ArcType.REGULAR, new Adt.ValueE(a), List.of(), pos),
                new Adt.FieldD("y", Adt.ArcType.REGULAR, new Adt.ValueE(b), List.of(), pos)),
            false,
            pos);
    t.addConjunct(new Conjunct(xy, null, Conjunct.CloseInfo.EMPTY, null));
    Atom r;
    try {
      Vertex v = ev.readable(t, pos);
      r = ev.concrete(ev.readable(References.selectArc(ev, v, "less", pos), pos), pos);
      // The elements must fit the comparator (a closed {x: #T, y: #T} rejects other fields).
      ev.finalizeDeep(t);
      Atom.Bottom fatal = Disjunctions.firstFatal(ev, t);
      if (fatal != null) {
        throw new BottomEx(fatal);
      }
    } catch (BottomEx e) {
      if (e.bottom.incomplete()) {
        throw e;
      }
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.BUILTIN,
              "error in call to " + qname + ": comparator: " + e.bottom.message(),
              pos));
    }
    if (!(r instanceof Atom.Bool bool)) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.BUILTIN,
              "error in call to " + qname + ": less must be a bool, found " + r,
              pos));
    }
    return bool.b();
  }

  /** Calls a builtin of a package by name with concrete Java arguments. */
  static Object invoke(String path, String name, List<Object> args) {
    return invoke(path, name, args, ResultLimits.NONE);
  }

  /** Calls a builtin within the sizes its result may reach. */
  static Object invoke(String path, String name, List<Object> args, ResultLimits limits) {
    Optional<Builtin> b = Builtins.lookup(path, name);
    if (b.isEmpty()) {
      throw new BuiltinException("undefined: " + Builtins.packageName(path) + "." + name);
    }
    Builtin f = b.get();
    if (args.size() < f.minArgs() || (f.maxArgs() >= 0 && args.size() > f.maxArgs())) {
      throw new BuiltinException(
          "wrong number of arguments: got " + args.size() + ", want " + f.minArgs());
    }
    return f.call(args, limits);
  }

  static Object call(Evaluation ev, Adt.CallE c, @Nullable Env env) {
    if (!(c.fn() instanceof Adt.BuiltinE b)) {
      Vertex f = ev.operand(c.fn(), env);
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER, "cannot call non-function " + Evaluation.describe(f), c.pos()));
    }
    if (b.pkg().equals("list")
        && COMPARATOR_CALLS.contains(b.name())
        && c.args().size() == 2
        && userComparator(ev, c.args().get(1), env)) {
      return sortWithComparator(ev, b.name(), c, env);
    }
    List<Object> args = new ArrayList<>();
    List<Vertex> argV = new ArrayList<>();
    Atom.Bottom err = null;
    boolean passes = b.pkg().equals("list") && PassedElements.CALLS.contains(b.name());
    for (Adt.Expr a : c.args()) {
      try {
        Vertex av = ev.operand(a, env);
        argV.add(av);
        if (passes && argV.size() == 1 && av.deref().kind == Vertex.K_LIST) {
          args.add(PassedElements.elements(ev, av, c.pos(), b.name().equals("Concat")));
        } else if (!(b.pkg().isEmpty() && b.name().equals("len"))) {
          args.add(toJava(ev, av, c.pos()));
        }
      } catch (BottomEx ex) {
        if (err == null || (err.incomplete() && !ex.bottom.incomplete())) {
          err = ex.bottom;
        }
      }
    }
    if (err != null) {
      throw new BottomEx(err);
    }
    String qname = b.pkg().isEmpty() ? b.name() : shortPkg(b.pkg()) + "." + b.name();
    if (b.pkg().isEmpty()) {
      return PredeclaredFunctions.call(ev, b.name(), argV, args, c.pos());
    }
    if (isValidatorCall(b.pkg(), b.name(), args.size())) {
      return new Atom.Validator(b.pkg(), b.name(), List.copyOf(args));
    }
    try {
      Object r = invoke(b.pkg(), b.name(), args, ev.limits.forBuiltins);
      Object a = fromJava(r, c.pos());
      if (a instanceof Atom atom) {
        ev.limits.checkAtom(atom, c.pos());
      }
      return a;
    } catch (BuiltinException ex) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              ex.isLimit() ? CueError.Kind.LIMIT : CueError.Kind.BUILTIN,
              "error in call to " + qname + ": " + ex.getMessage(),
              c.pos()));
    } catch (ArithmeticException | IllegalArgumentException ex) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.BUILTIN,
              "error in call to " + qname + ": " + ex.getMessage(),
              c.pos()));
    }
  }

  static boolean isConstantBuiltin(Adt.BuiltinE b) {
    return !b.pkg().isEmpty() && isConstant(b.pkg(), b.name());
  }

  static String shortPkg(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? path : path.substring(i + 1);
  }

  /** Runs a validator on a concrete value; returns the error or null (also when incomplete). */
  static Atom.@Nullable Bottom checkValidator(
      Evaluation ev, Atom.Validator val, Vertex v, Ast.@Nullable Pos pos) {
    Object x;
    try {
      x = toJava(ev, v, pos);
    } catch (BottomEx e) {
      return e.bottom.incomplete() ? null : e.bottom;
    }
    List<Object> args = new ArrayList<>();
    args.add(x);
    args.addAll(val.args());
    try {
      Object r = invoke(val.pkg(), val.name(), args);
      if (Boolean.TRUE.equals(r)) {
        return null;
      }
      return Atom.Bottom.fatal(
          CueError.Kind.BOUND,
          "invalid value " + Evaluation.describe(v) + " (does not satisfy " + val + ")",
          pos);
    } catch (BuiltinException | ArithmeticException | IllegalArgumentException e) {
      return Atom.Bottom.fatal(
          CueError.Kind.BOUND,
          "invalid value "
              + Evaluation.describe(v)
              + " (does not satisfy "
              + val
              + "): "
              + e.getMessage(),
          pos);
    }
  }

  /** Converts an evaluated value to the builtins' concrete Java form. */
  static Object toJava(Evaluation ev, Vertex v0, Ast.@Nullable Pos pos) {
    ev.evaluate(v0);
    Vertex v = Defaults.dflt(v0);
    if (v.state == Vertex.EVALUATING) {
      v = ev.readable(v, pos);
    }
    switch (v.kind) {
      case Vertex.K_SCALAR:
        return scalarToJava(v.scalar);
      case Vertex.K_STRUCT:
        {
          Map<String, Object> m = new LinkedHashMap<>();
          for (Vertex a : Order.fields(v)) {
            m.put(Labels.display(a.label), toJava(ev, a, pos));
          }
          return java.util.Collections.unmodifiableMap(m);
        }
      case Vertex.K_LIST:
        {
          List<Object> l = new ArrayList<>();
          for (Vertex a : v.elements()) {
            l.add(toJava(ev, a, pos));
          }
          return java.util.Collections.unmodifiableList(l);
        }
      case Vertex.K_BOTTOM:
        throw new BottomEx(v.err);
      default:
        throw new BottomEx(
            Atom.Bottom.incomplete("incomplete value " + Evaluation.describe(v), pos));
    }
  }

  static Object scalarToJava(Atom s) {
    if (s instanceof Atom.Null n) {
      return Concrete.NULL;
    } else if (s instanceof Atom.Bool b) {
      return b.b();
    } else if (s instanceof Atom.Num n) {
      return n.isInt() ? n.bigInt() : n.d();
    } else if (s instanceof Atom.Str str) {
      return str.s();
    } else if (s instanceof Atom.Bytes by) {
      return new Concrete.Bytes(by.b());
    } else if (s instanceof Atom.Opaque o) {
      return o.o();
    } else {
      throw new IllegalStateException("not concrete: " + s);
    }
  }

  /** Converts a builtin result to a value or an expression. */
  static Object fromJava(@Nullable Object r, Ast.@Nullable Pos pos) {
    if (r == null || r == Concrete.NULL) {
      return Atom.Null.INSTANCE;
    }
    if (r instanceof Boolean b) {
      return Atom.Bool.of(b);
    }
    if (r instanceof BigInteger i) {
      return Atom.Num.ofInt(i);
    }
    if (r instanceof Integer || r instanceof Long) {
      return Atom.Num.ofInt(BigInteger.valueOf(((Number) r).longValue()));
    }
    if (r instanceof BigDecimal d) {
      return new Atom.Num(d, false);
    }
    if (r instanceof Double d) {
      return new Atom.Num(BigDecimal.valueOf(d), false);
    }
    if (r instanceof String s) {
      return new Atom.Str(s);
    }
    if (r instanceof Concrete.Bytes b) {
      return new Atom.Bytes(b.data());
    }
    if (r instanceof Atom v) {
      return v;
    }
    if (r instanceof List<?> || r instanceof Map<?, ?> || r instanceof Passed) {
      return toExpr(r, pos);
    }
    return new Atom.Opaque(r, String.valueOf(r));
  }

  static Adt.Expr toExpr(@Nullable Object r, Ast.@Nullable Pos pos) {
    Adt.Expr passed = r == null ? null : PassedElements.term(r);
    if (passed != null) {
      return passed;
    }
    if (r instanceof List<?> l) {
      List<Object> elems = new ArrayList<>();
      for (Object o : l) {
        elems.add(toExpr(o, pos));
      }
      return new Adt.ListE(List.copyOf(elems), false, null, pos);
    }
    if (r instanceof Map<?, ?> m) {
      List<Adt.Decl> decls = new ArrayList<>();
      for (Map.Entry<?, ?> en : m.entrySet()) {
        decls.add(
            new Adt.FieldD(
                Labels.quoted(String.valueOf(en.getKey())),
                Adt.ArcType.REGULAR,
                toExpr(en.getValue(), pos),
                List.of(),
                pos));
      }
      return new Adt.StructE(List.copyOf(decls), false, pos);
    }
    Object v = fromJava(r, pos);
    if (v instanceof Atom val) {
      return new Adt.Lit(val, pos);
    }
    return (Adt.Expr) v;
  }
}
