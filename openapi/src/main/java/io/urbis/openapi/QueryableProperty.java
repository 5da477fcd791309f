package io.urbis.openapi;

import java.util.Set;

/**
 * A feature property as the API shows it: in the collection's feature schema and, when it is a
 * scalar, as an equality filter on the items.
 *
 * @param name the property name in GeoJSON {@code properties}
 * @param type a JSON Schema type: string, number, integer, boolean, array or object
 * @param format an OpenAPI format such as {@code date-time} or {@code int64}; {@code null} if none
 */
public record QueryableProperty(String name, String type, String format) {

  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "array", "object");
  private static final Set<String> SCALAR_TYPES = Set.of("string", "number", "integer", "boolean");

  public QueryableProperty {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a queryable property needs a name");
    }
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "property '" + name + "': type '" + type + "' is not one of " + TYPES);
    }
  }

  public QueryableProperty(String name, String type) {
    this(name, type, null);
  }

  /** Only scalars make sense as {@code name=value} query parameters. */
  public boolean isScalar() {
    return SCALAR_TYPES.contains(type);
  }
}
