package io.urbis.source.postgis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway PostGIS database for one test class, on the server that PG* variables (or the local defaults of
 * scripts/test.sh) point at. Tests fail, not skip, when there is none: the test command provides one.
 */
public final class PostgisTestDatabase implements AutoCloseable {

  private final String host = env("PGHOST", "localhost");
  private final String port = env("PGPORT", "5432");
  private final String user = env("PGUSER", "postgres");
  private final String password = env("PGPASSWORD", "postgres");
  private final String name = "urbis_test_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

  public PostgisTestDatabase(String fixture) throws SQLException, IOException {
    this();
    try (Connection connection = connect(name); Statement statement = connection.createStatement();
        InputStream sql = getClass().getResourceAsStream(fixture)) {
      statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** An empty database (PostGIS not yet created in it). */
  public PostgisTestDatabase() throws SQLException {
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
  }

  public DatabaseUrl url() {
    return DatabaseUrl.parse(location());
  }

  /** The URL as a command line or configuration file names the database. */
  public String location() {
    return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + name;
  }

  /** Loads a GeoPackage's layers into this database with ogr2ogr. */
  public void loadWithGdal(java.nio.file.Path geoPackage) {
    io.urbis.testdata.Gdal.loadIntoPostgis(geoPackage, host, port, user, password, name);
  }

  /** Writes {@code tables} of this database into a new GeoPackage with ogr2ogr, primary keys as feature ids. */
  public void exportWithGdal(java.nio.file.Path geoPackage, List<String> tables) {
    io.urbis.testdata.Gdal.exportFromPostgis(host, port, user, password, name, geoPackage, tables);
  }

  /** Runs a psql script (one with meta-commands, which JDBC cannot run) with {@code variables} set ({@code -v}). */
  public void runPsql(java.nio.file.Path script, Map<String, String> variables) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p",
        port, "-U", user, "-d", name, "-f", script.toString()));
    variables.forEach((variable, value) -> command.addAll(List.of("-v", variable + "=" + value)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password);
    Process psql = builder.start();
    String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (psql.waitFor() != 0) {
      throw new IllegalStateException("psql -f " + script + " failed:\n" + output);
    }
  }

  /** The first column of each row of {@code sql}: feature ids as a source gives them (integers as longs). */
  public List<Object> ids(String sql) throws SQLException {
    List<Object> ids = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        Object id = rows.getObject(1);
        ids.add(id instanceof Number number ? (Object) number.longValue() : id);
      }
    }
    return ids;
  }

  /**
   * The rows of {@code sql} by their first column (an integer key), each the other columns by name, comparable with
   * decoded tiles ({@link io.urbis.testdata.MvtLayers#comparable}).
   */
  public Map<Long, Map<String, Object>> rows(String sql) throws SQLException {
    Map<Long, Map<String, Object>> rows = new java.util.HashMap<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      java.sql.ResultSetMetaData columns = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 2; i <= columns.getColumnCount(); i++) {
          row.put(columns.getColumnLabel(i), result.getObject(i));
        }
        rows.put(result.getLong(1), io.urbis.testdata.MvtLayers.comparable(row));
      }
    }
    return rows;
  }

  public Connection connect() throws SQLException {
    return connect(name);
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
