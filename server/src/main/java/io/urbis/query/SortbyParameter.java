package io.urbis.query;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sortby=+name,-storeys} (OGC 23-058): properties with scalar values, each ascending unless prefixed by
 * {@code -}. Features with equal keys keep their id order, so pages never overlap.
 */
final class SortbyParameter {

  static final String NAME = "sortby";

  private SortbyParameter() {}

  static List<SortKey> parse(String text, Collection collection) {
    List<SortKey> keys = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String trimmed = part.trim();
      boolean descending = trimmed.startsWith("-");
      String name = trimmed.startsWith("-") || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
      Property property = collection.property(name).filter(SortbyParameter::isSortable)
          .orElseThrow(() -> new InvalidParameterException(NAME, "'" + name + "' is not a sortable property"));
      keys.add(new SortKey(property.name(), descending));
    }
    return keys;
  }

  /** Objects and arrays have no order. */
  static boolean isSortable(Property property) {
    return switch (property.type()) {
      case OBJECT, ARRAY -> false;
      default -> true;
    };
  }
}
