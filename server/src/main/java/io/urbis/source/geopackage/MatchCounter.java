package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.query.Returnables;
import io.urbis.source.SourceSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the features a query matches over all pages, on its own connection and only when asked. The count is
 * exact for tables of at most {@link SourceSettings#exactCountLimit()} rows and omitted for larger ones, so paging a
 * big table never pays for it. With a bbox, candidates are tested exactly in Java, as the page itself is.
 */
final class MatchCounter implements Supplier<OptionalLong> {

  private static final Logger LOG = LoggerFactory.getLogger(MatchCounter.class);

  private final GeoPackageFile file;
  private final SourceSettings settings;
  private final Collection collection;
  private final QueryPlan plan;
  private OptionalLong count;

  /** Counts rows of {@code collection} that pass the SQL and the Java tests of {@code plan}. */
  MatchCounter(GeoPackageFile file, SourceSettings settings, Collection collection, QueryPlan plan) {
    this.file = file;
    this.settings = settings;
    this.collection = collection;
    this.plan = plan;
  }

  @Override
  public synchronized OptionalLong get() {
    if (count == null) {
      count = countIfSmall();
    }
    return count;
  }

  private OptionalLong countIfSmall() {
    try (Connection connection = file.open()) {
      if (!isSmall(connection)) {
        return OptionalLong.empty();
      }
      boolean javaTests = plan.bbox() != null || plan.cql() != null;
      return OptionalLong.of(javaTests ? countInJava(connection) : countInSql(connection));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("counting matches in {} of {} failed; numberMatched omitted", collection.table(), file.path(), e);
      return OptionalLong.empty();
    }
  }

  private boolean isSmall(Connection connection) throws SQLException {
    long cap = settings.exactCountLimit() + 1;
    return singleLong(connection, GeoPackageSql.countRowsUpTo(collection, cap)) < cap;
  }

  private long countInSql(Connection connection) throws SQLException {
    return singleLong(connection, GeoPackageSql.count(collection, plan.sql()));
  }

  private long countInJava(Connection connection) throws SQLException {
    FeatureRows rows = new FeatureRows(collection, settings, plan.bbox(), plan.cql(), Crs.CRS84, Returnables.ALL);
    long matches = 0;
    try (PreparedStatement statement = GeoPackageSql.allFeatures(collection, plan.sql()).prepare(connection);
        ResultSet candidates = statement.executeQuery()) {
      while (candidates.next()) {
        if (rows.crs84GeometryIfMatching(candidates) != null) {
          matches++;
        }
      }
    }
    return matches;
  }

  private static long singleLong(Connection connection, SqlStatement sql) throws SQLException {
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
