package io.urbis.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A slightly rotated street grid with jittered crossings inside the town boundary. Each street is split into
 * segments between crossings, as real street networks are; the quadrilaterals between four crossings are the
 * building blocks. The two central axes are main roads, every fourth street is a collector.
 */
final class StreetGrid {

  /** One street segment between two crossings. */
  record Street(LineString line, String name, String streetClass, int maxspeed) {}

  private static final double SPACING = 185;
  private static final double JITTER = 0.12 * SPACING;
  private static final double ROTATION = 0.21;
  private static final String[] NAME_STEMS = {
    "Linden", "Eichen", "Buchen", "Ahorn", "Birken", "Kastanien", "Ulmen", "Erlen", "Weiden", "Tannen", "Rosen",
    "Flieder", "Mühlen", "Kirch", "Schul", "Garten", "Berg", "Bach", "Wiesen", "Feld", "Brunnen", "Markt", "Hafen",
    "Post", "Tulpen", "Nelken", "Holunder", "Schwalben", "Lerchen", "Finken", "Amsel", "Drossel", "Sonnen", "Wald"
  };

  private final GeometryFactory geometries;
  private final PreparedGeometry boundary;
  private final int half;
  private final Coordinate[][] crossings;

  StreetGrid(GeometryFactory geometries, Polygon boundary, Coordinate centre, Random random) {
    this.geometries = geometries;
    this.boundary = PreparedGeometryFactory.prepare(boundary);
    double reach = boundary.getEnvelopeInternal().maxExtent();
    this.half = (int) StrictMath.ceil(reach / SPACING);
    this.crossings = new Coordinate[2 * half + 1][2 * half + 1];
    double cos = StrictMath.cos(ROTATION);
    double sin = StrictMath.sin(ROTATION);
    for (int i = -half; i <= half; i++) {
      for (int j = -half; j <= half; j++) {
        double u = i * SPACING + (random.nextDouble() - 0.5) * 2 * JITTER;
        double v = j * SPACING + (random.nextDouble() - 0.5) * 2 * JITTER;
        crossings[i + half][j + half] = Metres.point(centre.x + u * cos - v * sin, centre.y + u * sin + v * cos);
      }
    }
  }

  /** Segments along grid rows (named "...straße") then grid columns ("...weg"), with both ends in town. */
  List<Street> streets() {
    List<Street> streets = new ArrayList<>();
    for (int j = -half; j <= half; j++) {
      for (int i = -half; i < half; i++) {
        addSegment(streets, crossing(i, j), crossing(i + 1, j), j, true);
      }
    }
    for (int i = -half; i <= half; i++) {
      for (int j = -half; j < half; j++) {
        addSegment(streets, crossing(i, j), crossing(i, j + 1), i, false);
      }
    }
    return streets;
  }

  /** The blocks between four crossings that all lie in town, counter-clockwise. */
  List<Polygon> blocks() {
    List<Polygon> blocks = new ArrayList<>();
    for (int i = -half; i < half; i++) {
      for (int j = -half; j < half; j++) {
        Coordinate[] ring = {
          crossing(i, j), crossing(i + 1, j), crossing(i + 1, j + 1), crossing(i, j + 1), crossing(i, j)
        };
        if (inTown(ring[0]) && inTown(ring[1]) && inTown(ring[2]) && inTown(ring[3])) {
          blocks.add(geometries.createPolygon(ring));
        }
      }
    }
    return blocks;
  }

  private void addSegment(List<Street> streets, Coordinate from, Coordinate to, int line, boolean alongRow) {
    if (inTown(from) && inTown(to)) {
      streets.add(street(geometries.createLineString(new Coordinate[] {from, to}), line, alongRow));
    }
  }

  /** Names and classifies a segment by its grid line; rows and columns draw their names from shifted stems. */
  private static Street street(LineString segment, int line, boolean alongRow) {
    if (line == 0) {
      return new Street(segment, alongRow ? "Hauptstraße" : "Bahnhofstraße", "primary", 50);
    }
    int shift = alongRow ? 0 : NAME_STEMS.length / 2;
    String stem = NAME_STEMS[Math.floorMod(line + shift, NAME_STEMS.length)];
    if (line % 4 == 0) {
      return new Street(segment, stem + "allee", "secondary", 50);
    }
    return new Street(segment, stem + (alongRow ? "straße" : "weg"), "residential", 30);
  }

  private Coordinate crossing(int i, int j) {
    return crossings[i + half][j + half];
  }

  private boolean inTown(Coordinate point) {
    return boundary.contains(geometries.createPoint(point));
  }
}
