package io.urbis.source.geopackage;

/** Quoting of SQLite identifiers, shared by the GeoPackage reader and the demo writer. */
public final class SqlIdentifiers {

  private SqlIdentifiers() {}

  /** Quotes an SQL identifier: double quotes, embedded double quotes doubled. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
