package io.urbis.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Lays out the town: a wavy, roughly round boundary and eight districts as the Voronoi cells of a central site
 * and seven sites on a ring around it, clipped to the boundary. StrictMath keeps the layout identical on every JVM.
 */
final class DistrictPlanner {

  /** A district of the town. */
  record District(String name, DistrictProfile profile, Polygon area) {}

  private static final String[] NAMES = {
    "Altstadt", "Nordviertel", "Lindenhof", "Ostheide", "Südstadt", "Am Schlossgarten", "Westerfeld", "Hafenviertel"
  };
  private static final DistrictProfile[] PROFILES = {
    DistrictProfile.CENTRE, DistrictProfile.URBAN, DistrictProfile.SUBURBAN, DistrictProfile.SUBURBAN,
    DistrictProfile.URBAN, DistrictProfile.URBAN, DistrictProfile.SUBURBAN, DistrictProfile.INDUSTRIAL
  };
  private static final double RADIUS = 1900;
  private static final double SITE_RING = 1100;
  private static final int BOUNDARY_VERTICES = 96;

  private final GeometryFactory geometries;
  private final Coordinate centre;
  private final Random random;

  DistrictPlanner(GeometryFactory geometries, Coordinate centre, Random random) {
    this.geometries = geometries;
    this.centre = centre;
    this.random = random;
  }

  /** The town boundary: a circle whose radius undulates with two random phases. */
  Polygon boundary() {
    double phase3 = random.nextDouble() * 2 * StrictMath.PI;
    double phase5 = random.nextDouble() * 2 * StrictMath.PI;
    Coordinate[] ring = new Coordinate[BOUNDARY_VERTICES + 1];
    for (int i = 0; i < BOUNDARY_VERTICES; i++) {
      double angle = 2 * StrictMath.PI * i / BOUNDARY_VERTICES;
      double wave = 0.09 * StrictMath.sin(3 * angle + phase3) + 0.05 * StrictMath.sin(5 * angle + phase5);
      double radius = RADIUS * (1 + wave);
      ring[i] = Metres.point(centre.x + radius * StrictMath.cos(angle), centre.y + radius * StrictMath.sin(angle));
    }
    ring[BOUNDARY_VERTICES] = ring[0];
    return geometries.createPolygon(ring);
  }

  /** The districts, Altstadt first, covering {@code boundary}. */
  List<District> districts(Polygon boundary) {
    List<Coordinate> sites = sites();
    VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
    voronoi.setSites(sites);
    voronoi.setClipEnvelope(boundary.getEnvelopeInternal());
    Geometry cells = voronoi.getDiagram(geometries);
    List<District> districts = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      Polygon area = largestPolygon(cellOf(cells, sites.get(i)).intersection(boundary));
      districts.add(new District(NAMES[i], PROFILES[i], area));
    }
    return districts;
  }

  private List<Coordinate> sites() {
    List<Coordinate> sites = new ArrayList<>();
    sites.add(new Coordinate(centre));
    double start = random.nextDouble() * 2 * StrictMath.PI;
    for (int i = 1; i < NAMES.length; i++) {
      double angle = start + 2 * StrictMath.PI * (i - 1) / (NAMES.length - 1) + (random.nextDouble() - 0.5) * 0.3;
      double distance = SITE_RING * (0.85 + 0.3 * random.nextDouble());
      sites.add(Metres.point(centre.x + distance * StrictMath.cos(angle), centre.y + distance * StrictMath.sin(angle)));
    }
    return sites;
  }

  private static Geometry cellOf(Geometry cells, Coordinate site) {
    Geometry point = cells.getFactory().createPoint(site);
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      if (cells.getGeometryN(i).contains(point)) {
        return cells.getGeometryN(i);
      }
    }
    throw new IllegalStateException("no Voronoi cell contains site " + site);
  }

  /** Rounds to centimetres and keeps the largest part, should clipping have split the cell. */
  private Polygon largestPolygon(Geometry area) {
    Geometry rounded = GeometryPrecisionReducer.reduce(area, Metres.CENTIMETRES);
    Polygon largest = null;
    for (int i = 0; i < rounded.getNumGeometries(); i++) {
      Geometry part = rounded.getGeometryN(i);
      if (part instanceof Polygon polygon && (largest == null || polygon.getArea() > largest.getArea())) {
        largest = polygon;
      }
    }
    return largest;
  }
}
