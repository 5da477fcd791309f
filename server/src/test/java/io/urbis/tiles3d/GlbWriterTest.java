package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.source.ModelRow;
import io.urbis.tiles3d.meshopt.TriangleAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

class GlbWriterTest {

  private static final MeshEncoding PLAIN = new MeshEncoding(false, false);
  private static final String SCHEMA_FROM_CONTENT = TilesetWriter.schemaFromContent(TileSchema.WHOLE_FILE);
  private static final TilingScheme SCHEME = new TilingScheme(6.6, 51.6, 6.7, 51.7, 0, 60, 4);
  private static final List<Property> PROPERTIES = List.of(new Property("name", JsonType.STRING),
      new Property("height m", JsonType.NUMBER), new Property("storeys", JsonType.INTEGER),
      new Property("listed", JsonType.BOOLEAN));

  @Test
  void chunksArePaddedAndEveryBufferViewIsAligned() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings(false));
    assertEquals(0, glb.jsonChunkLength() % 8);
    assertEquals(0, glb.binary().length % 8);
    for (JsonNode view : glb.json().get("bufferViews")) {
      assertEquals(0, view.get("byteOffset").asInt() % 8, view.toString());
    }
    assertEquals(glb.binary().length, glb.json().at("/buffers/0/byteLength").asInt());
  }

  @Test
  void positionsLieOnASixtyFourthOfAMetreAndComeBackWithinEightMillimetresAnAxis() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings(false));
    for (JsonNode primitive : glb.json().at("/meshes/0/primitives")) {
      int position = primitive.at("/attributes/POSITION").asInt();
      JsonNode accessor = glb.json().get("accessors").get(position);
      assertEquals(GlbWriter.FLOAT, accessor.get("componentType").asInt());
      assertStoredBoundsExact(glb, accessor, position);
      for (double value : glb.values(position)) {
        assertEquals(Math.rint(value * 64), value * 64, "on the grid: " + value);
      }
      // 8 mm on each of the three axes: at most 1.4 cm away
      assertEveryVertexIsACorner(glb.ecefPositions(primitive), BLOCK_CORNERS, 0.014);
      int[] indices = glb.indices(primitive.get("indices").asInt());
      assertEquals(0, indices.length % 3);
      for (int index : indices) {
        assertTrue(index < accessor.get("count").asInt());
      }
    }
  }

  @Test
  void contentKilometresApartKeepsTheSamePrecision() throws Exception {
    GlbFile glb = GlbFile.read(tile(PLAIN,
        new ModelRow("near", wkb("POLYGON ((6.61 51.61, 6.6102 51.61, 6.6102 51.6101, 6.61 51.61))"), 30, 10, "{}"),
        new ModelRow("far", wkb("POLYGON ((6.69 51.69, 6.6902 51.69, 6.6902 51.6901, 6.69 51.69))"), 30, 10, "{}")));
    JsonNode primitive = glb.json().at("/meshes/0/primitives/0");
    double[][] corners = {{6.61, 51.61}, {6.6102, 51.61}, {6.6102, 51.6101}, {6.69, 51.69}, {6.6902, 51.69},
        {6.6902, 51.6901}};
    assertEveryVertexIsACorner(glb.ecefPositions(primitive), corners, 0.014);
  }

  @Test
  void contentOverAHundredAndThirtyKilometresAcrossCompressesItsFloatsAsTheyAre() throws Exception {
    TilingScheme region = new TilingScheme(6.0, 51.0, 9.0, 53.0, 0, 60, 4);
    PropertyTable table = new PropertyTable("buildings", "Buildings", List.of());
    TileContentBuilder builder = new TileContentBuilder(region, TileId.ROOT, 0, table, MeshEncoding.DEFAULT);
    builder.add(new ModelRow("west", wkb("POLYGON ((6.1 51.1, 6.1002 51.1, 6.1002 51.1001, 6.1 51.1))"), 30, 10, "{}"));
    builder.add(new ModelRow("east", wkb("POLYGON ((8.9 52.9, 8.9002 52.9, 8.9002 52.9001, 8.9 52.9))"), 30, 10, "{}"));
    GlbFile read = GlbFile.read(builder.glb(SCHEMA_FROM_CONTENT));
    JsonNode primitive = read.json().at("/meshes/0/primitives/0");
    int view = read.json().at("/accessors/" + primitive.at("/attributes/POSITION").asInt() + "/bufferView").asInt();
    assertEquals("ATTRIBUTES", read.json().at("/bufferViews/" + view + "/extensions/EXT_meshopt_compression/mode")
        .asText());
    assertTrue(read.json().at("/bufferViews/" + view + "/extensions/EXT_meshopt_compression/filter").isMissingNode(),
        "no exponential filter beyond 131 km");
    double[][] corners = {{6.1, 51.1}, {6.1002, 51.1}, {6.1002, 51.1001}, {8.9, 52.9}, {8.9002, 52.9},
        {8.9002, 52.9001}};
    // float32 metres up to ~200 km from the corner: a few centimetres
    assertEveryVertexIsACorner(read.ecefPositions(primitive), corners, 0.05);
  }

  @Test
  void withoutNormalsTheFacesOfABuildingShareTheirCornersAcrossMaterials() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings(false));
    JsonNode primitives = glb.json().at("/meshes/0/primitives");
    assertEquals(2, primitives.size(), "walls and roofs");
    assertEquals("wall", glb.json().at("/materials/0/name").asText());
    assertEquals("roof", glb.json().at("/materials/1/name").asText());
    JsonNode walls = primitives.get(0);
    JsonNode roofs = primitives.get(1);
    assertEquals(walls.get("attributes"), roofs.get("attributes"), "one set of vertices");
    assertEquals(2 * 4 + 2 * 4, count(glb, walls.get("indices").asInt()) / 3, "two blocks of four walls");
    assertEquals(2 * 2, count(glb, roofs.get("indices").asInt()) / 3, "two roofs of two triangles");
    assertEquals(2 * 8, count(glb, walls.at("/attributes/POSITION").asInt()), "four corners, low and high");
    assertTrue(walls.get("attributes").get("NORMAL") == null);
  }

  @Test
  void withNormalsEveryFaceHasItsOwnCornersAndAFlatNormal() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings(true));
    JsonNode primitives = glb.json().at("/meshes/0/primitives");
    assertEquals(2 * (4 * 4 + 4), count(glb, primitives.get(0).at("/attributes/POSITION").asInt()));
    double[] normals = glb.values(primitives.get(0).at("/attributes/NORMAL").asInt());
    for (int roofCorner : glb.indices(primitives.get(1).get("indices").asInt())) {
      // the local frame is east-north-up, Y-up in glTF: a flat roof faces +y exactly
      assertEquals(0, normals[3 * roofCorner], 1e-9);
      assertEquals(1, normals[3 * roofCorner + 1], 1e-9);
    }
    for (int wallCorner : glb.indices(primitives.get(0).get("indices").asInt())) {
      assertEquals(0, normals[3 * wallCorner + 1], 1e-9, "walls are vertical");
    }
  }

  @Test
  void compressedMeshesDecodeToExactlyThePlainOnes() throws Exception {
    for (boolean withNormals : new boolean[] {false, true}) {
      GlbFile plain = GlbFile.read(twoBuildings(new MeshEncoding(withNormals, false)));
      GlbFile compressed = GlbFile.read(twoBuildings(new MeshEncoding(withNormals, true)));
      assertTrue(compressed.json().get("extensionsRequired").toString().contains("EXT_meshopt_compression"));
      JsonNode primitives = plain.json().at("/meshes/0/primitives");
      for (int p = 0; p < primitives.size(); p++) {
        JsonNode plainPrimitive = primitives.get(p);
        JsonNode compressedPrimitive = compressed.json().at("/meshes/0/primitives/" + p);
        assertArrayEquals(plain.ecefPositions(plainPrimitive), compressed.ecefPositions(compressedPrimitive));
        for (String attribute : withNormals ? List.of("_FEATURE_ID_0", "NORMAL") : List.of("_FEATURE_ID_0")) {
          assertArrayEquals(plain.values(plainPrimitive.at("/attributes/" + attribute).asInt()),
              compressed.values(compressedPrimitive.at("/attributes/" + attribute).asInt()), attribute);
        }
        TriangleAssertions.assertSameTriangles(plain.indices(plainPrimitive.get("indices").asInt()),
            compressed.indices(compressedPrimitive.get("indices").asInt()), "primitive " + p);
      }
    }
  }

  @Test
  void featuresAreRowsOfThePropertyTableThatVerticesPointAt() throws Exception {
    GlbFile glb = GlbFile.read(twoBuildings(false));
    assertEquals(List.of("b-1", "b-2"), glb.strings("featureId"));
    assertEquals(List.of("Town hall", ""), glb.strings("name"));
    double[] heights = glb.doubles("height_m");
    assertEquals(12.5, heights[0]);
    assertEquals(PropertyTable.NO_NUMBER, heights[1], "a null number is noData");
    assertEquals("../../../schema.json", glb.json().at("/extensions/EXT_structural_metadata/schemaUri").asText());
    assertEquals("buildings", glb.json().at("/extensions/EXT_structural_metadata/propertyTables/0/class").asText());
    JsonNode schema = new PropertyTable("buildings", "Buildings", PROPERTIES).schema()
        .at("/classes/buildings/properties");
    assertEquals("ID", schema.at("/featureId/semantic").asText());
    assertEquals("height m", schema.at("/height_m/name").asText());
    assertEquals("INT64", schema.at("/storeys/componentType").asText());
    assertEquals("UINT8", schema.at("/listed/componentType").asText());
    JsonNode primitive = glb.json().at("/meshes/0/primitives/0");
    assertEquals(2, primitive.at("/extensions/EXT_mesh_features/featureIds/0/featureCount").asInt());
    double[] ids = glb.values(primitive.at("/attributes/_FEATURE_ID_0").asInt());
    assertEquals(0, ids[0]);
    assertEquals(1, ids[ids.length - 1]);
  }

  @Test
  void aTextColumnWithoutAValueInTheTileIsLeftOutOfItsTable() throws Exception {
    GlbFile glb = GlbFile.read(tile(PLAIN,
        new ModelRow("b-1", wkb("POLYGON ((6.61 51.61, 6.6102 51.61, 6.6102 51.6101, 6.61 51.61))"), 30, 10,
            "{\"name\":\"\",\"storeys\":2}"),
        new ModelRow("b-2", wkb("POLYGON ((6.62 51.62, 6.6201 51.62, 6.6201 51.6201, 6.62 51.62))"), 30, 10,
            "{\"name\":null,\"storeys\":null}")));
    JsonNode columns = glb.json().at("/extensions/EXT_structural_metadata/propertyTables/0/properties");
    List<String> names = new ArrayList<>();
    columns.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("featureId", "height_m", "storeys", "listed"), names, "no name in the tile");
    assertEquals(List.of(), FeatureMetadataRules.check(glb, GlbWriterTest::schema));
  }

  @Test
  void everyPrimitiveCountsTheFeaturesOfTheVertexAttributeItShares() throws Exception {
    // a block has walls and a roof, a lone wall only a wall: the roofs show one feature, the shared attribute two
    GlbFile glb = GlbFile.read(tile(PLAIN,
        new ModelRow("block", wkb("POLYGON ((6.61 51.61, 6.6102 51.61, 6.6102 51.6101, 6.61 51.61))"), 30, 10, "{}"),
        new ModelRow("wall", wkb("POLYGON Z ((6.62 51.62 30, 6.6201 51.62 30, 6.6201 51.62 36, 6.62 51.62 36,"
            + " 6.62 51.62 30))"), 0, Double.NaN, "{}")));
    JsonNode primitives = glb.json().at("/meshes/0/primitives");
    assertEquals(2, primitives.size(), "walls and roofs");
    for (JsonNode primitive : primitives) {
      assertEquals(2, primitive.at("/extensions/EXT_mesh_features/featureIds/0/featureCount").asInt());
    }
    assertEquals(List.of(), FeatureMetadataRules.check(glb, GlbWriterTest::schema));
  }

  @Test
  void aTileWhoseFeaturesWereAllDeletedHasNeitherMetadataNorBinaryChunk() throws Exception {
    GlbFile glb = GlbFile.read(tile(PLAIN));
    assertTrue(glb.json().path("extensions").isMissingNode(), glb.json().toString());
    assertTrue(glb.json().path("extensionsUsed").isMissingNode(), glb.json().toString());
    assertTrue(glb.json().path("buffers").isMissingNode(), glb.json().toString());
    assertEquals(0, glb.binary().length);
  }

  /** The schema of the tiles' property tables, at the schemaUri they name. */
  private static JsonNode schema(String uri) {
    return uri.equals(SCHEMA_FROM_CONTENT)
        ? new PropertyTable("buildings", "Buildings", PROPERTIES).schema() : null;
  }

  private static final double[][] BLOCK_CORNERS = {{6.61, 51.61}, {6.6102, 51.61}, {6.6102, 51.6101},
      {6.61, 51.6101}, {6.62, 51.62}, {6.62, 51.6201}, {6.6201, 51.6201}, {6.6201, 51.62}};

  /** Every vertex lies within {@code metres} of one of the corners, at a base or roof height of the blocks. */
  private static void assertEveryVertexIsACorner(double[] ecef, double[][] corners, double metres) {
    for (int i = 0; i < ecef.length; i += 3) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] corner : corners) {
        for (double height : new double[] {30, 31, 37, 40, 42.5}) {
          best = Math.min(best, Vectors.distance(ecef, i, Ecef.fromGeodetic(corner[0], corner[1], height), 0));
        }
      }
      assertTrue(best < metres, "vertex " + i / 3 + " is " + best + " m from the nearest corner");
    }
  }

  /** The accessor's min and max are exactly the smallest and largest stored values. */
  private static void assertStoredBoundsExact(GlbFile glb, JsonNode accessor, int index) {
    double[] values = glb.values(index);
    for (int axis = 0; axis < 3; axis++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = axis; i < values.length; i += 3) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      assertEquals(min, accessor.get("min").get(axis).asDouble());
      assertEquals(max, accessor.get("max").get(axis).asDouble());
    }
  }

  private static int count(GlbFile glb, int accessor) {
    return glb.json().get("accessors").get(accessor).get("count").asInt();
  }

  private static byte[] twoBuildings(boolean withNormals) throws Exception {
    return twoBuildings(new MeshEncoding(withNormals, false));
  }

  private static byte[] twoBuildings(MeshEncoding encoding) throws Exception {
    return tile(encoding,
        new ModelRow("b-1", wkb("POLYGON ((6.61 51.61, 6.6102 51.61, 6.6102 51.6101, 6.61 51.6101, 6.61 51.61))"),
            30, 12.5, "{\"name\":\"Town hall\",\"height m\":12.5,\"storeys\":3,\"listed\":true}"),
        new ModelRow("b-2", wkb("POLYGON ((6.62 51.62, 6.62 51.6201, 6.6201 51.6201, 6.6201 51.62, 6.62 51.62))"),
            31, 6, "{\"name\":null,\"height m\":null,\"storeys\":null,\"listed\":false}"));
  }

  /** The root tile of the test scheme with these features, their properties from {@link #PROPERTIES}. */
  private static byte[] tile(MeshEncoding encoding, ModelRow... rows) {
    TileContentBuilder builder = new TileContentBuilder(SCHEME, TileId.ROOT, 0,
        new PropertyTable("buildings", "Buildings", PROPERTIES), encoding);
    for (ModelRow row : rows) {
      builder.add(row);
    }
    return builder.glb(SCHEMA_FROM_CONTENT);
  }

  private static byte[] wkb(String wkt) throws Exception {
    return new WKBWriter(3).write(new WKTReader().read(wkt));
  }
}
