package io.urbis.source.geopackage;

import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceFailureException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * One page read from an open SQLite result. Forward pages stream row by row; a BEFORE page is read in descending id
 * order, so it is collected (at most limit + 1 features) and reversed before the first feature is returned.
 */
final class GeoPackageFeatureStream implements FeatureStream {

  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final FeatureRows features;
  private final PageWindow page;
  private final Supplier<OptionalLong> numberMatched;
  private final String label;

  private long toSkip;
  private int delivered;
  private Long firstId;
  private Long lastId;
  private boolean more;
  private boolean finished;
  private List<EncodedFeature> reversedPage;

  /**
   * Runs the statement. Takes ownership of the connection and statement, which {@link #close()} closes; if this
   * constructor throws, they stay the caller's to close.
   */
  GeoPackageFeatureStream(
      Connection connection,
      PreparedStatement statement,
      FeatureRows features,
      PageWindow page,
      Supplier<OptionalLong> numberMatched,
      String label)
      throws SQLException {
    this.connection = connection;
    this.statement = statement;
    this.rows = statement.executeQuery();
    this.features = features;
    this.page = page;
    this.numberMatched = numberMatched;
    this.label = label;
    this.toSkip = page.javaSkip();
  }

  @Override
  public EncodedFeature next() {
    if (finished) {
      return null;
    }
    try {
      return page.isDescending() ? nextOfReversedPage() : nextInIdOrder();
    } catch (SQLException | IOException e) {
      throw new SourceFailureException("reading features from " + label + " failed", e);
    }
  }

  @Override
  public Paging paging() {
    return page.paging(firstId, lastId, more);
  }

  @Override
  public OptionalLong numberMatched() {
    return numberMatched.get();
  }

  @Override
  public void close() {
    JdbcResources.closeQuietly(rows, statement, connection);
  }

  private EncodedFeature nextInIdOrder() throws SQLException, IOException {
    EncodedFeature feature = nextMatch();
    if (delivered == page.limit() || feature == null) {
      more = feature != null;
      finished = true;
      return null;
    }
    if (firstId == null) {
      firstId = (Long) feature.id();
    }
    lastId = (Long) feature.id();
    delivered++;
    return feature;
  }

  private EncodedFeature nextOfReversedPage() throws SQLException, IOException {
    if (reversedPage == null) {
      reversedPage = readDescendingPage();
    }
    if (delivered == reversedPage.size()) {
      finished = true;
      return null;
    }
    return reversedPage.get(delivered++);
  }

  private List<EncodedFeature> readDescendingPage() throws SQLException, IOException {
    List<EncodedFeature> page = new ArrayList<>();
    for (EncodedFeature feature = nextMatch(); feature != null; feature = nextMatch()) {
      if (page.size() == this.page.limit()) {
        more = true;
        break;
      }
      page.add(feature);
    }
    Collections.reverse(page);
    if (!page.isEmpty()) {
      firstId = (Long) page.get(0).id();
      lastId = (Long) page.get(page.size() - 1).id();
    }
    return page;
  }

  /** The next row that passes the Java-side test, after the rows an offset skips. */
  private EncodedFeature nextMatch() throws SQLException, IOException {
    while (rows.next()) {
      Geometry geometry = features.crs84GeometryIfMatching(rows);
      if (geometry == null) {
        continue;
      }
      if (toSkip == 0) {
        return features.encode(rows, geometry);
      }
      toSkip--;
    }
    return null;
  }
}
