package io.urbis.cql2;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throwaway PostGIS database for one test class on the server the PG* variables point at (default
 * localhost/postgres/postgres). Tests fail, not skip, when there is none: the test command provides one.
 */
public final class Cql2TestDatabase implements AutoCloseable {

  private final String host = env("PGHOST", "localhost");
  private final String port = env("PGPORT", "5432");
  private final String user = env("PGUSER", "postgres");
  private final String password = env("PGPASSWORD", "postgres");
  private final String name = "cql2_test_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final Connection connection;

  public Cql2TestDatabase() throws SQLException {
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    connection = connect(name);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION postgis");
    }
  }

  public Connection connection() {
    return connection;
  }

  /** The database as a source URL for the server. */
  public String url() {
    return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + name;
  }

  /** Loads a GeoPackage's layers with ogr2ogr, keeping the column names as they are (the ATS data's are upper case). */
  public void loadWithGdal(java.nio.file.Path geoPackage) {
    io.urbis.testdata.Gdal.loadIntoPostgis(geoPackage, host, port, user, password, name,
        java.util.List.of("LAUNDER=NO"));
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
