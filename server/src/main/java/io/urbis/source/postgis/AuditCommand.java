package io.urbis.source.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.error.Causes;
import io.urbis.source.AuditEntry;
import java.io.PrintStream;
import java.nio.file.Path;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code urbis audit <database-url | file.gpkg> [--limit N]}: the latest feature writes recorded in the audit table
 * of the database ({@link AuditTrail}) or of the GeoPackage ({@link io.urbis.source.geopackage.AuditTrail}), newest
 * first, one line each: when, who, what was done to which feature, and which members (properties, geometry) a replace
 * or update changed. The full rows before and after are in the table. Exit statuses: 0 listed, 1 no audit table or no
 * database, 2 wrong arguments.
 */
public final class AuditCommand {

  static final String USAGE = """
      Usage: urbis audit [DATABASE-URL | FILE.gpkg] [--limit N]

      Lists the latest N (default 20) feature writes recorded in the audit table urbis_audit of the
      database (in the search path of its user) or of the GeoPackage, newest first: when, who, what was
      done to which feature, and which properties a replace or update changed. Without an argument,
      DATABASE_URL is used. Keep the password in DATABASE_URL or ~/.pgpass rather than on the command line.
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
        } else if (DatabaseUrl.looksLikeOne(args[i]) || isGeoPackage(args[i])) {
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
      err.print("urbis audit: name the database (postgresql://user@host/database) or GeoPackage, or set"
          + " DATABASE_URL\n" + USAGE);
      return 2;
    }
    return isGeoPackage(location) ? list(Path.of(location), limit) : list(DatabaseUrl.parse(location), limit);
  }

  /** A GeoPackage file, as {@code urbis serve} tells one from a database. */
  private static boolean isGeoPackage(String location) {
    return location.toLowerCase(Locale.ROOT).endsWith(".gpkg") && !location.contains("://");
  }

  private int list(Path geoPackage, int limit) {
    try {
      Optional<List<AuditEntry>> entries = io.urbis.source.geopackage.AuditTrail.latest(geoPackage, limit);
      if (entries.isEmpty()) {
        err.println("urbis audit: " + geoPackage + " has no audit table " + AuditTrail.NAME + "; Urbis creates it"
            + " when it serves a writable collection");
        return 1;
      }
      print(entries.get());
      return 0;
    } catch (IllegalArgumentException | SQLException e) {
      err.println("urbis audit: " + Causes.rootMessage(e));
      return 1;
    }
  }

  private int list(DatabaseUrl url, int limit) {
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      AuditTrail trail = AuditTrail.find(connection);
      if (trail == null) {
        err.println("urbis audit: " + url.label() + " has no audit table " + AuditTrail.NAME + " in the search path"
            + " of its user; Urbis creates it when it serves a writable collection");
        return 1;
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, trail.latest(limit));
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.add(new AuditEntry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
              rows.getString(3), rows.getString(6), rows.getString(4), rows.getString(5), rows.getString(7),
              rows.getString(8)));
        }
      }
      print(entries);
      return 0;
    } catch (SQLException e) {
      err.println("urbis audit: " + url.label() + ": " + Causes.rootMessage(e));
      return 1;
    }
  }

  private void print(List<AuditEntry> entries) {
    out.println(String.join("\t", "id", "at", "caller", "operation", "collection/feature", "changed"));
    for (AuditEntry entry : entries) {
      out.println(String.join("\t", Long.toString(entry.id()), entry.at().atOffset(ZoneOffset.UTC).toString(),
          entry.caller(), entry.operation(), entry.collection() + "/" + entry.featureId(),
          String.join(", ", changed(entry.before(), entry.after()))));
    }
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
