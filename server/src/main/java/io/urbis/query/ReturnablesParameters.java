package io.urbis.query;

import io.urbis.catalog.Collection;
import io.urbis.error.InvalidParameterException;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code properties} (a comma-separated list of the collection's properties) and {@code skipGeometry}. */
final class ReturnablesParameters {

  static final String PROPERTIES = "properties";
  static final String SKIP_GEOMETRY = "skipGeometry";

  private ReturnablesParameters() {}

  static Returnables parse(String properties, String skipGeometry, Collection collection) {
    return new Returnables(properties == null ? null : names(properties, collection), flag(skipGeometry));
  }

  private static Set<String> names(String list, Collection collection) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : list.split(",", -1)) {
      String trimmed = name.trim();
      if (trimmed.isEmpty() && list.isBlank()) {
        continue;
      }
      if (collection.property(trimmed).isEmpty()) {
        throw new InvalidParameterException(PROPERTIES, "'" + trimmed + "' is not a property of this collection");
      }
      names.add(trimmed);
    }
    return names;
  }

  private static boolean flag(String text) {
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw new InvalidParameterException(SKIP_GEOMETRY, "'" + text + "' is not true or false");
  }
}
