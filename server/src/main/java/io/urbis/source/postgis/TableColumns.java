package io.urbis.source.postgis;

import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.cql2.postgis.PropertyResolver;

/**
 * Resolves the property names of a validated CQL2 filter to this table's columns: the only way a filter's names
 * reach SQL, always quoted and always from the catalog.
 */
final class TableColumns implements PropertyResolver {

  private final PostgisTable table;

  TableColumns(PostgisTable table) {
    this.table = table;
  }

  @Override
  public String sqlExpression(String property) {
    PostgisColumn column = table.column(property);
    String expression = "t." + quote(column.name());
    // filters compare instants; a timestamp without time zone is read as UTC, as the server's sessions are
    return column.typeName().equals("timestamp") ? "(" + expression + " AT TIME ZONE 'UTC')" : expression;
  }

  @Override
  public String geometryExpression(String property, int srid) {
    return PostgisFilterSql.inSrid(table, srid);
  }

  @Override
  public String sqlType(String property) {
    return table.column(property).sqlType();
  }
}
