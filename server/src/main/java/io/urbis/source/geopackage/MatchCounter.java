package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.query.FeatureQuery;
import io.urbis.query.Returnables;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageExtents.TableExtent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the features a query matches over all pages, only when asked, once per change of the file and selection
 * ({@link FileFacts}). A query without filters is always counted. A filtered one is counted when SQLite's candidates
 * (the rows its R-tree windows, datetime and property conditions select) are at most
 * {@link SourceSettings#filteredCountLimit()}, found by counting them only up to one more than that: the GeoPackage's
 * estimate of what the count costs. Candidates are then tested exactly in Java, as the page's are. A query by bbox
 * and datetime alone with more candidates is counted when both hold all the data: then the Java test keeps every
 * candidate, and SQL counts them, once per change of the file for all such queries (a scan, as without filters).
 * A collection's row filter is one more Java test, as a CQL2 filter is; counts are kept per
 * {@link Collection#visibility()}, so an audience never gets the count of another.
 */
final class MatchCounter implements Supplier<OptionalLong> {

  private static final Logger LOG = LoggerFactory.getLogger(MatchCounter.class);

  /**
   * What a count is kept for: a table as one audience sees it ({@link Collection#visibility()}), and the query with
   * its paging left out, or none for every row.
   */
  private record Selection(String table, String visibility, FeatureQuery query) {}

  /** What the count of a query by bbox and datetime alone that hold all the data is kept for: any such query. */
  private record HeldSelection(String table, String visibility, boolean bbox, boolean datetime) {}

  private final FileFacts facts;
  private final SourceSettings settings;
  private final CollectionRead read;
  private final Collection collection;
  private final FeatureQuery query;
  private final QueryPlan plan;
  private OptionalLong count;

  /** Counts rows of {@code read} that {@code query} selects, by the SQL and the Java tests of {@code plan}. */
  MatchCounter(FileFacts facts, SourceSettings settings, CollectionRead read, FeatureQuery query, QueryPlan plan) {
    this.facts = facts;
    this.settings = settings;
    this.read = read;
    this.collection = read.collection();
    this.query = query;
    this.plan = plan;
  }

  @Override
  public synchronized OptionalLong get() {
    if (count == null) {
      count = countOnce();
    }
    return count;
  }

  private OptionalLong countOnce() {
    boolean javaTests = plan.bbox() != null || plan.cql() != null;
    boolean everyRow = !javaTests && GeoPackageSql.selectsEveryRow(collection, plan.sql());
    try {
      return everyRow
          ? facts.matched(new Selection(collection.table(), collection.visibility(), null), this::countInSql)
          : facts.matched(new Selection(collection.table(), collection.visibility(), query.withCursor(null)),
              (connection, version) -> countIfFew(connection, version, javaTests));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("counting matches in {} failed; numberMatched omitted", collection.table(), e);
      return OptionalLong.empty();
    }
  }

  private OptionalLong countIfFew(Connection connection, String version, boolean javaTests) throws SQLException {
    long cap = settings.filteredCountLimit() + 1;
    long candidates = singleLong(connection, GeoPackageSql.countUpTo(collection, plan.sql(), cap));
    if (candidates == cap) {
      return holdsAllData(connection, version)
          ? facts.matchedAt(connection, new HeldSelection(collection.table(), collection.visibility(),
              query.bbox() != null, selectsByTime()),
              version, this::countInSql)
          : OptionalLong.empty();
    }
    return javaTests ? countInJava(connection) : OptionalLong.of(candidates);
  }

  /**
   * Whether the query selects by bbox and datetime alone, and both hold all the data at {@code version}. A row filter
   * selects too, in Java, so SQL cannot count for it.
   */
  private boolean holdsAllData(Connection connection, String version) throws SQLException {
    if (!query.selectsByBboxAndDatetimeOnly() || read.rowFilter() != null) {
      return false;
    }
    if (plan.bbox() != null) {
      TableExtent extent = facts.extent(connection, collection, version);
      if (extent == null || !plan.bbox().holdsAll(extent)) {
        return false;
      }
    }
    return !selectsByTime() || query.datetime().holds(facts.temporalExtent(connection, collection, version));
  }

  private boolean selectsByTime() {
    return query.datetime() != null && collection.temporalProperty() != null;
  }

  private OptionalLong countInSql(Connection connection, String version) throws SQLException {
    return OptionalLong.of(singleLong(connection, GeoPackageSql.count(collection, plan.sql())));
  }

  private OptionalLong countInJava(Connection connection) throws SQLException {
    FeatureRows rows = new FeatureRows(read, settings, plan.bbox(), plan.cql(), Crs.CRS84, Returnables.ALL);
    long matches = 0;
    try (PreparedStatement statement = GeoPackageSql.allFeatures(read, plan.sql()).prepare(connection);
        ResultSet candidates = statement.executeQuery()) {
      while (candidates.next()) {
        if (rows.crs84GeometryIfMatching(candidates) != null) {
          matches++;
        }
      }
    }
    return OptionalLong.of(matches);
  }

  private static long singleLong(Connection connection, SqlStatement sql) throws SQLException {
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
