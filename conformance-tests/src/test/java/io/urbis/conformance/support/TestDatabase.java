package io.urbis.conformance.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A throwaway PostGIS database {@code urbis_ct_<random>} loaded with {@code fixture.sql}: the truth the tests
 * compare the server's answers with. Connection from {@code DATABASE_URL} (an admin database) or
 * {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}.
 */
public final class TestDatabase implements AutoCloseable {

  /** A fixture query that takes longer than this is broken: fail instead of hanging the run. */
  private static final int SOCKET_TIMEOUT_SECONDS = 300;

  private final Admin admin;
  private final String name;
  private final Connection connection;

  private TestDatabase(Admin admin, String name, Connection connection) {
    this.admin = admin;
    this.name = name;
    this.connection = connection;
  }

  static TestDatabase create() {
    Admin admin = Admin.fromEnvironment();
    String name = "urbis_ct_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    admin.execute("CREATE DATABASE " + name);
    try {
      Connection connection = admin.connect(name);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE EXTENSION postgis");
        statement.execute(fixtureSql());
      }
      return new TestDatabase(admin, name, connection);
    } catch (SQLException | RuntimeException e) {
      admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      throw new IllegalStateException("Could not load fixture.sql into " + name + ": " + e.getMessage(), e);
    }
  }

  private static String fixtureSql() {
    try (InputStream in = TestDatabase.class.getResourceAsStream("/fixture.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code postgresql://} URL the server is started with. */
  public String serverUrl() {
    return admin.url(name);
  }

  /** The database as a GDAL data source ({@code PG:dbname=...}); the password is in {@link #clientEnvironment()}. */
  public String gdalDataSource() {
    return "PG:" + admin.conninfo(name);
  }

  /** What a libpq client (GDAL) needs in its environment besides {@link #gdalDataSource()}: the password. */
  public Map<String, String> clientEnvironment() {
    return admin.password() == null ? Map.of() : Map.of("PGPASSWORD", admin.password());
  }

  /** Runs statements that return no rows (changes to the data, in tests that change it). */
  public void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Statement failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The first column of every row, as text (SQL NULL stays null). */
  public List<String> column(String sql, Object... binds) {
    return rows(sql, binds).stream().map(row -> row.get(0)).toList();
  }

  /** The single number a query such as {@code SELECT count(*)} answers. */
  public long number(String sql, Object... binds) {
    return Long.parseLong(column(sql, binds).get(0));
  }

  /** The first column mapped to the second, in row order. */
  public Map<String, String> pairs(String sql, Object... binds) {
    Map<String, String> pairs = new LinkedHashMap<>();
    rows(sql, binds).forEach(row -> pairs.put(row.get(0), row.get(1)));
    return pairs;
  }

  /** Every row, every column as text. */
  public List<List<String>> rows(String sql, Object... binds) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        statement.setObject(i + 1, binds[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(result.getString(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Fixture query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // the database is dropped with FORCE below anyway
    }
    admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** Where the admin database is and who may create databases there. */
  private record Admin(String host, int port, String user, String password, String database) {

    static Admin fromEnvironment() {
      String url = System.getenv("DATABASE_URL");
      if (url != null && !url.isBlank()) {
        return fromUrl(URI.create(url));
      }
      return new Admin(env("PGHOST", "localhost"), Integer.parseInt(env("PGPORT", "5432")),
          env("PGUSER", "postgres"), System.getenv("PGPASSWORD"), "postgres");
    }

    private static Admin fromUrl(URI url) {
      String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo();
      String[] parts = userInfo.split(":", 2);
      String path = url.getPath() == null || url.getPath().length() <= 1 ? "/postgres" : url.getPath();
      return new Admin(url.getHost(), url.getPort() < 0 ? 5432 : url.getPort(),
          parts[0].isEmpty() ? "postgres" : decode(parts[0]), parts.length > 1 ? decode(parts[1]) : null,
          path.substring(1));
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }

    Connection connect(String db) throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("user", user);
      properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
      if (password != null) {
        properties.setProperty("password", password);
      }
      return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, properties);
    }

    void execute(String sql) {
      try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("No usable PostgreSQL at " + host + ":" + port + "/" + database
            + " as user " + user + " (" + e.getMessage() + "). Set DATABASE_URL or PGHOST/PGPORT/PGUSER/PGPASSWORD,"
            + " start one (e.g. pg_ctlcluster 15 main start), or pass -D" + UrbisExtension.SKIP_DB + "=true to skip.",
            e);
      }
    }

    /** A libpq key/value connection string without the password. */
    String conninfo(String db) {
      return "dbname=" + quoted(db) + " host=" + quoted(host) + " port=" + port + " user=" + quoted(user);
    }

    private static String quoted(String value) {
      return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    String url(String db) {
      String credentials = encode(user) + (password == null ? "" : ":" + encode(password));
      return "postgresql://" + credentials + "@" + host + ":" + port + "/" + db;
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String value) {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
  }
}
