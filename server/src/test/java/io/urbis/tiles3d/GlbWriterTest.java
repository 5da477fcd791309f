package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.source.ModelRow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

class GlbWriterTest {

  private static final TilingScheme SCHEME = new TilingScheme(6.6, 51.6, 6.7, 51.7, 0, 60, 4);
  private static final List<Property> PROPERTIES = List.of(new Property("name", JsonType.STRING),
      new Property("height m", JsonType.NUMBER), new Property("storeys", JsonType.INTEGER),
      new Property("listed", JsonType.BOOLEAN));

  @Test
  void chunksArePaddedAndEveryBufferViewIsAligned() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings());
    assertEquals(0, glb.jsonChunkLength() % 8);
    assertEquals(0, glb.binary().length % 8);
    for (JsonNode view : glb.json().get("bufferViews")) {
      assertEquals(0, view.get("byteOffset").asInt() % 8, view.toString());
    }
    assertEquals(glb.binary().length, glb.json().at("/buffers/0/byteLength").asInt());
  }

  @Test
  void positionsCarryTheirExactBoundsAndStayNearTheCentre() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings());
    for (JsonNode primitive : glb.json().at("/meshes/0/primitives")) {
      JsonNode accessor = glb.json().get("accessors").get(primitive.at("/attributes/POSITION").asInt());
      float[] positions = glb.floats(primitive.at("/attributes/POSITION").asInt());
      for (int axis = 0; axis < 3; axis++) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = axis; i < positions.length; i += 3) {
          min = Math.min(min, positions[i]);
          max = Math.max(max, positions[i]);
        }
        assertEquals(min, (float) accessor.get("min").get(axis).asDouble());
        assertEquals(max, (float) accessor.get("max").get(axis).asDouble());
        assertTrue(Math.abs(min) < 10_000 && Math.abs(max) < 10_000, "relative to the tile centre");
      }
      int[] indices = glb.indices(primitive.get("indices").asInt());
      assertEquals(0, indices.length % 3);
      for (int index : indices) {
        assertTrue(index < positions.length / 3);
      }
    }
  }

  @Test
  void anExtrudedBlockHasAFlatRoofAndFourWallsAsSeparateMaterials() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings());
    JsonNode primitives = glb.json().at("/meshes/0/primitives");
    assertEquals(2, primitives.size(), "walls and roofs");
    assertEquals("wall", glb.json().at("/materials/0/name").asText());
    assertEquals("roof", glb.json().at("/materials/1/name").asText());
    int wallTriangles = glb.json().get("accessors").get(primitives.get(0).get("indices").asInt()).get("count")
        .asInt() / 3;
    assertEquals(2 * 4 + 2 * 4, wallTriangles, "two blocks of four walls, two triangles each");
    // Y-up: the roof normal, the local vertical, is mostly glTF +y at these latitudes
    float[] roofNormals = glb.floats(primitives.get(1).at("/attributes/NORMAL").asInt());
    assertTrue(roofNormals[1] > 0.6, "roof normal y " + roofNormals[1]);
  }

  @Test
  void featuresAreRowsOfThePropertyTableThatVerticesPointAt() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings());
    assertEquals(List.of("b-1", "b-2"), glb.strings("featureId"));
    assertEquals(List.of("Town hall", ""), glb.strings("name"));
    double[] heights = glb.doubles("height_m");
    assertEquals(12.5, heights[0]);
    assertEquals(PropertyTable.NO_NUMBER, heights[1], "a null number is noData");
    JsonNode schema = glb.json().at("/extensions/EXT_structural_metadata/schema/classes/buildings/properties");
    assertEquals("ID", schema.at("/featureId/semantic").asText());
    assertEquals("height m", schema.at("/height_m/name").asText());
    assertEquals("INT64", schema.at("/storeys/componentType").asText());
    assertEquals("UINT8", schema.at("/listed/componentType").asText());
    JsonNode primitive = glb.json().at("/meshes/0/primitives/0");
    assertEquals(2, primitive.at("/extensions/EXT_mesh_features/featureIds/0/featureCount").asInt());
    float[] ids = glb.floats(primitive.at("/attributes/_FEATURE_ID_0").asInt());
    assertEquals(0f, ids[0]);
    assertEquals(1f, ids[ids.length - 1]);
  }

  private static byte[] twoBuildings() throws Exception {
    PropertyTable table = new PropertyTable("buildings", "Buildings", PROPERTIES);
    TileContentBuilder builder = new TileContentBuilder(SCHEME, TileId.ROOT, 0, table);
    builder.add(new ModelRow("b-1", wkb("POLYGON ((6.61 51.61, 6.6102 51.61, 6.6102 51.6101, 6.61 51.6101, 6.61 51.61))"),
        30, 12.5, "{\"name\":\"Town hall\",\"height m\":12.5,\"storeys\":3,\"listed\":true}"));
    builder.add(new ModelRow("b-2", wkb("POLYGON ((6.62 51.62, 6.62 51.6201, 6.6201 51.6201, 6.6201 51.62, 6.62 51.62))"),
        31, 6, "{\"name\":null,\"height m\":null,\"storeys\":null,\"listed\":false}"));
    return builder.glb();
  }

  private static byte[] wkb(String wkt) throws Exception {
    return new WKBWriter(3).write(new WKTReader().read(wkt));
  }
}
