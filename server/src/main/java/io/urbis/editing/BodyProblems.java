package io.urbis.editing;

import java.util.ArrayList;
import java.util.List;

/** The problems of one request body, gathered so that one answer names them all; each at its JSON pointer. */
final class BodyProblems {

  private final List<String> problems = new ArrayList<>();

  void add(String pointer, String problem) {
    problems.add((pointer.isEmpty() ? "the body" : pointer) + ": " + problem);
  }

  /** @throws InvalidBodyException when any problem was found */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidBodyException(problems);
    }
  }
}
