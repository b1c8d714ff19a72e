package io.vela4j.cue.internal.eval;

import io.vela4j.cue.internal.builtins.Passed;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * List elements passed through the builtins that only rearrange them.
 *
 * <p>CUE's {@code list.Concat}, {@code Take}, {@code Drop}, {@code Slice}, {@code Reverse}, {@code
 * Repeat} and {@code FlattenN} take and return {@code cue.Value}s: the elements keep their
 * declarations, need not be concrete, and the result meets what it is unified with as the original
 * elements would ({@code list.Concat([_a, _b]) & [{port: 80}, _]} fills a default computed from
 * {@code port}). Our builtins work on concrete Java values ({@link BuiltinCalls#toJava}), so for
 * these calls the list argument is converted here instead: a concrete scalar element is its Java
 * value, any other element is an opaque {@link Passed} holding the expression that reads it ({@link
 * Lists#elementTerm}), and a nested list is also a Java list of its own elements, for the builtins
 * that flatten. The builtin moves them without reading them, and {@link BuiltinCalls#toExpr} turns
 * each passed element back into its expression.
 */
final class PassedElements {
  private PassedElements() {}

  /** The {@code list} builtins whose list argument (the first) is passed through. */
  static final Set<String> CALLS =
      Set.of("Concat", "Take", "Drop", "Slice", "Reverse", "Repeat", "FlattenN");

  /**
   * The elements of the evaluated list {@code lv}, each concrete scalar or {@link Passed}; {@code
   * listsOnly} when the builtin reads each of them as a list ({@code list.Concat}'s argument).
   */
  static List<Object> elements(Evaluation ev, Vertex lv, Ast.@Nullable Pos pos, boolean listsOnly) {
    Vertex list = lv.deref();
    List<Vertex> elems = Lists.listElems(ev, list, pos);
    List<Object> out = new ArrayList<>(elems.size());
    for (int i = 0; i < elems.size(); i++) {
      out.add(element(ev, list, i, elems.get(i), pos, listsOnly));
    }
    return Collections.unmodifiableList(out);
  }

  private static Object element(
      Evaluation ev, Vertex list, int i, Vertex el, Ast.@Nullable Pos pos, boolean listsOnly) {
    ev.evaluate(el);
    Vertex d = el.deref();
    if (d.kind == Vertex.K_SCALAR && d.arcs.isEmpty()) {
      return BuiltinCalls.scalarToJava(d.scalar);
    }
    // a disjunction whose default is a list is that list to the builtins that flatten (as CUE's
    // Value.List takes the default), and itself to the others
    Vertex asList = d.kind == Vertex.K_DISJ ? Defaults.dflt(d).deref() : d;
    if (listsOnly && (asList.kind == Vertex.K_DISJ || asList.kind == Vertex.K_TOP)) {
      // may still become a list: incomplete, as CUE's Value.List is, rather than "cannot use
      // value as list". Elsewhere such an element is not read: CUE's FlattenN keeps it as it is.
      throw new BottomEx(Atom.Bottom.incomplete("incomplete value " + Evaluation.describe(d), pos));
    }
    Adt.Expr term = Lists.elementTerm(ev, list, i, el, pos);
    if (asList.kind == Vertex.K_LIST) {
      return new ElementList(term, d, elements(ev, asList, pos, false));
    }
    return new Element(term, d);
  }

  /** The expression of a passed element, or null if {@code o} is not one. */
  static Adt.@Nullable Expr term(Object o) {
    if (o instanceof Element e) {
      return e.term;
    }
    if (o instanceof ElementList l) {
      return l.term;
    }
    return null;
  }

  private static String typeName(Vertex d) {
    return switch (d.kind) {
      case Vertex.K_STRUCT -> "struct";
      case Vertex.K_LIST -> "list";
      default -> Atom.kindName(d.kindMask);
    };
  }

  /** A passed element that is not a list. */
  private record Element(Adt.Expr term, Vertex v) implements Passed {
    @Override
    public String typeName() {
      return PassedElements.typeName(v);
    }

    @Override
    public String describe() {
      return Evaluation.describe(v);
    }
  }

  /** A passed list element: its elements for the builtins that flatten, and itself. */
  private static final class ElementList extends AbstractList<Object> implements Passed {
    final Adt.Expr term;
    private final Vertex v;
    private final List<Object> elements;

    ElementList(Adt.Expr term, Vertex v, List<Object> elements) {
      this.term = term;
      this.v = v;
      this.elements = elements;
    }

    @Override
    public Object get(int index) {
      return elements.get(index);
    }

    @Override
    public int size() {
      return elements.size();
    }

    @Override
    public String typeName() {
      return "list";
    }

    @Override
    public String describe() {
      return Evaluation.describe(v);
    }
  }
}
