package io.urbis.source.geopackage;

import io.urbis.crs.Crs;
import io.urbis.query.Returnables;
import io.urbis.source.EncodedFeature;
import io.urbis.source.SourceSettings;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Turns rows of a {@link GeoPackageSql} feature query (id, geometry, property columns) into features: decodes the
 * geometry, moves it to CRS84, applies the exact bbox test and the CQL2 conditions, and encodes GeoJSON with the
 * properties the collection shows. One instance per stream, as the geometry reader and reprojector are not
 * thread-safe.
 */
final class FeatureRows {

  private static final int ID_COLUMN = 1;
  private static final int GEOMETRY_COLUMN = 2;

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  private final CollectionRead read;
  private final BboxSelection bbox;
  private final CqlSelection filter;
  private final boolean skipGeometry;
  private final Crs84Reprojector reprojector;
  private final GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
  private final OutputProjection output;
  private final GeoJsonGeometryWriter geometryWriter;
  private final PropertiesJsonWriter propertiesWriter;

  /**
   * Rows of {@code read} written in {@code crs}; {@code bbox} and {@code filter} may be null for no spatial selection
   * and no CQL2 condition.
   */
  FeatureRows(CollectionRead read, SourceSettings settings, BboxSelection bbox, CqlSelection filter,
      Crs crs, Returnables returnables) {
    this.read = read;
    this.bbox = bbox;
    this.filter = filter;
    this.reprojector = Crs84Reprojector.forSrid(read.collection().srid());
    this.output = OutputProjection.to(crs);
    this.geometryWriter = new GeoJsonGeometryWriter(crs.decimals(settings.coordinatePrecision()), crs.northFirst());
    this.propertiesWriter = new PropertiesJsonWriter(read.collection().properties(),
        CollectionRead.FIRST_PROPERTY_COLUMN, returnables);
    this.skipGeometry = returnables.skipGeometry();
  }

  /**
   * The current row's geometry in CRS84 when the row passes the bbox test and the CQL2 conditions, else null; empty
   * when it has none. A feature without geometry passes the bbox test, as a bbox does not exclude it (OGC 17-069r4,
   * /req/core/fc-bbox-response).
   */
  Geometry crs84GeometryIfMatching(ResultSet row) throws SQLException {
    Geometry geometry = decode(row);
    if (geometry.isEmpty()) {
      return passesFilter(row, null) ? geometry : null;
    }
    if (bbox != null && !bbox.mayIntersect(geometry.getEnvelopeInternal())) {
      return null;
    }
    reprojector.toCrs84(geometry);
    boolean matches = (bbox == null || bbox.intersects(geometry)) && passesFilter(row, geometry);
    return matches ? geometry : null;
  }

  /** The CQL2 conditions on the row's raw values (the evaluator reads SQLite's dates as text and booleans as 0/1). */
  private boolean passesFilter(ResultSet row, Geometry crs84) throws SQLException {
    return filter == null || filter.matches(read.values(row), crs84);
  }

  /** The current row as a feature, with its geometry from {@link #crs84GeometryIfMatching} in the output CRS. */
  EncodedFeature encode(ResultSet row, Geometry crs84) throws SQLException, IOException {
    String geometry = skipGeometry ? null : geometryWriter.write(output.apply(crs84));
    return EncodedFeature.ofText(row.getLong(ID_COLUMN), geometry, propertiesWriter.write(row));
  }

  private Geometry decode(ResultSet row) throws SQLException {
    byte[] blob = row.getBytes(GEOMETRY_COLUMN);
    if (blob == null) {
      // an empty geometry matches no bbox and is written as null, so it stands for "no geometry"
      return GEOMETRIES.createGeometryCollection();
    }
    try {
      return reader.read(blob);
    } catch (IllegalArgumentException e) {
      throw new SQLException(
          "bad geometry in " + read.collection().table() + " feature " + row.getLong(ID_COLUMN) + ": " + e.getMessage(), e);
    }
  }
}
