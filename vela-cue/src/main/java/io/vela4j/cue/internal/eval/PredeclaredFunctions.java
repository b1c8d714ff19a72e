package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.builtins.BuiltinException;
import io.vela4j.cue.internal.builtins.Builtins;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The predeclared functions computed as values: {@code len div mod quo rem}. */
final class PredeclaredFunctions {
  private PredeclaredFunctions() {}

  static Object call(
      Evaluation ev, String name, List<Vertex> argV, List<Object> args, Ast.@Nullable Pos pos) {
    switch (name) {
      case "len" -> {
        want(name, argV, 1, pos);
        Vertex v = argV.get(0).deref();
        switch (v.kind) {
          case Vertex.K_SCALAR -> {
            if (v.scalar instanceof Atom.Str s) {
              return num(s.s().getBytes(StandardCharsets.UTF_8).length);
            }
            if (v.scalar instanceof Atom.Bytes b) {
              return num(b.b().length);
            }
            throw new BottomEx(
                Atom.Bottom.fatal(
                    CueError.Kind.BUILTIN,
                    "cannot use "
                        + v.scalar
                        + " (type "
                        + Atom.kindName(v.scalar.kindMask())
                        + ") as (string|bytes|list|struct) in argument 1 to len",
                    pos));
          }
          case Vertex.K_LIST -> {
            return num(v.elements().size());
          }
          case Vertex.K_STRUCT -> {
            int n = 0;
            for (Vertex a : v.arcs.values()) {
              if (a.isRegularField()) {
                n++;
              }
            }
            return num(n);
          }
          case Vertex.K_BOTTOM -> throw new BottomEx(v.err);
          default -> {
            int closed = Lists.closedLength(v);
            if (closed >= 0) {
              return num(closed);
            }
            throw new BottomEx(
                Atom.Bottom.incomplete("len: incomplete value " + Evaluation.describe(v), pos));
          }
        }
      }
      case "div", "mod", "quo", "rem" -> {
        want(name, argV, 2, pos);
        if (!(args.get(0) instanceof BigInteger x) || !(args.get(1) instanceof BigInteger y)) {
          throw new BottomEx(
              Atom.Bottom.fatal(CueError.Kind.BUILTIN, name + ": arguments must be ints", pos));
        }
        try {
          BigInteger r =
              switch (name) {
                case "div" -> Builtins.div(x, y);
                case "mod" -> Builtins.mod(x, y);
                case "quo" -> Builtins.quo(x, y);
                default -> Builtins.rem(x, y);
              };
          return Atom.Num.ofInt(r);
        } catch (BuiltinException | ArithmeticException e) {
          throw new BottomEx(
              Atom.Bottom.fatal(
                  CueError.Kind.BUILTIN, "error in call to " + name + ": " + e.getMessage(), pos));
        }
      }
      default ->
          throw new BottomEx(
              Atom.Bottom.fatal(
                  CueError.Kind.BUILTIN, "builtin " + name + " cannot be used here", pos));
    }
  }

  private static Atom num(int n) {
    return Atom.Num.ofInt(BigInteger.valueOf(n));
  }

  private static void want(String name, List<Vertex> args, int n, Ast.@Nullable Pos pos) {
    if (args.size() != n) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.BUILTIN,
              name + ": wrong number of arguments: got " + args.size() + ", want " + n,
              pos));
    }
  }
}
