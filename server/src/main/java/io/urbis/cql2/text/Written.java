package io.urbis.cql2.text;

/** A piece of written CQL2-text and the precedence of its outermost construct. */
record Written(String text, Precedence precedence) {

  /** The text, in parentheses when it binds more loosely than its place requires. */
  String atLeast(Precedence required) {
    return precedence.compareTo(required) < 0 ? "(" + text + ")" : text;
  }
}
