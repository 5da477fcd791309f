package io.urbis.cql2.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** JTS to GeoJSON geometry objects, the inverse of {@link GeoJsonGeometryReader}. */
final class GeoJsonGeometryWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GeoJsonGeometryWriter() {}

  static ObjectNode write(Geometry geometry) {
    ObjectNode object = NODES.objectNode().put("type", geometry.getGeometryType());
    if (geometry.getClass() == GeometryCollection.class) {
      ArrayNode members = object.putArray("geometries");
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        members.add(write(geometry.getGeometryN(i)));
      }
    } else {
      object.set("coordinates", coordinates(geometry));
    }
    return object;
  }

  /** Multi-geometries are arrays of their members' coordinates. */
  private static ArrayNode coordinates(Geometry geometry) {
    if (geometry instanceof Point point) {
      return point.isEmpty() ? NODES.arrayNode() : position(point.getCoordinate());
    }
    if (geometry instanceof LineString line) {
      return positions(line.getCoordinates());
    }
    if (geometry instanceof Polygon polygon) {
      return rings(polygon);
    }
    ArrayNode members = NODES.arrayNode();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      members.add(coordinates(geometry.getGeometryN(i)));
    }
    return members;
  }

  private static ArrayNode rings(Polygon polygon) {
    ArrayNode rings = NODES.arrayNode();
    if (!polygon.isEmpty()) {
      rings.add(positions(polygon.getExteriorRing().getCoordinates()));
      for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
        rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
      }
    }
    return rings;
  }

  private static ArrayNode positions(Coordinate[] coordinates) {
    ArrayNode positions = NODES.arrayNode();
    for (Coordinate coordinate : coordinates) {
      positions.add(position(coordinate));
    }
    return positions;
  }

  private static ArrayNode position(Coordinate coordinate) {
    ArrayNode position = NODES.arrayNode().add(coordinate.getX()).add(coordinate.getY());
    return Double.isNaN(coordinate.getZ()) ? position : position.add(coordinate.getZ());
  }
}
