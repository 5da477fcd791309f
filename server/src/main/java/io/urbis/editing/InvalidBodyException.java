package io.urbis.editing;

import io.urbis.error.UrbisException;
import java.util.List;

/** A request body that is not a feature the collection can take: one 400 naming every problem found. */
public final class InvalidBodyException extends UrbisException {

  InvalidBodyException(List<String> problems) {
    super(400, "InvalidRequestBody", (problems.size() == 1 ? "The request body has a problem: "
        : "The request body has " + problems.size() + " problems: ") + String.join("; ", problems));
  }
}
