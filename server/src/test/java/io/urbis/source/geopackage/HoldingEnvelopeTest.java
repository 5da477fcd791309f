package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** {@link HoldingEnvelope}: the box that holds a projected box's image, where its edges curve between samples. */
class HoldingEnvelopeTest {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();
  /**
   * 200 km of UTM zone 32, across its central meridian (9°E) off the middle: the north edge, a line of one northing,
   * reaches its highest latitude at the meridian, between samples.
   */
  private static final Envelope ACROSS_THE_MERIDIAN = new Envelope(401_000, 601_000, 5_600_000, 5_800_000);

  @Test
  void holdsEveryPointOfTheEdgesWhereSamplesFallShort() {
    Crs84Reprojector utm = Crs84Reprojector.forSrid(25832);
    Envelope held = utm.toCrs84Holding(ACROSS_THE_MERIDIAN);
    Envelope dense = denseEdges(utm, ACROSS_THE_MERIDIAN);
    assertTrue(held.covers(dense), held + " does not hold " + dense);
    Envelope sampled = utm.toCrs84(ACROSS_THE_MERIDIAN);
    assertTrue(sampled.getMaxY() < dense.getMaxY(), "16 samples an edge reach " + sampled.getMaxY()
        + ", the edge " + dense.getMaxY() + ": this box does not show what the widening is for");
    assertTrue(held.getMaxY() - dense.getMaxY() < 1e-4, "widened by far more than the curve: " + held);
  }

  @Test
  void holdsTheImageOfABoxMovedThroughCrs84IntoAnotherProjection() {
    Crs84Reprojector utm = Crs84Reprojector.forSrid(25832);
    Crs84Reprojector gaussKrueger = Crs84Reprojector.forSrid(31467);
    Envelope held = utm.holdingIn(gaussKrueger, ACROSS_THE_MERIDIAN);
    Envelope dense = new Envelope();
    for (Coordinate crs84 : denseEdgesInCrs84(utm, ACROSS_THE_MERIDIAN).getCoordinates()) {
      dense.expandToInclude(gaussKrueger.fromCrs84(GEOMETRIES.createPoint(crs84)).getCoordinate());
    }
    assertTrue(held.covers(dense), held + " does not hold " + dense);
  }

  @Test
  void aBoxInTheSameCrsIsItself() {
    Crs84Reprojector lonLat = Crs84Reprojector.forSrid(4326);
    Envelope box = new Envelope(6.9, 7.1, 50.9, 51.0);
    assertTrue(box.equals(lonLat.toCrs84Holding(box)));
  }

  private static Envelope denseEdges(Crs84Reprojector reprojector, Envelope box) {
    return denseEdgesInCrs84(reprojector, box).getEnvelopeInternal();
  }

  /** The box's outline, a point every 10 m, moved to CRS84. */
  private static LineString denseEdgesInCrs84(Crs84Reprojector reprojector, Envelope box) {
    int steps = 20_000;
    Coordinate[] ring = new Coordinate[4 * steps + 1];
    for (int i = 0; i < steps; i++) {
      double along = (double) i / steps;
      ring[i] = new Coordinate(box.getMinX() + along * box.getWidth(), box.getMinY());
      ring[steps + i] = new Coordinate(box.getMaxX(), box.getMinY() + along * box.getHeight());
      ring[2 * steps + i] = new Coordinate(box.getMaxX() - along * box.getWidth(), box.getMaxY());
      ring[3 * steps + i] = new Coordinate(box.getMinX(), box.getMaxY() - along * box.getHeight());
    }
    ring[4 * steps] = ring[0].copy();
    return (LineString) reprojector.toCrs84(GEOMETRIES.createLineString(ring));
  }
}
