package io.urbis.source.postgis;

/** Quotes identifiers for PostgreSQL. Only names read from the database catalog ever reach it. */
final class SqlIdentifier {

  private SqlIdentifier() {}

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A schema-qualified table name, quoted part by part. */
  static String quoteTable(String schema, String table) {
    return quote(schema) + '.' + quote(table);
  }
}
