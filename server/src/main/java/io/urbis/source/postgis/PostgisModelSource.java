package io.urbis.source.postgis;

import io.urbis.catalog.Collection;
import io.urbis.source.Extrusion;
import io.urbis.source.ModelBounds;
import io.urbis.source.ModelRow;
import io.urbis.source.ModelSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/** Reads 3D models from PostGIS for 3D Tiles: one query for all bounds, one per call for the models of its ids. */
final class PostgisModelSource implements ModelSource {

  private static final int FETCH_SIZE = 1000;

  private final DataSource pool;
  private final Function<Collection, PostgisTable> tables;

  PostgisModelSource(DataSource pool, Function<Collection, PostgisTable> tables) {
    this.pool = pool;
    this.tables = tables;
  }

  @Override
  public List<ModelBounds> bounds(Collection collection, Extrusion extrusion) {
    List<ModelBounds> bounds = new ArrayList<>();
    read(collection, PostgisModelSql.bounds(tables.apply(collection), extrusion), true, rows -> bounds.add(new ModelBounds(
        rows.getString(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4), rows.getDouble(5),
        rows.getDouble(6), rows.getDouble(7))));
    return bounds;
  }

  @Override
  public void models(Collection collection, List<String> ids, Extrusion extrusion, Consumer<ModelRow> sink) {
    boolean streaming = ids.size() > FETCH_SIZE;
    read(collection, PostgisModelSql.models(tables.apply(collection), ids, extrusion), streaming, rows -> sink.accept(
        new ModelRow(rows.getString(1), rows.getBytes(2), rows.getDouble(3), rows.getDouble(4), rows.getString(5))));
  }

  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }

  /**
   * Reads the rows; when {@code streaming}, from a server-side cursor (hence the transaction), so memory stays flat.
   * A tile's few rows come in one fetch and save the BEGIN and ROLLBACK round trips.
   */
  private void read(Collection collection, SqlQuery query, boolean streaming, RowReader reader) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(!streaming);
      try {
        if (streaming) {
          withoutJit(connection);
        }
        try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, query)) {
          statement.setFetchSize(FETCH_SIZE);
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              reader.read(rows);
            }
          }
        }
      } finally {
        if (streaming) {
          connection.rollback();
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("reading 3D models of " + collection.id(), e);
    }
  }

  /**
   * PostGIS declares its functions costly, so reading many models looks expensive enough for PostgreSQL's JIT, which
   * then compiled for 300 ms to save nothing on the 40 ms bounds query of 6,631 buildings. Only for this transaction.
   */
  private static void withoutJit(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL jit = off");
    }
  }
}
