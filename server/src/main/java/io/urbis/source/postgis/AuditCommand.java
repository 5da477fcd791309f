package io.urbis.source.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.error.Causes;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code urbis audit <database-url> [--limit N]}: the latest feature writes recorded in the database's audit table
 * ({@link AuditTrail}), newest first, one line each: when, who, what was done to which feature, and which members
 * (properties, geometry) a replace or update changed. The full rows before and after are in the table. Exit
 * statuses: 0 listed, 1 no audit table or no database, 2 wrong arguments.
 */
public final class AuditCommand {

  static final String USAGE = """
      Usage: urbis audit [DATABASE-URL] [--limit N]

      Lists the latest N (default 20) feature writes recorded in the audit table urbis_audit of the
      database (in the search path of its user), newest first: when, who, what was done to which feature,
      and which properties a replace or update changed. Without DATABASE-URL, DATABASE_URL is used. Keep
      the password in DATABASE_URL or ~/.pgpass rather than on the command line.
      """;
  private static final int DEFAULT_LIMIT = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  public AuditCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /** Runs {@code args} (starting with "audit") and returns the exit status. */
  public int run(String[] args) {
    String location = environment.get("DATABASE_URL");
    int limit = DEFAULT_LIMIT;
    try {
      for (int i = 1; i < args.length; i++) {
        if (args[i].equals("--help") || args[i].equals("-h")) {
          out.print(USAGE);
          return 0;
        } else if (args[i].equals("--limit") && i + 1 < args.length) {
          limit = Integer.parseInt(args[++i]);
          if (limit < 1) {
            throw new NumberFormatException();
          }
        } else if (DatabaseUrl.looksLikeOne(args[i])) {
          location = args[i];
        } else {
          err.print("urbis audit: unknown argument '" + DatabaseUrl.redacted(args[i]) + "'\n" + USAGE);
          return 2;
        }
      }
    } catch (NumberFormatException e) {
      err.println("urbis audit: --limit needs a whole number of at least 1");
      return 2;
    }
    if (location == null) {
      err.print("urbis audit: name the database (postgresql://user@host/database) or set DATABASE_URL\n" + USAGE);
      return 2;
    }
    return list(DatabaseUrl.parse(location), limit);
  }

  private int list(DatabaseUrl url, int limit) {
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      AuditTrail trail = AuditTrail.find(connection);
      if (trail == null) {
        err.println("urbis audit: " + url.label() + " has no audit table " + AuditTrail.NAME + " in the search path"
            + " of its user; Urbis creates it when it serves a writable collection");
        return 1;
      }
      try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, trail.latest(limit));
          ResultSet rows = statement.executeQuery()) {
        out.println(String.join("\t", "id", "at", "caller", "operation", "collection/feature", "changed"));
        while (rows.next()) {
          out.println(line(rows));
        }
      }
      return 0;
    } catch (SQLException e) {
      err.println("urbis audit: " + url.label() + ": " + Causes.rootMessage(e));
      return 1;
    }
  }

  private static String line(ResultSet row) throws SQLException {
    OffsetDateTime at = row.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    return String.join("\t", row.getString(1), at.toString(), row.getString(3), row.getString(6),
        row.getString(4) + "/" + row.getString(5), String.join(", ", changed(row.getString(7), row.getString(8))));
  }

  /** The members of the row that differ between before and after; none for a create or delete. */
  static List<String> changed(String before, String after) {
    if (before == null || after == null) {
      return List.of();
    }
    try {
      JsonNode old = JSON.readTree(before);
      JsonNode now = JSON.readTree(after);
      TreeSet<String> names = new TreeSet<>();
      for (Iterator<String> fields = old.fieldNames(); fields.hasNext(); ) {
        names.add(fields.next());
      }
      now.fieldNames().forEachRemaining(names::add);
      List<String> changed = new ArrayList<>();
      for (String name : names) {
        if (!Objects.equals(old.get(name), now.get(name))) {
          changed.add(name);
        }
      }
      return changed;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the audit table holds JSON that does not parse", e);
    }
  }
}
