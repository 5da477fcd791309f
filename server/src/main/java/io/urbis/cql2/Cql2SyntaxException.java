package io.urbis.cql2;

/** The filter is not CQL2: the message starts with the 1-based character position or the JSON pointer. */
public final class Cql2SyntaxException extends Cql2Exception {

  private Cql2SyntaxException(String message) {
    super(message);
  }

  /** {@code "at position 17: expected ')' but found 'AND'"}. */
  public static Cql2SyntaxException atPosition(int position, String problem) {
    return new Cql2SyntaxException("at position " + position + ": " + problem);
  }

  /** {@code "at /args/1: 'between' needs 3 arguments, not 2"}; the empty pointer is the whole document. */
  public static Cql2SyntaxException atPointer(String pointer, String problem) {
    return new Cql2SyntaxException("at " + (pointer.isEmpty() ? "the top level" : pointer) + ": " + problem);
  }

  /** A problem with the input as a whole, such as its length. */
  public static Cql2SyntaxException of(String problem) {
    return new Cql2SyntaxException(problem);
  }
}
