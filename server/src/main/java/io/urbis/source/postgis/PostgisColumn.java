package io.urbis.source.postgis;

import io.urbis.catalog.JsonType;
import java.util.Locale;

/** One column of a published table, with the JSON type its values take. */
record PostgisColumn(String name, String typeName, String sqlType, boolean primaryKey, boolean notNull) {

  boolean isGeometry() {
    return typeName.equals("geometry") || typeName.equals("geography");
  }

  JsonType jsonType() {
    return switch (typeName.toLowerCase(Locale.ROOT)) {
      case "int2", "int4", "int8", "oid" -> JsonType.INTEGER;
      case "float4", "float8", "numeric" -> JsonType.NUMBER;
      case "bool" -> JsonType.BOOLEAN;
      case "date" -> JsonType.DATE;
      case "timestamp", "timestamptz" -> JsonType.DATE_TIME;
      case "json", "jsonb" -> JsonType.OBJECT;
      default -> typeName.startsWith("_") ? JsonType.ARRAY : JsonType.STRING;
    };
  }
}
