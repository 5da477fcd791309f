package io.urbis.importer;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The 2D footprint of a building: the union of its GroundSurfaces seen from above, or, in a file without surface
 * semantics, the union of all its surfaces seen from above (its outline; vertical walls add nothing).
 */
final class Footprints {

  private final GeometryFactory factory;

  Footprints(GeometryFactory factory) {
    this.factory = factory;
  }

  /** The footprint, or null when the surfaces cover no area seen from above. */
  MultiPolygon of(List<Polygon> surfaces) {
    List<Geometry> flat = new ArrayList<>();
    for (Polygon surface : surfaces) {
      Geometry projected = GeometryFixer.fix(flatten(surface));
      if (!projected.isEmpty() && projected.getArea() > 0) {
        flat.add(projected);
      }
    }
    if (flat.isEmpty()) {
      return null;
    }
    Geometry union = OverlayNGRobust.union(flat);
    List<Polygon> polygons = new ArrayList<>();
    for (int i = 0; i < union.getNumGeometries(); i++) {
      if (union.getGeometryN(i) instanceof Polygon polygon && polygon.getArea() >= PolygonCleaner.MIN_AREA) {
        polygons.add(withoutSlivers(polygon));
      }
    }
    return polygons.isEmpty() ? null : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /** The polygon without holes of no area, which a union of surfaces that share edges can leave behind. */
  private Polygon withoutSlivers(Polygon polygon) {
    List<LinearRing> holes = new ArrayList<>();
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      LinearRing hole = polygon.getInteriorRingN(i);
      if (Area.ofRing(hole.getCoordinateSequence()) >= PolygonCleaner.MIN_AREA) {
        holes.add(hole);
      }
    }
    return holes.size() == polygon.getNumInteriorRing() ? polygon
        : factory.createPolygon(polygon.getExteriorRing(), holes.toArray(LinearRing[]::new));
  }

  private Polygon flatten(Polygon polygon) {
    Polygon copy = (Polygon) polygon.copy();
    copy.apply((CoordinateFilter) c -> c.setZ(Coordinate.NULL_ORDINATE));
    copy.geometryChanged();
    return copy;
  }
}
