package io.urbis.cql2.postgis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A boolean SQL expression for a WHERE clause, with one JDBC {@code ?} per bind value, in order. The text holds only
 * what the compiler and the {@link PropertyResolver} wrote; every literal of the filter is a bind value.
 */
public record CompiledSql(String sql, List<Object> binds) {

  public CompiledSql {
    Objects.requireNonNull(sql, "sql");
    binds = List.copyOf(binds);
  }

  public static CompiledSql text(String sql) {
    return new CompiledSql(sql, List.of());
  }

  /** {@code CAST(? AS type)}: explicit types, so no driver setting changes how PostgreSQL reads a value. */
  public static CompiledSql bind(Object value, String sqlType) {
    return new CompiledSql("CAST(? AS " + sqlType + ")", List.of(value));
  }

  /** Joins strings (SQL written here) and compiled pieces, keeping the binds in text order. */
  public static CompiledSql concat(Object... parts) {
    StringBuilder sql = new StringBuilder();
    List<Object> binds = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof CompiledSql compiled) {
        sql.append(compiled.sql());
        binds.addAll(compiled.binds());
      } else {
        sql.append((String) part);
      }
    }
    return new CompiledSql(sql.toString(), binds);
  }

  public static CompiledSql join(String separator, List<CompiledSql> parts) {
    List<Object> separated = new ArrayList<>();
    for (CompiledSql part : parts) {
      if (!separated.isEmpty()) {
        separated.add(separator);
      }
      separated.add(part);
    }
    return concat(separated.toArray());
  }
}
