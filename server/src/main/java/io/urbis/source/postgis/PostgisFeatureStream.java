package io.urbis.source.postgis;

import io.urbis.catalog.JsonType;
import io.urbis.query.FeatureQuery;
import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads a forward page row by row from a server-side cursor: the JDBC driver fetches in batches, so memory stays
 * flat however large the page. One extra row tells whether a next page exists. A failed fetch is answered as the
 * page's first fetch would have been.
 */
final class PostgisFeatureStream implements FeatureStream {

  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final JsonType idType;
  private final FeatureQuery query;
  private final OptionalLong numberMatched;
  private final Function<SQLException, RuntimeException> failure;
  private int returned;
  private Object firstKey;
  private Object lastKey;
  private boolean hasMore;

  PostgisFeatureStream(
      Connection connection, PreparedStatement statement, ResultSet rows, JsonType idType, FeatureQuery query,
      OptionalLong numberMatched, Function<SQLException, RuntimeException> failure) {
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
    this.idType = idType;
    this.query = query;
    this.numberMatched = numberMatched;
    this.failure = failure;
  }

  @Override
  public EncodedFeature next() {
    try {
      if (returned == query.limit() || !rows.next()) {
        hasMore = returned == query.limit() && rows.next();
        return null;
      }
      EncodedFeature feature = read(rows, idType);
      if (returned == 0) {
        firstKey = feature.id();
      }
      lastKey = feature.id();
      returned++;
      return feature;
    } catch (SQLException e) {
      // a later fetch of a large page fails as its first would have (a transform PostGIS cannot do is a 400)
      throw failure.apply(e);
    }
  }

  static EncodedFeature read(ResultSet rows, JsonType idType) throws SQLException {
    Object id = idType == JsonType.INTEGER ? (Object) rows.getLong(1) : rows.getString(1);
    // getBytes hands over the UTF-8 text as the server sent it: no decoding into a String and back
    return new EncodedFeature(id, rows.getBytes(2), rows.getBytes(3));
  }

  @Override
  public Paging paging() {
    return Paging.forward(query, firstKey, lastKey, hasMore);
  }

  @Override
  public OptionalLong numberMatched() {
    return numberMatched;
  }

  @Override
  public void close() {
    PostgisFeatureSource.closeQuietly(rows, statement, connection);
  }
}
