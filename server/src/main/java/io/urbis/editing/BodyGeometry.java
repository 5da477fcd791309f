package io.urbis.editing;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.catalog.Collection;
import io.urbis.catalog.GeometryType;
import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.json.GeoJsonGeometryReader;
import io.urbis.crs.AxisSwap;
import io.urbis.crs.Crs;
import io.urbis.crs.OutsideDomainException;
import io.urbis.crs.StorageCoordinates;
import java.util.Arrays;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry of a written feature: a GeoJSON geometry object in the request's {@code Content-Crs}, in that CRS's
 * axis order (OGC 18-058r1: EPSG:4326 latitude first), of the collection's geometry type (a single geometry where the
 * collection holds multi-geometries becomes a multi-geometry of one), with heights exactly where the collection has
 * them, every coordinate where the CRS and the storage CRS can be used, and moved into the storage CRS.
 */
final class BodyGeometry {

  private BodyGeometry() {}

  /** The geometry in the storage CRS, its SRID set; null after adding the problems to {@code problems}. */
  static Geometry read(JsonNode geoJson, Collection collection, Crs crs, String pointer, BodyProblems problems) {
    Geometry geometry;
    try {
      geometry = GeoJsonGeometryReader.read(geoJson, pointer);
    } catch (Cql2SyntaxException e) {
      problems.add(pointer, "not a GeoJSON geometry (" + e.getMessage() + ")");
      return null;
    }
    geometry = ofCollectionType(geometry, collection.geometryType());
    if (geometry == null) {
      problems.add(pointer, "a " + geoJson.path("type").asText() + ", where the collection holds "
          + typeName(collection.geometryType()) + " geometries");
      return null;
    }
    if (!hasHeights(geometry, collection.is3d())) {
      problems.add(pointer, collection.is3d()
          ? "the collection's geometries have heights: every position needs three numbers"
          : "the collection's geometries have no heights: every position needs two numbers");
      return null;
    }
    if (crs.northFirst()) {
      geometry.apply(AxisSwap.INSTANCE);
    }
    try {
      StorageCoordinates.toStorage(geometry, crs, collection.srid());
    } catch (OutsideDomainException e) {
      problems.add(pointer, "coordinates that cannot be stored: " + e.getMessage());
      return null;
    }
    geometry.setSRID(collection.srid());
    return geometry;
  }

  /** The geometry as the collection's type, or null when it is of another. */
  private static Geometry ofCollectionType(Geometry geometry, GeometryType type) {
    return switch (type) {
      case GEOMETRY -> geometry;
      case POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION ->
          isA(geometry, type) ? geometry : asMulti(geometry, type);
      // GeoJSON has no polyhedral surfaces or TINs
      case POLYHEDRALSURFACE, TIN, TRIANGLE -> null;
    };
  }

  private static boolean isA(Geometry geometry, GeometryType type) {
    return geometry.getGeometryType().toUpperCase(Locale.ROOT).equals(type.name());
  }

  private static Geometry asMulti(Geometry geometry, GeometryType type) {
    var factory = geometry.getFactory();
    return switch (type) {
      case MULTIPOINT -> geometry instanceof Point point ? factory.createMultiPoint(new Point[] {point}) : null;
      case MULTILINESTRING -> geometry instanceof LineString line && isA(line, GeometryType.LINESTRING)
          ? factory.createMultiLineString(new LineString[] {line}) : null;
      case MULTIPOLYGON -> geometry instanceof Polygon polygon
          ? factory.createMultiPolygon(new Polygon[] {polygon}) : null;
      default -> null;
    };
  }

  private static boolean hasHeights(Geometry geometry, boolean required) {
    Coordinate[] coordinates = geometry.getCoordinates();
    return Arrays.stream(coordinates).allMatch(c -> Double.isNaN(c.getZ()) != required);
  }

  private static String typeName(GeometryType type) {
    return switch (type) {
      case LINESTRING -> "LineString";
      case MULTILINESTRING -> "MultiLineString";
      case MULTIPOINT -> "MultiPoint";
      case MULTIPOLYGON -> "MultiPolygon";
      case GEOMETRYCOLLECTION -> "GeometryCollection";
      case POLYHEDRALSURFACE -> "PolyhedralSurface";
      default -> type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
    };
  }
}
