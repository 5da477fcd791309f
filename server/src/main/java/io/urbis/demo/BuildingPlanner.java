package io.urbis.demo;

import io.urbis.demo.DistrictPlanner.District;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Places building footprints along the edges of each block, the way perimeter blocks are built: lots side by side
 * facing the street, set back from its axis, with the courtyard left open. The district a block lies in decides how
 * dense, wide and deep the lots are. A few blocks stay empty as parks.
 */
final class BuildingPlanner {

  /** A footprint and the district it stands in. */
  record Footprint(Polygon polygon, District district) {}

  private static final double PARK_SHARE = 0.06;

  private final GeometryFactory geometries;
  private final List<District> districts;
  private final Random random;

  BuildingPlanner(GeometryFactory geometries, List<District> districts, Random random) {
    this.geometries = geometries;
    this.districts = districts;
    this.random = random;
  }

  List<Footprint> footprints(List<Polygon> blocks) {
    List<Footprint> footprints = new ArrayList<>();
    for (Polygon block : blocks) {
      DistrictProfile profile = districtOf(block.getCentroid()).profile();
      if (profile != DistrictProfile.INDUSTRIAL && random.nextDouble() < PARK_SHARE) {
        continue;
      }
      List<Polygon> placed = new ArrayList<>();
      Coordinate[] corners = block.getExteriorRing().getCoordinates();
      for (int edge = 0; edge < corners.length - 1; edge++) {
        fillEdge(corners[edge], corners[edge + 1], profile, placed);
      }
      placed.forEach(polygon -> footprints.add(new Footprint(polygon, districtOf(polygon.getCentroid()))));
    }
    return footprints;
  }

  /** Walks one block edge lot by lot, keeping clear of the corners where the crossing edges' lots stand. */
  private void fillEdge(Coordinate from, Coordinate to, DistrictProfile profile, List<Polygon> placed) {
    double length = from.distance(to);
    double ux = (to.x - from.x) / length;
    double uy = (to.y - from.y) / length;
    double margin = profile.setback + profile.depth.max();
    double position = margin;
    while (true) {
      double width = profile.lotWidth.pick(random);
      if (position + width > length - margin) {
        return;
      }
      if (random.nextDouble() < profile.builtShare) {
        double depth = profile.depth.pick(random);
        Polygon footprint = rectangle(from, ux, uy, position + profile.gap / 2, width - profile.gap, depth, profile);
        if (placed.stream().noneMatch(footprint::intersects)) {
          placed.add(footprint);
        }
      }
      position += width;
    }
  }

  /** A rectangle {@code width} along the edge direction (ux, uy) and {@code depth} inward (to its left). */
  private Polygon rectangle(
      Coordinate origin, double ux, double uy, double along, double width, double depth, DistrictProfile profile) {
    double nx = -uy;
    double ny = ux;
    double[][] corners = {
      {along, profile.setback}, {along + width, profile.setback},
      {along + width, profile.setback + depth}, {along, profile.setback + depth}
    };
    Coordinate[] ring = new Coordinate[5];
    for (int i = 0; i < 4; i++) {
      double a = corners[i][0];
      double b = corners[i][1];
      ring[i] = Metres.point(origin.x + a * ux + b * nx, origin.y + a * uy + b * ny);
    }
    ring[4] = ring[0];
    return geometries.createPolygon(ring);
  }

  /** The district containing {@code point}, or the nearest one (rounding leaves hairline gaps between them). */
  private District districtOf(Point point) {
    for (District district : districts) {
      if (district.area().contains(point)) {
        return district;
      }
    }
    return districts.stream()
        .min(Comparator.comparingDouble(district -> district.area().distance(point)))
        .orElseThrow();
  }
}
