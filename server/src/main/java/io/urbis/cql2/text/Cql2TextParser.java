package io.urbis.cql2.text;

import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.Category;
import io.urbis.cql2.ast.Expression;

/**
 * Parses CQL2-text (OGC 21-065, BNF of 1.0.0) into an {@link Expression}: a hand-written recursive-descent parser
 * with the BNF's precedence (NOT binds tighter than AND, AND tighter than OR; comparisons take arithmetic operands;
 * {@code ^} over {@code * / % div} over {@code + -}). Keywords are case-insensitive. Errors are
 * {@link Cql2SyntaxException}s naming the 1-based character position. Input is bounded in length and in nesting, so
 * no input hangs the parser or overflows the stack.
 */
public final class Cql2TextParser {

  public static final int MAX_LENGTH = 65_536;
  public static final int MAX_DEPTH = 100;

  private Cql2TextParser() {}

  public static Expression parse(String text) {
    return parse(text, false);
  }

  /** With {@code draft}, also the draft's {@code ILIKE}, for {@link DraftCqlText}. */
  static Expression parse(String text, boolean draft) {
    if (text.length() > MAX_LENGTH) {
      throw Cql2SyntaxException.of("the filter is longer than " + MAX_LENGTH + " characters");
    }
    TokenStream tokens = new TokenStream(Cql2TextTokenizer.tokenize(text), MAX_DEPTH);
    Token start = tokens.peek();
    Expression filter = new ExpressionReader(tokens, draft).booleanExpression();
    if (tokens.peek().kind() != Token.Kind.END) {
      throw tokens.unexpected("an operator or the end of the filter");
    }
    return tokens.require(Category.PREDICATE, filter, start);
  }
}
