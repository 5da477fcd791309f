package io.urbis.cql2.text;

import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.Identifiers;
import io.urbis.cql2.text.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits CQL2-text into tokens, following the lexical rules of the BNF (identifiers, literals, whitespace). */
final class Cql2TextTokenizer {

  private static final Set<String> TWO_CHARACTER_SYMBOLS = Set.of("<>", "<=", ">=");
  private static final String ONE_CHARACTER_SYMBOLS = "(),=<>+-*/%^";

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int index;

  private Cql2TextTokenizer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) {
    Cql2TextTokenizer tokenizer = new Cql2TextTokenizer(text);
    tokenizer.readAll();
    return tokenizer.tokens;
  }

  private void readAll() {
    while (index < text.length()) {
      int c = text.codePointAt(index);
      if (isWhitespace(c)) {
        index += Character.charCount(c);
      } else if (c == '\'') {
        readString();
      } else if (c == '"') {
        readQuotedIdentifier();
      } else if (isDigit(c) || c == '.' && isDigitAt(index + 1)) {
        readNumber();
      } else if (Identifiers.isStart(c)) {
        readIdentifier();
      } else {
        readSymbol(c);
      }
    }
    tokens.add(new Token(Kind.END, "", text.length() + 1));
  }

  /** {@code ''} and {@code \'} both stand for a quote (BNF {@code escapeQuote}); other backslashes are kept. */
  private void readString() {
    int start = index++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (index >= text.length()) {
        throw Cql2SyntaxException.atPosition(start + 1, "the string starting here is not closed with '");
      }
      char c = text.charAt(index);
      boolean escapedQuote = (c == '\'' || c == '\\') && index + 1 < text.length() && text.charAt(index + 1) == '\'';
      if (c == '\'' && !escapedQuote) {
        break;
      }
      if (c == 0) {
        throw Cql2SyntaxException.atPosition(index + 1, "strings must not contain the NUL character");
      }
      value.append(escapedQuote ? '\'' : c);
      index += escapedQuote ? 2 : 1;
    }
    index++;
    tokens.add(new Token(Kind.STRING, value.toString(), start + 1));
  }

  private void readQuotedIdentifier() {
    int start = index;
    int end = text.indexOf('"', start + 1);
    if (end < 0) {
      throw Cql2SyntaxException.atPosition(start + 1, "the quoted property name starting here is not closed with \"");
    }
    index = end + 1;
    tokens.add(new Token(Kind.QUOTED_IDENTIFIER, text.substring(start + 1, end), start + 1));
  }

  /** {@code 12}, {@code 1.5}, {@code .5}, {@code 5.}, {@code 1.5E-3}; signs are separate tokens. */
  private void readNumber() {
    int start = index;
    skipDigits();
    if (index < text.length() && text.charAt(index) == '.') {
      index++;
      skipDigits();
    }
    if (index < text.length() && (text.charAt(index) == 'e' || text.charAt(index) == 'E') && exponentFollows()) {
      index += isDigitAt(index + 1) ? 1 : 2;
      skipDigits();
    }
    tokens.add(new Token(Kind.NUMBER, text.substring(start, index), start + 1));
  }

  private boolean exponentFollows() {
    boolean signed = index + 1 < text.length() && (text.charAt(index + 1) == '+' || text.charAt(index + 1) == '-');
    return isDigitAt(index + 1) || signed && isDigitAt(index + 2);
  }

  private void readIdentifier() {
    int start = index;
    while (index < text.length() && Identifiers.isPart(text.codePointAt(index))) {
      index += Character.charCount(text.codePointAt(index));
    }
    tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, index), start + 1));
  }

  private void readSymbol(int c) {
    String two = text.substring(index, Math.min(index + 2, text.length()));
    String symbol = TWO_CHARACTER_SYMBOLS.contains(two) ? two : String.valueOf((char) c);
    if (!TWO_CHARACTER_SYMBOLS.contains(symbol) && ONE_CHARACTER_SYMBOLS.indexOf(c) < 0) {
      throw Cql2SyntaxException.atPosition(index + 1, "unexpected character " + describe(c));
    }
    tokens.add(new Token(Kind.SYMBOL, symbol, index + 1));
    index += symbol.length();
  }

  private void skipDigits() {
    while (isDigitAt(index)) {
      index++;
    }
  }

  private boolean isDigitAt(int at) {
    return at < text.length() && isDigit(text.charAt(at));
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** The whitespace characters of the BNF. */
  private static boolean isWhitespace(int c) {
    return c >= 0x09 && c <= 0x0D || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A
        || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  private static String describe(int c) {
    return Character.isISOControl(c) || Character.isWhitespace(c) || !Character.isDefined(c)
        ? String.format("U+%04X", c)
        : "'" + new String(Character.toChars(c)) + "'";
  }
}
