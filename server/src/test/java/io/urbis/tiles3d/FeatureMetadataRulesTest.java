package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.tiles3d.FeatureMetadataRules.Rule;
import io.urbis.tiles3d.FeatureMetadataRules.Violation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The metadata rules on a hand-made GLB that keeps all of them, with a property of every kind the rules treat apart
 * (strings, booleans, integers, float vectors, an enum, variable-length string arrays, fixed-length integer arrays),
 * and on copies of it that each break one rule.
 */
class FeatureMetadataRulesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SCHEMA_URI = "schema.json";

  /** How to break each rule, and that one only, in the sample. */
  private static final Map<Rule, Consumer<Sample>> BREAK = Map.ofEntries(
      Map.entry(Rule.SCHEMA, s -> s.metadata().remove("schemaUri")),
      Map.entry(Rule.IDENTIFIERS, s -> {
        s.classProperties().set("2storeys", s.classProperties().remove("storeys"));
        s.columns().set("2storeys", s.columns().remove("storeys"));
      }),
      Map.entry(Rule.PROPERTY_TYPE, s -> s.classProperty("storeys").remove("componentType")),
      Map.entry(Rule.ARRAY_COUNT, s -> s.classProperty("storeys").put("count", 2)),
      Map.entry(Rule.NORMALIZED, s -> s.classProperty("position").put("normalized", true)),
      Map.entry(Rule.NO_DATA, s -> s.classProperty("listed").put("noData", 0)),
      Map.entry(Rule.UNIQUE_NAMES, s -> s.classProperty("storeys").put("name", "Position")),
      Map.entry(Rule.ENUM_DEFINITION, s -> s.schema.withArray("/enums/kind/values").addObject().put("name", "Shed")
          .put("value", 1)),
      Map.entry(Rule.TABLE_CLASS, s -> s.table().put("class", "tree")),
      Map.entry(Rule.TABLE_COUNT, s -> {
        s.table().put("count", 0);
        s.featureIds().remove("propertyTable");
      }),
      Map.entry(Rule.TABLE_PROPERTIES, s -> s.columns().remove("id")),
      Map.entry(Rule.BUFFER_VIEWS, s -> s.column("storeys").put("values", 99)),
      Map.entry(Rule.OFFSETS_GIVEN, s -> s.column("name").remove("stringOffsets")),
      Map.entry(Rule.OFFSET_TYPE, s -> s.column("name").put("stringOffsetType", "UINT128")),
      Map.entry(Rule.OFFSETS_LENGTH, s -> s.column("name").put("stringOffsetType", "UINT16")),
      Map.entry(Rule.OFFSETS_ORDER, s -> s.binary().putInt(s.viewOffset(s.column("name").get("stringOffsets")) + 8, 3)),
      Map.entry(Rule.VALUES_LENGTH, s -> s.view(s.column("storeys").get("values")).put("byteLength", 4)),
      Map.entry(Rule.ALIGNMENT, s -> s.view(s.column("storeys").get("values"))
          .put("byteOffset", s.viewOffset(s.column("storeys").get("values")) + 1).put("byteLength", 5)),
      Map.entry(Rule.VALUES_VALID, s -> s.binary().putFloat(s.viewOffset(s.column("position").get("values")) + 4,
          Float.NaN)),
      Map.entry(Rule.EXTENSIONS_USED, s -> s.gltf.withArray("extensionsUsed").remove(0)),
      Map.entry(Rule.GLB_PADDING, s -> s.jsonChunkLength = 13),
      Map.entry(Rule.FEATURE_ID_SETS, s -> s.featureIds().put("label", "1st")),
      Map.entry(Rule.FEATURE_ID_ATTRIBUTE, s -> s.gltf.withObject("/accessors/1").put("normalized", true)),
      Map.entry(Rule.ATTRIBUTE_NAMES, s -> s.gltf.withObject("/meshes/0/primitives/0/attributes")
          .put("_FEATURE_ID_2", 1)),
      Map.entry(Rule.FEATURE_COUNT, s -> s.featureIds().put("featureCount", 2)),
      Map.entry(Rule.PROPERTY_TABLE_INDEX, s -> s.featureIds().put("propertyTable", 5)),
      // feature ids 0, 1 and 3: still three, but the table has three rows only
      Map.entry(Rule.FEATURE_ID_RANGE, s -> s.binary().put(s.viewOffset(s.gltf.at("/accessors/1/bufferView")) + 8,
          (byte) 3)));

  @Test
  void theSampleKeepsEveryRule() {
    assertEquals(List.of(), Sample.valid().check());
  }

  @Test
  void everyRuleHasASampleThatBreaksIt() {
    assertEquals(EnumSet.allOf(Rule.class), EnumSet.copyOf(BREAK.keySet()));
  }

  @ParameterizedTest
  @EnumSource(Rule.class)
  void aBrokenRuleIsFoundAndNoOther(Rule rule) {
    Sample sample = Sample.valid();
    BREAK.get(rule).accept(sample);
    List<Violation> violations = sample.check();
    assertEquals(Set.of(rule), violations.stream().map(Violation::rule).collect(Collectors.toSet()),
        violations.toString());
  }

  @Test
  void aMissingStringColumnIsNoViolationButAnEmptyValuesViewIs() {
    Sample withoutNames = Sample.valid();
    withoutNames.columns().remove("name");
    assertEquals(List.of(), withoutNames.check(), "a property that is not required may be left out");
    Sample oneByteForNoStrings = Sample.valid();
    // the names end at offset 9; say they are all empty, over the one byte the old writer left
    ByteBuffer binary = oneByteForNoStrings.binary();
    int offsets = oneByteForNoStrings.viewOffset(oneByteForNoStrings.column("name").get("stringOffsets"));
    for (int i = 0; i < 4; i++) {
      binary.putInt(offsets + 4 * i, 0);
    }
    oneByteForNoStrings.view(oneByteForNoStrings.column("name").get("values")).put("byteLength", 1);
    assertEquals(List.of(Rule.VALUES_LENGTH),
        oneByteForNoStrings.check().stream().map(Violation::rule).toList());
  }

  @Test
  void nullFeatureIdIsNotCounted() {
    Sample sample = Sample.valid();
    sample.featureIds().put("featureCount", 2).put("nullFeatureId", 2);
    assertEquals(List.of(), sample.check());
  }

  /**
   * A GLB of one triangle, its three corners three features of a table of three buildings, as the parts the rules
   * read: its JSON, its BIN chunk, and the schema at {@code schema.json}.
   */
  private static final class Sample {
    private final ObjectNode gltf;
    private final ObjectNode schema;
    private final byte[] bytes;
    private int jsonChunkLength = 8;

    private Sample(ObjectNode gltf, ObjectNode schema, byte[] bytes) {
      this.gltf = gltf;
      this.schema = schema;
      this.bytes = bytes;
    }

    static Sample valid() {
      ObjectNode schema = NODES.objectNode().put("id", "sample");
      ObjectNode kind = schema.putObject("enums").putObject("kind").put("valueType", "UINT8");
      kind.putArray("values").add(NODES.objectNode().put("name", "House").put("value", 0))
          .add(NODES.objectNode().put("name", "Hall").put("value", 1));
      ObjectNode properties = schema.putObject("classes").putObject("building").putObject("properties");
      properties.putObject("id").put("type", "STRING").put("required", true).put("semantic", "ID");
      properties.putObject("name").put("type", "STRING").put("noData", "");
      properties.putObject("listed").put("type", "BOOLEAN");
      properties.putObject("storeys").put("type", "SCALAR").put("componentType", "UINT16").put("noData", 0);
      properties.putObject("position").put("name", "Position").put("type", "VEC3").put("componentType", "FLOAT32");
      properties.putObject("kind").put("type", "ENUM").put("enumType", "kind");
      properties.putObject("tags").put("type", "STRING").put("array", true);
      properties.putObject("levels").put("type", "SCALAR").put("componentType", "INT8").put("array", true)
          .put("count", 2);

      GlbBuffer buffer = new GlbBuffer();
      ObjectNode columns = NODES.objectNode();
      columns.set("id", strings(buffer, "a", "bb", "ccc"));
      columns.set("name", strings(buffer, "Haus", "", "Halle"));
      columns.putObject("listed").put("values", buffer.addView(new byte[] {0b101}, 0, 0));
      columns.putObject("storeys").put("values", buffer.addView(little(6).putShort((short) 2).putShort((short) 3)
          .putShort((short) 1).array(), 0, 0));
      ByteBuffer positions = little(36);
      for (int i = 0; i < 9; i++) {
        positions.putFloat(i * 10.5f);
      }
      columns.putObject("position").put("values", buffer.addView(positions.array(), 0, 0));
      columns.putObject("kind").put("values", buffer.addView(new byte[] {0, 1, 1}, 0, 0));
      // ["x"], [], ["y", "zz"]
      ObjectNode tags = strings(buffer, "x", "y", "zz");
      tags.put("arrayOffsets", buffer.addView(little(16).putInt(0).putInt(1).putInt(1).putInt(3).array(), 0, 0));
      columns.set("tags", tags);
      columns.putObject("levels").put("values", buffer.addView(new byte[] {0, 1, -1, 0, 2, 3}, 0, 0));

      ObjectNode gltf = NODES.objectNode();
      gltf.putObject("asset").put("version", "2.0");
      gltf.putArray("extensionsUsed").add(FeatureMetadataRules.MESH_FEATURES)
          .add(FeatureMetadataRules.STRUCTURAL_METADATA);
      ObjectNode metadata = gltf.putObject("extensions").putObject(FeatureMetadataRules.STRUCTURAL_METADATA)
          .put("schemaUri", SCHEMA_URI);
      metadata.putArray("propertyTables").addObject().put("class", "building").put("count", 3)
          .set("properties", columns);
      ArrayNode accessors = gltf.putArray("accessors");
      accessors.addObject().put("bufferView", buffer.addView(positions.array(), GlbBuffer.ARRAY_BUFFER, 12))
          .put("componentType", GlbWriter.FLOAT).put("count", 3).put("type", "VEC3");
      accessors.addObject().put("bufferView", buffer.addView(new byte[] {0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0},
          GlbBuffer.ARRAY_BUFFER, 4)).put("componentType", 5121).put("count", 3).put("type", "SCALAR");
      ObjectNode primitive = gltf.putArray("meshes").addObject().putArray("primitives").addObject();
      primitive.putObject("attributes").put("POSITION", 0).put("_FEATURE_ID_0", 1);
      primitive.putObject("extensions").putObject(FeatureMetadataRules.MESH_FEATURES).putArray("featureIds")
          .addObject().put("featureCount", 3).put("attribute", 0).put("propertyTable", 0);
      byte[] binary = buffer.toByteArray();
      gltf.set("bufferViews", buffer.views());
      gltf.set("buffers", buffer.buffers(binary.length));
      return new Sample(gltf, schema, binary);
    }

    private static ObjectNode strings(GlbBuffer buffer, String... strings) {
      StringBuilder text = new StringBuilder();
      ByteBuffer offsets = little(4 * (strings.length + 1)).putInt(0);
      for (String string : strings) {
        text.append(string);
        offsets.putInt(text.length());
      }
      return NODES.objectNode().put("values", buffer.addView(text.toString().getBytes(StandardCharsets.UTF_8), 0, 0))
          .put("stringOffsets", buffer.addView(offsets.array(), 0, 0));
    }

    private static ByteBuffer little(int size) {
      return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    List<Violation> check() {
      GlbFile glb = new GlbFile(gltf, bytes, jsonChunkLength, Map.of());
      return FeatureMetadataRules.check(glb, uri -> uri.equals(SCHEMA_URI) ? schema : null);
    }

    ObjectNode metadata() {
      return gltf.withObject("/extensions/" + FeatureMetadataRules.STRUCTURAL_METADATA);
    }

    ObjectNode table() {
      return (ObjectNode) metadata().get("propertyTables").get(0);
    }

    ObjectNode columns() {
      return table().withObject("/properties");
    }

    ObjectNode column(String name) {
      return columns().withObject("/" + name);
    }

    ObjectNode classProperties() {
      return schema.withObject("/classes/building/properties");
    }

    ObjectNode classProperty(String name) {
      return classProperties().withObject("/" + name);
    }

    ObjectNode featureIds() {
      return gltf.withObject("/meshes/0/primitives/0/extensions/" + FeatureMetadataRules.MESH_FEATURES
          + "/featureIds/0");
    }

    ObjectNode view(JsonNode index) {
      return (ObjectNode) gltf.get("bufferViews").get(index.asInt());
    }

    int viewOffset(JsonNode index) {
      return view(index).get("byteOffset").asInt();
    }

    /** The BIN chunk, to change in place. */
    ByteBuffer binary() {
      return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
