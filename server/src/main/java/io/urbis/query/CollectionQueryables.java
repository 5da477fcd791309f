package io.urbis.query;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.cql2.QueryableType;
import io.urbis.cql2.Queryables;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a filter on a collection may name: its geometry under the column's name, and every scalar or array property. */
public final class CollectionQueryables {

  private CollectionQueryables() {}

  public static Queryables of(Collection collection) {
    Map<String, QueryableType> types = new LinkedHashMap<>();
    types.put(collection.geometryColumn(), QueryableType.GEOMETRY);
    for (Property property : collection.properties()) {
      QueryableType type = switch (property.type()) {
        case STRING -> QueryableType.STRING;
        case INTEGER -> QueryableType.INTEGER;
        case NUMBER -> QueryableType.NUMBER;
        case BOOLEAN -> QueryableType.BOOLEAN;
        case DATE -> QueryableType.DATE;
        case DATE_TIME -> QueryableType.TIMESTAMP;
        case ARRAY -> QueryableType.ARRAY;
        case OBJECT -> null;
      };
      if (type != null) {
        types.put(property.name(), type);
      }
    }
    return new Queryables(types);
  }
}
