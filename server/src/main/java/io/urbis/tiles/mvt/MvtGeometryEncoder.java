package io.urbis.tiles.mvt;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;

/**
 * Encodes a geometry in tile coordinates (x right, y down, already clipped) as the command integers of the Mapbox
 * Vector Tile specification 2.1 (section 4.3): coordinates rounded to the integer grid, repeated points dropped,
 * rings that collapse on the grid dropped, exterior rings with positive and interior rings with negative area in
 * tile coordinates. Not thread-safe.
 */
final class MvtGeometryEncoder {

  private static final int MOVE_TO = 1;
  private static final int LINE_TO = 2;
  private static final int CLOSE_PATH = 7;

  private int[] commands = new int[64];
  private int size;
  private int cursorX;
  private int cursorY;

  /** The geometry's type and commands, or null when nothing of it survives rounding to the grid. */
  EncodedGeometry encode(Geometry geometry) {
    size = 0;
    cursorX = 0;
    cursorY = 0;
    GeometryType type;
    if (geometry instanceof Puntal) {
      type = GeometryType.POINT;
      points(geometry);
    } else if (geometry instanceof Lineal) {
      type = GeometryType.LINESTRING;
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        path(grid(((LineString) geometry.getGeometryN(i)).getCoordinates()), false);
      }
    } else if (geometry instanceof Polygonal) {
      type = GeometryType.POLYGON;
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        polygon((Polygon) geometry.getGeometryN(i));
      }
    } else {
      return null;
    }
    return size == 0 ? null : new EncodedGeometry(type, Arrays.copyOf(commands, size));
  }

  private void points(Geometry geometry) {
    int count = geometry.getNumGeometries();
    add(command(MOVE_TO, count));
    for (int i = 0; i < count; i++) {
      Coordinate point = ((Point) geometry.getGeometryN(i)).getCoordinate();
      moveCursor((int) Math.round(point.x), (int) Math.round(point.y));
    }
  }

  private void polygon(Polygon polygon) {
    int[] shell = grid(polygon.getExteriorRing().getCoordinates());
    double shellArea = area(shell);
    if (shellArea == 0) {
      return;
    }
    path(shellArea > 0 ? shell : reversed(shell), true);
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      int[] hole = grid(polygon.getInteriorRingN(i).getCoordinates());
      double holeArea = area(hole);
      if (holeArea != 0) {
        path(holeArea < 0 ? hole : reversed(hole), true);
      }
    }
  }

  /** One MoveTo, LineTos for the rest and, for a ring, a ClosePath instead of its repeated first point. */
  private void path(int[] xy, boolean ring) {
    int points = xy.length / 2 - (ring ? 1 : 0);
    if (points < (ring ? 3 : 2)) {
      return;
    }
    add(command(MOVE_TO, 1));
    moveCursor(xy[0], xy[1]);
    add(command(LINE_TO, points - 1));
    for (int i = 1; i < points; i++) {
      moveCursor(xy[2 * i], xy[2 * i + 1]);
    }
    if (ring) {
      add(command(CLOSE_PATH, 1));
    }
  }

  /** The coordinates rounded to the grid, x and y interleaved, consecutive repeats removed. */
  private static int[] grid(Coordinate[] coordinates) {
    int[] xy = new int[coordinates.length * 2];
    int n = 0;
    for (Coordinate coordinate : coordinates) {
      int x = (int) Math.round(coordinate.x);
      int y = (int) Math.round(coordinate.y);
      if (n == 0 || x != xy[n - 2] || y != xy[n - 1]) {
        xy[n++] = x;
        xy[n++] = y;
      }
    }
    return Arrays.copyOf(xy, n);
  }

  /** Twice the signed area of a closed ring by the surveyor's formula; positive is clockwise with y down. */
  private static double area(int[] ring) {
    double sum = 0;
    for (int i = 0; i + 3 < ring.length; i += 2) {
      sum += (double) ring[i] * ring[i + 3] - (double) ring[i + 2] * ring[i + 1];
    }
    return sum;
  }

  private static int[] reversed(int[] xy) {
    int[] reversed = new int[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      reversed[xy.length - 2 - i] = xy[i];
      reversed[xy.length - 1 - i] = xy[i + 1];
    }
    return reversed;
  }

  private void moveCursor(int x, int y) {
    add(zigZag(x - cursorX));
    add(zigZag(y - cursorY));
    cursorX = x;
    cursorY = y;
  }

  private static int command(int id, int count) {
    return (id & 0x7) | (count << 3);
  }

  private static int zigZag(int value) {
    return (value << 1) ^ (value >> 31);
  }

  private void add(int value) {
    if (size == commands.length) {
      commands = Arrays.copyOf(commands, size * 2);
    }
    commands[size++] = value;
  }

  /** The MVT geometry types (specification 4.3.4). */
  enum GeometryType {
    POINT(1), LINESTRING(2), POLYGON(3);

    final int code;

    GeometryType(int code) {
      this.code = code;
    }
  }

  record EncodedGeometry(GeometryType type, int[] commands) {}
}
