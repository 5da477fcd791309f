package io.urbis.error;

/** Reads the innermost cause of an exception: drivers wrap the one sentence worth showing several times. */
public final class Causes {

  private Causes() {}

  public static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
