package io.urbis.source.postgis;

import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.cql2.postgis.PropertyResolver;

/**
 * Resolves the property names of a validated CQL2 filter to this table's columns: the only way a filter's names
 * reach SQL, always quoted and always from the catalog.
 */
final class TableColumns implements PropertyResolver {

  private final PostgisTable table;
  private final String geometryCrs84;

  TableColumns(PostgisTable table, String geometryCrs84) {
    this.table = table;
    this.geometryCrs84 = geometryCrs84;
  }

  @Override
  public String sqlExpression(String property) {
    PostgisColumn column = table.column(property);
    String expression = "t." + quote(column.name());
    // filters compare instants; a timestamp without time zone is read as UTC, as the server's sessions are
    return column.typeName().equals("timestamp") ? "(" + expression + " AT TIME ZONE 'UTC')" : expression;
  }

  @Override
  public String geometryExpressionCrs84(String property) {
    return geometryCrs84;
  }

  @Override
  public String sqlType(String property) {
    return table.column(property).sqlType();
  }
}
