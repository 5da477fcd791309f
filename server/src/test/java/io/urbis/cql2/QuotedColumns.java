package io.urbis.cql2;

import io.urbis.cql2.postgis.PropertyResolver;
import java.util.Map;

/**
 * Test tables whose columns are named like their queryables: a property resolves to its quoted column, the
 * geometry is stored in CRS84, arrays are text unless {@code arrayTypes} says otherwise.
 */
record QuotedColumns(Queryables queryables, Map<String, String> arrayTypes) implements PropertyResolver {

  @Override
  public String sqlExpression(String property) {
    queryables.typeOf(property).orElseThrow();
    return "t.\"" + property + "\"";
  }

  @Override
  public String geometryExpression(String property, int srid) {
    return srid == 4326 ? sqlExpression(property) : "ST_Transform(" + sqlExpression(property) + ", " + srid + ")";
  }

  @Override
  public String sqlType(String property) {
    return arrayTypes.getOrDefault(property, "text[]");
  }
}
