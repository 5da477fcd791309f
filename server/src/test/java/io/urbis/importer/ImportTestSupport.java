package io.urbis.importer;

import io.urbis.source.postgis.PostgisTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Runs imports into a throwaway PostGIS database and reads back what they wrote. */
final class ImportTestSupport implements AutoCloseable {

  final PostgisTestDatabase database;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  ImportTestSupport() throws Exception {
    database = new PostgisTestDatabase("postgis-only.sql");
  }

  ImportSummary importFile(Path file, String table, boolean replace) throws ImportException {
    return new Importer(stream(err), false).run(new SourceFile(file), database.url(),
        new ImportTarget("public", table, replace));
  }

  /** Runs {@code urbis import ARGS --to <this database>} and returns the exit status. */
  int command(String... args) {
    err.reset();
    String[] full = new String[args.length + 3];
    full[0] = "import";
    System.arraycopy(args, 0, full, 1, args.length);
    full[full.length - 2] = "--to";
    full[full.length - 1] = "postgresql://" + database.url().user() + ":" + database.url().password() + "@"
        + database.url().jdbcUrl().substring("jdbc:postgresql://".length());
    return new ImportCommand(stream(new ByteArrayOutputStream()), stream(err), Map.of(), false).run(full);
  }

  String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The first column of the first row, or null. */
  Object value(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getObject(1) : null;
    }
  }

  long count(String table) throws SQLException {
    return ((Number) value("SELECT count(*) FROM " + table)).longValue();
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }
}
