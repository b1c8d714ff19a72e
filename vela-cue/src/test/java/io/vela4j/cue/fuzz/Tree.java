package io.vela4j.cue.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A generated CUE program as a small tree that prints to source and can be shrunk: sequences
 * (files, struct bodies, lists, disjunctions) whose items can be deleted, and templated nodes whose
 * expression children can replace them. Immutable.
 */
final class Tree {
  private Tree() {}

  /** What a node is, which decides how the shrinker may change it. */
  enum Cat {
    /** A declaration in a file or struct: deletable from its sequence. */
    DECL,
    /** An expression: replaceable by a simpler expression or one of its expression children. */
    EXPR,
    /** Anything else (labels, clauses): left alone. */
    OTHER
  }

  /** A node of the tree. */
  sealed interface Node permits Leaf, Tmpl, Seq {
    Cat cat();

    List<Node> kids();

    Node withKids(List<Node> kids);

    void print(StringBuilder sb);

    default String text() {
      StringBuilder sb = new StringBuilder();
      print(sb);
      return sb.toString();
    }

    /** The number of nodes below and including this one. */
    default int size() {
      int n = 1;
      for (Node k : kids()) {
        n += k.size();
      }
      return n;
    }
  }

  /** Literal text. */
  record Leaf(Cat cat, String text) implements Node {
    @Override
    public List<Node> kids() {
      return List.of();
    }

    @Override
    public Node withKids(List<Node> kids) {
      return this;
    }

    @Override
    public void print(StringBuilder sb) {
      sb.append(text);
    }
  }

  /** A template where {@code $0}, {@code $1}, ... stand for the children, e.g. {@code "$0: $1"}. */
  record Tmpl(Cat cat, String template, List<Node> kids) implements Node {
    @Override
    public Node withKids(List<Node> kids) {
      return new Tmpl(cat, template, List.copyOf(kids));
    }

    @Override
    public void print(StringBuilder sb) {
      for (int i = 0; i < template.length(); i++) {
        char c = template.charAt(i);
        if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
          int j = i + 1;
          while (j < template.length() && Character.isDigit(template.charAt(j))) {
            j++;
          }
          kids.get(Integer.parseInt(template.substring(i + 1, j))).print(sb);
          i = j - 1;
        } else {
          sb.append(c);
        }
      }
    }
  }

  /**
   * A sequence printed as {@code open item sep item ... close}; at least {@code min} items must
   * stay.
   */
  record Seq(Cat cat, String open, String sep, String close, int min, List<Node> kids)
      implements Node {
    @Override
    public Node withKids(List<Node> kids) {
      return new Seq(cat, open, sep, close, min, List.copyOf(kids));
    }

    @Override
    public void print(StringBuilder sb) {
      sb.append(open);
      for (int i = 0; i < kids.size(); i++) {
        if (i > 0) {
          sb.append(sep);
        }
        kids.get(i).print(sb);
      }
      sb.append(close);
    }
  }

  static Leaf expr(String text) {
    return new Leaf(Cat.EXPR, text);
  }

  static Leaf other(String text) {
    return new Leaf(Cat.OTHER, text);
  }

  static Tmpl expr(String template, Node... kids) {
    return new Tmpl(Cat.EXPR, template, List.of(kids));
  }

  static Tmpl decl(String template, Node... kids) {
    return new Tmpl(Cat.DECL, template, List.of(kids));
  }

  static Tmpl other(String template, Node... kids) {
    return new Tmpl(Cat.OTHER, template, List.of(kids));
  }

  /** A struct literal {@code {decl, decl}} (an expression). */
  static Seq struct(List<Node> decls) {
    return new Seq(Cat.EXPR, "{", ", ", "}", 0, List.copyOf(decls));
  }

  /** A list literal. */
  static Seq list(List<Node> elems) {
    return new Seq(Cat.EXPR, "[", ", ", "]", 0, List.copyOf(elems));
  }

  /** A file: declarations one per line. */
  static Seq file(String header, List<Node> decls) {
    return new Seq(Cat.OTHER, header, "\n", "\n", 0, List.copyOf(decls));
  }

  /** A package of several files: printed as its files, separated by a marker line. */
  static Seq files(List<Node> files) {
    return new Seq(Cat.OTHER, "", FILE_SEPARATOR, "", 1, List.copyOf(files));
  }

  /** Separates the files of a package in the printed form of {@link #files}. */
  static final String FILE_SEPARATOR = "\n//--- next file ---\n";

  /**
   * Every tree one shrinking step away from {@code root}, simplest first: a declaration or item
   * removed, then an expression replaced by {@code _} or one of its expression children.
   */
  static List<Node> shrinks(Node root) {
    List<Node> removals = new ArrayList<>();
    List<Node> replacements = new ArrayList<>();
    walk(root, r -> r, removals, replacements);
    List<Node> out = new ArrayList<>(removals);
    out.addAll(replacements);
    return out;
  }

  private interface Rebuild extends java.util.function.UnaryOperator<Node> {}

  private static void walk(Node n, Rebuild rebuild, List<Node> removals, List<Node> replacements) {
    List<Node> kids = n.kids();
    if (n instanceof Seq s && kids.size() > s.min()) {
      for (int i = 0; i < kids.size(); i++) {
        List<Node> k = new ArrayList<>(kids);
        k.remove(i);
        removals.add(rebuild.apply(n.withKids(k)));
      }
    }
    if (n.cat() == Cat.EXPR) {
      Consumer<Node> replaceBy = r -> replacements.add(rebuild.apply(r));
      if (!(n instanceof Leaf l && (l.text().equals("_") || l.text().equals("1")))) {
        replaceBy.accept(expr("_"));
        replaceBy.accept(expr("1"));
      }
      for (Node k : kids) {
        if (k.cat() == Cat.EXPR) {
          replaceBy.accept(k);
        }
      }
    }
    for (int i = 0; i < kids.size(); i++) {
      final int idx = i;
      walk(
          kids.get(i),
          r -> {
            List<Node> k = new ArrayList<>(kids);
            k.set(idx, r);
            return rebuild.apply(n.withKids(k));
          },
          removals,
          replacements);
    }
  }
}
