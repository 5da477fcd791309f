package io.urbis.source.postgis;

import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.cql2.postgis.CompiledSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of feature writes ({@link PostgisEditor}): each statement names the table as {@code t}, so that the version,
 * the row as JSON and the row filter are the same expressions before and after a write. Values travel as binds:
 * {@link ColumnValue}s as text of no declared type, which PostgreSQL reads with the input function of the column they
 * are written to, exactly as a literal (so a too long text for a {@code varchar(n)} is an error, never cut).
 */
final class PostgisWriteSql {

  /** A property value as text, for the column it is written to to read (JDBC {@code Types.OTHER}). */
  record ColumnValue(String text) {}

  /** The columns that read the written row: its version, the row as JSON, whether the row filter holds it. */
  private record Returned(String sql, List<Object> binds) {}

  private final PostgisTable table;

  /** @param table the table as the writing audience sees it: its visible columns and its compiled row filter */
  PostgisWriteSql(PostgisTable table) {
    this.table = table;
  }

  /**
   * A feature's version before {@link io.urbis.source.FeatureVersions} adds the audience: the MD5 of the columns of
   * {@code visible} as the feature's properties object writes them, and of its geometry as EWKB (SRID included). Only
   * stored values go in, so every server computes the same, after a restart too.
   */
  static String version(PostgisTable table, List<PostgisColumn> visible) {
    return "md5(convert_to(" + PostgisFeatureSql.propertiesObject(visible) + ", 'UTF8') || coalesce(ST_AsEWKB(t."
        + quote(table.geometryColumn()) + "::geometry), ''::bytea))";
  }

  /** The row of the feature, locked until the transaction ends, if the audience sees it: its version and JSON. */
  SqlQuery lock(String featureId) {
    List<Object> binds = new ArrayList<>();
    String sql = "SELECT " + version(table, table.columns()) + ", to_jsonb(t)::text FROM " + table.qualifiedName()
        + " t WHERE " + idMatches(featureId, binds) + rowCondition(binds) + " FOR UPDATE";
    return new SqlQuery(sql, binds);
  }

  /** Adds a row of the columns given; returns its id as text, then {@link #returned()}'s columns. */
  SqlQuery insert(Map<String, Object> values) {
    List<String> columns = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    values.forEach((column, value) -> {
      columns.add(quote(column));
      placeholders.add(placeholder(column));
      binds.add(value);
    });
    Returned returned = returned();
    binds.addAll(returned.binds());
    String into = columns.isEmpty() ? " DEFAULT VALUES"
        : " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", placeholders) + ")";
    return new SqlQuery("INSERT INTO " + table.qualifiedName() + " AS t" + into + " RETURNING CAST(t."
        + quote(table.idColumn()) + " AS text), " + returned.sql(), binds);
  }

  /** Sets the columns given of the feature's row; returns {@link #returned()}'s columns. */
  SqlQuery update(String featureId, Map<String, Object> values) {
    List<String> assignments = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    values.forEach((column, value) -> {
      assignments.add(quote(column) + " = " + placeholder(column));
      binds.add(value);
    });
    String where = idMatches(featureId, binds);
    Returned returned = returned();
    binds.addAll(returned.binds());
    return new SqlQuery("UPDATE " + table.qualifiedName() + " AS t SET " + String.join(", ", assignments)
        + " WHERE " + where + " RETURNING " + returned.sql(), binds);
  }

  SqlQuery delete(String featureId) {
    List<Object> binds = new ArrayList<>();
    return new SqlQuery("DELETE FROM " + table.qualifiedName() + " AS t WHERE " + idMatches(featureId, binds), binds);
  }

  /** The written row's version, JSON, and whether the audience's row filter holds it. */
  private Returned returned() {
    List<Object> binds = new ArrayList<>();
    String inside = table.rowFilter() == null ? "true" : rowFilter(binds);
    return new Returned(version(table, table.columns()) + ", to_jsonb(t)::text, " + inside, binds);
  }

  /** The geometry comes as EWKB; everything else as text its column reads. */
  private String placeholder(String column) {
    return column.equals(table.geometryColumn()) ? "ST_GeomFromEWKB(?)" : "?";
  }

  private String idMatches(String featureId, List<Object> binds) {
    binds.add(featureId);
    return "t." + quote(table.idColumn()) + " = CAST(? AS " + table.idSqlType() + ")";
  }

  private String rowCondition(List<Object> binds) {
    return table.rowFilter() == null ? "" : " AND " + rowFilter(binds);
  }

  /**
   * The audience's row filter, compiled over the whole table's columns (hidden ones too) when the table was narrowed;
   * a row it does not hold is false.
   */
  private String rowFilter(List<Object> binds) {
    CompiledSql compiled = table.rowFilter();
    binds.addAll(compiled.binds());
    return "coalesce((" + compiled.sql() + "), false)";
  }
}
