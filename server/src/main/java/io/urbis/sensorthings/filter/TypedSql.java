package io.urbis.sensorthings.filter;

import io.urbis.cql2.postgis.CompiledSql;

/**
 * SQL for a value of a known type; an {@link ValueType#INTERVAL} has an end too ({@code sql} is its start).
 */
public record TypedSql(CompiledSql sql, ValueType type, CompiledSql end) {

  public static TypedSql of(CompiledSql sql, ValueType type) {
    return new TypedSql(sql, type, null);
  }

  public static TypedSql interval(CompiledSql start, CompiledSql end) {
    return new TypedSql(start, ValueType.INTERVAL, end);
  }
}
