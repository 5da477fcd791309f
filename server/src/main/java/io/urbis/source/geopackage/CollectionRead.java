package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.catalog.RowFilter;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.ExpressionRewriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a read of a collection, whole or narrowed to what one audience sees ({@code io.urbis.access}), selects: the
 * id, the geometry, then {@link #columns()}, which are the collection's properties in catalog order followed by the
 * hidden columns its row filter names. Those are read only to test rows; writers take the collection's properties,
 * so they are never written. A whole collection reads exactly its properties, as it always did.
 *
 * @param collection the collection as its audience sees it
 * @param columns the property columns read after the id and the geometry
 */
record CollectionRead(Collection collection, List<Property> columns) {

  /** The result column of the first property: after the id and the geometry. */
  static final int FIRST_PROPERTY_COLUMN = 3;

  CollectionRead {
    columns = List.copyOf(columns);
  }

  /**
   * The read of {@code collection}, whose table this source published as {@code table}: the whole collection,
   * which holds every column that may be hidden.
   */
  static CollectionRead of(Collection collection, Collection table) {
    RowFilter rows = collection.rowFilter();
    if (rows == null) {
      return new CollectionRead(collection, collection.properties());
    }
    Set<String> named = propertiesNamedBy(rows.expression());
    List<Property> columns = new ArrayList<>(collection.properties());
    table.properties().stream()
        .filter(column -> named.contains(column.name()) && collection.property(column.name()).isEmpty())
        .forEach(columns::add);
    return new CollectionRead(collection, columns);
  }

  /** The collection's row filter, or null when its audience sees every row. */
  RowFilter rowFilter() {
    return collection.rowFilter();
  }

  /** The current row's property values by name, hidden ones included, as the CQL2 evaluator takes them. */
  Map<String, Object> values(ResultSet row) throws SQLException {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      values.put(columns.get(i).name(), row.getObject(FIRST_PROPERTY_COLUMN + i));
    }
    return values;
  }

  private static Set<String> propertiesNamedBy(Expression expression) {
    Set<String> names = new HashSet<>();
    new ExpressionRewriter() {
      @Override
      public Expression visit(io.urbis.cql2.ast.Property property) {
        names.add(property.name());
        return property;
      }
    }.rewrite(expression);
    return names;
  }
}
