package io.urbis.source.postgis;

import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.Bbox;
import io.urbis.query.CrsParameter;
import io.urbis.query.FeatureQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Transforms PostGIS could not do ({@code transform: Point outside of projection domain}) as the 400 of the parameter
 * whose CRS asked for them, never a 500. The CRSs a collection lists can all take its data, but data added after the
 * list was drawn from the extent may lie outside one, and a bbox's numbers may lie anywhere.
 *
 * <p>PostgreSQL does not say which transform failed. A bbox-crs box is tried alone; if PROJ can move it into the
 * storage CRS, a feature failed: written in the {@code crs}, or compared in the {@code filter-crs}. Moving stored data
 * into CRS84 (or EPSG:4326), where every feature must be writable, fails only for data outside its own CRS's domain:
 * that stays a fault of the server's data.
 */
final class TransformFailures {

  private TransformFailures() {}

  /** The 400 for a failed query of a page, whose bbox became {@code boxes}; empty when no parameter is to blame. */
  static Optional<InvalidParameterException> ofPage(SQLException e, PostgisTable table, FeatureQuery query,
      List<Bbox> boxes, DataSource pool) {
    if (!SqlErrors.isTransformFailure(e)) {
      return Optional.empty();
    }
    for (Bbox box : boxes) {
      if (isTransformed(box.crs(), table) && !canMove(pool, table, box)) {
        return Optional.of(CrsParameter.outsideDomain(CrsParameter.BBOX_CRS, box.crs()));
      }
    }
    if (isTransformed(query.crs(), table)) {
      return Optional.of(CrsParameter.outsideDomain(CrsParameter.CRS, query.crs()));
    }
    if (query.filter() != null && isTransformed(query.filter().crs(), table)) {
      return Optional.of(CrsParameter.outsideDomain(CrsParameter.FILTER_CRS, query.filter().crs()));
    }
    return Optional.empty();
  }

  /** The 400 for a failed query of one feature written in {@code crs}; empty when no parameter is to blame. */
  static Optional<InvalidParameterException> ofFeature(SQLException e, PostgisTable table, Crs crs) {
    return SqlErrors.isTransformFailure(e) && isTransformed(crs, table)
        ? Optional.of(CrsParameter.outsideDomain(CrsParameter.CRS, crs)) : Optional.empty();
  }

  /** Whether coordinates are transformed between {@code crs} and the storage CRS, other than into CRS84. */
  private static boolean isTransformed(Crs crs, PostgisTable table) {
    return crs.srid() != Crs.CRS84.srid() && crs.srid() != table.srid();
  }

  private static boolean canMove(DataSource pool, PostgisTable table, Bbox box) {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement =
            PostgisFeatureSource.prepare(connection, PostgisFilterSql.boxInStorage(table, box))) {
      statement.executeQuery().close();
      return true;
    } catch (SQLException e) {
      return !SqlErrors.isTransformFailure(e);
    }
  }
}
