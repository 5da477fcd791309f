package io.urbis.cql2.text;

import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.Category;
import io.urbis.cql2.ast.Expression;
import java.util.Arrays;
import java.util.List;

/** A cursor over the tokens of one filter, with the checks the parser repeats and a bound on nesting. */
final class TokenStream {

  private final List<Token> tokens;
  private final int[] closingParenthesis;
  private final int maxDepth;
  private int index;
  private int depth;

  TokenStream(List<Token> tokens, int maxDepth) {
    this.tokens = tokens;
    this.closingParenthesis = closingParentheses(tokens);
    this.maxDepth = maxDepth;
  }

  Token peek() {
    return tokens.get(index);
  }

  Token peekAfterNext() {
    return tokens.get(Math.min(index + 1, tokens.size() - 1));
  }

  Token next() {
    Token token = peek();
    if (token.kind() != Token.Kind.END) {
      index++;
    }
    return token;
  }

  boolean acceptSymbol(String symbol) {
    boolean found = peek().isSymbol(symbol);
    if (found) {
      index++;
    }
    return found;
  }

  boolean acceptKeyword(String keyword) {
    boolean found = peek().isKeyword(keyword);
    if (found) {
      index++;
    }
    return found;
  }

  Token expectSymbol(String symbol) {
    if (!peek().isSymbol(symbol)) {
      throw unexpected("'" + symbol + "'");
    }
    return next();
  }

  void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw unexpected(keyword);
    }
  }

  Token expect(Token.Kind kind, String what) {
    if (peek().kind() != kind) {
      throw unexpected(what);
    }
    return next();
  }

  Cql2SyntaxException unexpected(String expected) {
    return error(peek(), "expected " + expected + " but found " + peek().display());
  }

  Cql2SyntaxException error(Token at, String problem) {
    return Cql2SyntaxException.atPosition(at.position(), problem);
  }

  /** Checks the role of an operand that started at {@code start}. */
  Expression require(Category category, Expression operand, Token start) {
    if (!category.admits(operand)) {
      throw error(start, "expected " + category.description() + " but found " + start.display());
    }
    return operand;
  }

  /** Call before descending one level; deep nesting is an error, never a stack overflow. */
  void enter() {
    if (++depth > maxDepth) {
      throw error(peek(), "the filter is nested more than " + maxDepth + " levels deep");
    }
  }

  void leave() {
    leave(1);
  }

  void leave(int levels) {
    depth -= levels;
  }

  /**
   * Whether the next token opens parentheses that hold a whole argument, i.e. the matching ')' is followed by ',' or
   * ')'. In argument lists such parentheses make an array ({@code A_CONTAINS(tags, ('a', 'b'))}); otherwise they group.
   */
  boolean atParenthesizedArgument() {
    int close = closingParenthesis[index];
    if (close < 0) {
      return false;
    }
    Token after = tokens.get(Math.min(close + 1, tokens.size() - 1));
    return after.isSymbol(",") || after.isSymbol(")");
  }

  /** For each '(' the index of its ')', -1 elsewhere and for unclosed ones: found once, not per argument. */
  private static int[] closingParentheses(List<Token> tokens) {
    int[] closing = new int[tokens.size()];
    Arrays.fill(closing, -1);
    int[] open = new int[tokens.size()];
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        open[depth++] = i;
      } else if (tokens.get(i).isSymbol(")") && depth > 0) {
        closing[open[--depth]] = i;
      }
    }
    return closing;
  }
}
