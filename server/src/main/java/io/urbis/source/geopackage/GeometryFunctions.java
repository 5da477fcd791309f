package io.urbis.source.geopackage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The SQL functions the triggers of the GeoPackage RTree extension call (OGC 12-128r18, F.3: {@code ST_IsEmpty},
 * {@code ST_MinX}, {@code ST_MaxX}, {@code ST_MinY}, {@code ST_MaxY}), which GeoPackage-aware programs give their
 * connections and SQLite itself does not have. With them on a connection, its writes keep the R-trees of files that
 * have those triggers (as GDAL makes them) current, as SQLite runs the triggers in the writing transaction.
 */
final class GeometryFunctions {

  private GeometryFunctions() {}

  /** Gives {@code connection} the functions; a NULL or unreadable geometry gives NULL, as GDAL's do. */
  static void addTo(Connection connection) throws SQLException {
    org.sqlite.Function.create(connection, "ST_IsEmpty", new Of(geometry -> geometry.isEmpty() ? 1 : 0), 1,
        org.sqlite.Function.FLAG_DETERMINISTIC);
    bound(connection, "ST_MinX", Envelope::getMinX);
    bound(connection, "ST_MaxX", Envelope::getMaxX);
    bound(connection, "ST_MinY", Envelope::getMinY);
    bound(connection, "ST_MaxY", Envelope::getMaxY);
  }

  private static void bound(Connection connection, String name, Function<Envelope, Double> side)
      throws SQLException {
    org.sqlite.Function.create(connection, name,
        new Of(geometry -> geometry.isEmpty() ? null : side.apply(geometry.getEnvelopeInternal())), 1,
        org.sqlite.Function.FLAG_DETERMINISTIC);
  }

  /** A function of one GeoPackageBinary argument; one instance per connection, which SQLite calls in turn. */
  private static final class Of extends org.sqlite.Function {

    private final GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
    private final Function<Geometry, Number> value;

    Of(Function<Geometry, Number> value) {
      this.value = value;
    }

    @Override
    protected void xFunc() throws SQLException {
      byte[] blob = value_blob(0);
      Number result = null;
      if (blob != null) {
        try {
          result = value.apply(reader.read(blob));
        } catch (IllegalArgumentException unreadable) {
          result = null;
        }
      }
      if (result == null) {
        result();
      } else if (result instanceof Double real) {
        result(real);
      } else {
        result(result.intValue());
      }
    }
  }
}
