package io.urbis.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small CityJSON 2.0 file written by the tests, with one case of everything the importer must handle: parts
 * before and after their building, degenerate and non-planar polygons, objects without usable geometry. Vertices
 * are quantised (scale 0.001) and come after the CityObjects, as citygml4j writes them.
 */
final class SampleCityJson {

  static final ObjectMapper JSON = new ObjectMapper();
  static final double X0 = 500000;
  static final double Y0 = 5700000;
  static final double Z0 = 30;

  private final ObjectNode root = JSON.createObjectNode();
  private final ObjectNode objects;
  private final ArrayNode vertices = JSON.createArrayNode();

  SampleCityJson(String referenceSystem) {
    root.put("type", "CityJSON").put("version", "2.0");
    objects = root.putObject("CityObjects");
    ObjectNode transform = root.putObject("transform");
    transform.putArray("scale").add(0.001).add(0.001).add(0.001);
    transform.putArray("translate").add(X0).add(Y0).add(Z0);
    if (referenceSystem != null) {
      root.putObject("metadata").put("referenceSystem", referenceSystem);
    }
  }

  /** The file every importer test starts from: 7 buildings (3 importable), 3 parts, a road. */
  static SampleCityJson standard() {
    SampleCityJson city = new SampleCityJson("https://www.opengis.net/def/crs/EPSG/0/25832");
    ObjectNode b1 = city.building("B1", "Building").put("function", "31001_1000").put("measuredHeight", 10.0)
        .put("roofType", "1000");
    city.objects.with("B1").putArray("address").addObject().put("ThoroughfareName", "Hauptstraße")
        .put("ThoroughfareNumber", "1").put("Locality", "Wesel").put("Country", "Germany");
    city.solid("B1", city.box(0, 0, 10, 10));
    // a part before its building, as files may order them
    city.building("P2", "BuildingPart").put("measuredHeight", 8.0).put("storeysAboveGround", 2);
    city.parents("P2", "B2");
    city.solid("P2", city.box(20, 0, 5, 8));
    city.building("B2", "Building").put("function", "31001_2000");
    city.objects.with("B2").putArray("children").add("P1").add("P2");
    city.building("P1", "BuildingPart").put("measuredHeight", 5.0);
    city.parents("P1", "B2");
    city.solid("P1", city.box(25, 0, 5, 5));
    city.building("B3", "Building").put("function", "no geometry");
    city.building("B4", "Building");
    city.multiSurface("B4", city.ring(0, 0, 0, 1, 1, 0, 2, 2, 0));
    city.building("B5", "Building");
    city.solid("B5", city.box(40, 0, 10, 6));
    city.multiSurface("B5", city.ring(40, 20, 0, 40, 20, 0, 50, 20, 0, 50, 30, 0, 40, 30, 0),
        city.ring(60, 20, 0, 70, 20, 0, 70, 30, 5, 60, 30, 0), city.ring(80, 20, 0, 81, 20, 0, 80, 20, 0));
    city.building("B6", "Building");
    city.objects.with("B6").putArray("geometry").addObject().put("type", "GeometryInstance").put("template", 0);
    city.building("B7", "Building");
    city.objects.with("B7").putArray("geometry").addObject().put("type", "MultiSurface").put("lod", "1")
        .putArray("boundaries").addArray().addArray().add(0).add(1).add(99999);
    city.building("R1", "Road");
    city.building("P9", "BuildingPart");
    city.parents("P9", "NOPE");
    city.solid("P9", city.box(90, 0, 5, 5));
    return city;
  }

  ObjectNode building(String id, String type) {
    ObjectNode object = objects.putObject(id).put("type", type);
    return object.putObject("attributes");
  }

  void parents(String id, String parent) {
    objects.with(id).putArray("parents").add(parent);
  }

  /** A closed box as an LoD2 Solid with Ground, Wall and Roof semantics. */
  void solid(String id, int[][] faces) {
    ObjectNode geometry = objects.with(id).withArray("geometry").addObject().put("type", "Solid").put("lod", "2");
    ArrayNode shell = geometry.putArray("boundaries").addArray();
    for (int[] face : faces) {
      ArrayNode ring = shell.addArray().addArray();
      for (int index : face) {
        ring.add(index);
      }
    }
    ObjectNode semantics = geometry.putObject("semantics");
    semantics.putArray("surfaces").add(JSON.createObjectNode().put("type", "GroundSurface"))
        .add(JSON.createObjectNode().put("type", "RoofSurface")).add(JSON.createObjectNode().put("type", "WallSurface"));
    semantics.putArray("values").addArray().add(0).add(1).add(2).add(2).add(2).add(2);
  }

  void multiSurface(String id, int[]... rings) {
    ObjectNode geometry = objects.with(id).withArray("geometry").addObject().put("type", "MultiSurface")
        .put("lod", "2");
    ArrayNode surfaces = geometry.putArray("boundaries");
    for (int[] ring : rings) {
      ArrayNode indices = surfaces.addArray().addArray();
      for (int index : ring) {
        indices.add(index);
      }
    }
  }

  /** The six faces (ground, roof, four walls) of a box at (x, y) metres from the origin. */
  int[][] box(double x, double y, double size, double height) {
    int first = vertices.size();
    for (double z : new double[] {0, height}) {
      vertex(x, y, z);
      vertex(x + size, y, z);
      vertex(x + size, y + size, z);
      vertex(x, y + size, z);
    }
    int b = first;
    int t = first + 4;
    return new int[][] {{b, b + 3, b + 2, b + 1}, {t, t + 1, t + 2, t + 3}, {b, b + 1, t + 1, t},
        {b + 1, b + 2, t + 2, t + 1}, {b + 2, b + 3, t + 3, t + 2}, {b + 3, b, t, t + 3}};
  }

  /** A ring from x, y, z triples in metres. */
  int[] ring(double... xyz) {
    int[] indices = new int[xyz.length / 3];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = vertices.size();
      vertex(xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2]);
    }
    return indices;
  }

  private void vertex(double x, double y, double z) {
    vertices.addArray().add(Math.round(x * 1000)).add(Math.round(y * 1000)).add(Math.round(z * 1000));
  }

  String text() {
    ObjectNode copy = root.deepCopy();
    copy.set("vertices", vertices);
    return copy.toString();
  }

  Path write(Path file) throws IOException {
    return Files.writeString(file, text());
  }
}
