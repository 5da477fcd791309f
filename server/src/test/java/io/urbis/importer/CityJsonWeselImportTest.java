package io.urbis.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.testdata.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 6,631 real LoD2 buildings of Wesel (shared data; skipped without it), checked against the file as read
 * independently with a Jackson tree: counts, a building's attributes, vertex count and box, a building of parts.
 */
class CityJsonWeselImportTest {

  private static final Optional<Path> WESEL = SharedData.file("nrw_wesel_lod2/wesel_lod2.city.json");
  private static ImportTestSupport db;
  private static ImportSummary summary;
  private static JsonNode file;

  @BeforeAll
  static void importWesel() throws Exception {
    assumeTrue(WESEL.isPresent(), "shared data nrw_wesel_lod2 not found");
    file = new ObjectMapper().readTree(WESEL.get().toFile());
    db = new ImportTestSupport();
    summary = db.importFile(WESEL.get(), "wesel", false);
    System.out.printf(Locale.ROOT, "Wesel CityJSON import: %d buildings in %s%n", summary.written(),
        db.errors().lines().filter(l -> l.contains("buildings/s")).findFirst().orElse("?").strip());
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void everyBuildingOfTheFileIsARow() throws Exception {
    long buildings = 0;
    for (JsonNode object : file.get("CityObjects")) {
      buildings += object.path("type").asText().equals("Building") ? 1 : 0;
    }
    assertEquals(6631, buildings);
    assertEquals(buildings, summary.written());
    assertEquals(buildings, db.count("wesel"));
    assertEquals(0, summary.skippedTotal());
  }

  @Test
  void aBuildingHasTheFilesAttributesVerticesAndBox() throws Exception {
    String id = "DENW34AL0002i1vJ";
    JsonNode object = file.get("CityObjects").get(id);
    assertEquals(object.at("/attributes/function").asText(), db.value(where("function", id)));
    assertEquals(object.at("/attributes/measuredHeight").asDouble(), db.value(where("measured_height", id)));
    assertEquals(object.at("/address/0/ThoroughfareName").asText(), db.value(where("street", id)));
    List<double[]> points = points(object);
    int ringPoints = 0;
    for (JsonNode surface : object.at("/geometry/0/boundaries/0")) {
      ringPoints += surface.get(0).size() + 1;
    }
    assertEquals(ringPoints, db.value(where("ST_NPoints(geom)", id)));
    String[] box = {"ST_XMin", "ST_YMin", "ST_ZMin", "ST_XMax", "ST_YMax", "ST_ZMax"};
    for (int axis = 0; axis < 3; axis++) {
      int a = axis;
      double min = points.stream().mapToDouble(p -> p[a]).min().orElseThrow();
      double max = points.stream().mapToDouble(p -> p[a]).max().orElseThrow();
      assertEquals(min, (Double) db.value(where(box[axis] + "(geom)", id)), 1e-6, box[axis]);
      assertEquals(max, (Double) db.value(where(box[axis + 3] + "(geom)", id)), 1e-6, box[axis + 3]);
    }
  }

  @Test
  void aBuildingOfPartsHoldsAllTheirSurfacesAndTheTallestHeight() throws Exception {
    Map.Entry<String, JsonNode> building = null;
    for (var objects = file.get("CityObjects").fields(); objects.hasNext() && building == null; ) {
      var entry = objects.next();
      if (entry.getValue().path("children").size() > 1 && !entry.getValue().has("geometry")) {
        building = entry;
      }
    }
    int surfaces = 0;
    double tallest = 0;
    for (JsonNode child : building.getValue().get("children")) {
      JsonNode part = file.get("CityObjects").get(child.asText());
      surfaces += part.at("/geometry/0/boundaries/0").size();
      tallest = Math.max(tallest, part.at("/attributes/measuredHeight").asDouble());
    }
    assertEquals(surfaces, db.value(where("ST_NumGeometries(geom)", building.getKey())));
    assertEquals(tallest, db.value(where("measured_height", building.getKey())));
  }

  private static String where(String expression, String id) {
    return "SELECT " + expression + " FROM wesel WHERE id = '" + id + "'";
  }

  /** The object's vertices in real-world coordinates, through the file's transform. */
  private static List<double[]> points(JsonNode object) {
    JsonNode scale = file.at("/transform/scale");
    JsonNode translate = file.at("/transform/translate");
    List<double[]> points = new ArrayList<>();
    for (JsonNode surface : object.at("/geometry/0/boundaries/0")) {
      for (JsonNode index : surface.get(0)) {
        JsonNode vertex = file.get("vertices").get(index.asInt());
        double[] point = new double[3];
        for (int axis = 0; axis < 3; axis++) {
          point[axis] = vertex.get(axis).asLong() * scale.get(axis).asDouble() + translate.get(axis).asDouble();
        }
        points.add(point);
      }
    }
    return points;
  }
}
