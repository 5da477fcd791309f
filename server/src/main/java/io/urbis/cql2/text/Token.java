package io.urbis.cql2.text;

/** One CQL2-text token; {@code position} is 1-based. String and quoted-identifier tokens hold their unescaped text. */
record Token(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  private static final int SHOWN_LENGTH = 30;

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** Keywords are case-insensitive and never quoted. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  /** The token as an error message shows it, shortened. */
  String display() {
    String shown = text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH) + "..." : text;
    return switch (kind) {
      case END -> "the end of the filter";
      case STRING -> "the string '" + shown + "'";
      case QUOTED_IDENTIFIER -> "\"" + shown + "\"";
      default -> "'" + shown + "'";
    };
  }
}
