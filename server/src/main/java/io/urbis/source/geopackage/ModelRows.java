package io.urbis.source.geopackage;

import io.urbis.crs.OutsideDomainException;
import io.urbis.query.Returnables;
import io.urbis.source.Extrusion;
import io.urbis.source.ModelBounds;
import io.urbis.source.ModelRow;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns rows of a {@link GeoPackageSql} feature query into 3D models: the row's polygons in CRS84 with their heights,
 * and for an extruded footprint its base and height. A row has no model when it has no polygons, when an extruded
 * footprint has no positive height (as in PostGIS, a missing base is 0), when proj4j cannot move it to CRS84, or when
 * it is outside the collection's row filter. One instance per read, as the geometry reader and reprojector are not
 * thread-safe.
 */
final class ModelRows {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRows.class);
  private static final int ID_COLUMN = 1;
  private static final int GEOMETRY_COLUMN = 2;
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  /** One feature's model: its polygons in CRS84, and for an extruded footprint its base and height (else NaN). */
  record Model(String id, MultiPolygon polygons, double base, double height) {

    ModelBounds bounds() {
      Envelope box = polygons.getEnvelopeInternal();
      double minZ = base;
      double maxZ = base + height;
      if (Double.isNaN(height)) {
        minZ = Double.POSITIVE_INFINITY;
        maxZ = Double.NEGATIVE_INFINITY;
        for (Coordinate coordinate : polygons.getCoordinates()) {
          // a missing height is 0, as PostGIS's ST_Force3D makes it
          double z = Double.isNaN(coordinate.getZ()) ? 0 : coordinate.getZ();
          minZ = Math.min(minZ, z);
          maxZ = Math.max(maxZ, z);
        }
      }
      return new ModelBounds(id, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), minZ, maxZ);
    }
  }

  private final CollectionRead read;
  private final Extrusion extrusion;
  private final CqlSelection rowFilter;
  private final Crs84Reprojector reprojector;
  private final GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
  private final PropertiesJsonWriter properties;
  private final WKBWriter wkb = new WKBWriter(3);
  private int outsideDomain;
  private OutsideDomainException example;

  /** Models of {@code read}; {@code extrusion} is null for 3D geometries. */
  ModelRows(CollectionRead read, Extrusion extrusion) {
    this.read = read;
    this.extrusion = extrusion;
    this.rowFilter = CqlSelection.of(null, read.rowFilter());
    this.reprojector = Crs84Reprojector.forSrid(read.collection().srid());
    this.properties = new PropertiesJsonWriter(read.collection().properties(), CollectionRead.FIRST_PROPERTY_COLUMN,
        Returnables.ALL);
  }

  /** The model of the current row, or null when it has none. */
  Model model(ResultSet row) throws SQLException {
    byte[] blob = row.getBytes(GEOMETRY_COLUMN);
    if (blob == null) {
      return null;
    }
    Map<String, Object> values = read.values(row);
    double base = 0;
    double height = Double.NaN;
    if (extrusion != null) {
      height = number(values.get(extrusion.heightColumn()));
      if (!(height > 0)) {
        return null;
      }
      double ground = extrusion.baseColumn() == null ? Double.NaN : number(values.get(extrusion.baseColumn()));
      base = Double.isNaN(ground) ? 0 : ground;
    }
    Geometry geometry = decode(row, blob);
    try {
      reprojector.toCrs84(geometry);
    } catch (OutsideDomainException e) {
      outsideDomain++;
      example = e;
      return null;
    }
    if (rowFilter != null && !rowFilter.matches(values, geometry)) {
      return null;
    }
    List<Polygon> polygons = new ArrayList<>();
    addPolygons(geometry, polygons);
    return polygons.isEmpty() ? null : new Model(Long.toString(row.getLong(ID_COLUMN)),
        GEOMETRIES.createMultiPolygon(polygons.toArray(Polygon[]::new)), base, height);
  }

  /** The row the 3D tiles take of the current row, whose model is {@code model}. */
  ModelRow row(ResultSet row, Model model) throws SQLException, IOException {
    return new ModelRow(model.id(), wkb.write(model.polygons()), model.base(), model.height(), properties.write(row));
  }

  /** Logs the features left out because their coordinates could not be moved, if any. */
  void logSkipped() {
    if (outsideDomain > 0) {
      LOG.warn("{}: {} features left out of the 3D tiles: their coordinates lie outside the domain of their CRS"
          + " ({})", read.collection().table(), outsideDomain, example.getMessage());
    }
  }

  private Geometry decode(ResultSet row, byte[] blob) throws SQLException {
    try {
      return reader.read(blob);
    } catch (IllegalArgumentException e) {
      throw new SQLException("bad geometry in " + read.collection().table() + " feature " + row.getLong(ID_COLUMN)
          + ": " + e.getMessage(), e);
    }
  }

  /** The polygons of a geometry, of collections within collections too: the faces of its surfaces. */
  private static void addPolygons(Geometry geometry, List<Polygon> polygons) {
    if (geometry instanceof Polygon polygon) {
      if (!polygon.isEmpty()) {
        polygons.add(polygon);
      }
      return;
    }
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      if (part != geometry) {
        addPolygons(part, polygons);
      }
    }
  }

  /** A numeric column's value; NaN when missing or not a number (SQLite keeps any value in any column). */
  private static double number(Object value) {
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
