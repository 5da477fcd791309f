package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.catalog.Collection;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The EXT_structural_metadata property table of a tile: one row per feature, with its id (semantic ID, so a client
 * can link to the feature) and the collection's properties. Integers become INT64, numbers FLOAT64, booleans
 * UINT8 0 and 1, everything else (text, dates, JSON) STRING; missing values are the declared noData (the empty
 * string for text). A text column without a single value in the tile is left out of its table, as 3D Metadata
 * allows for properties that are not required: its strings would take no bytes, and a buffer view cannot be empty.
 * That is why no property is required, not even the id (empty only where the source's is). Other columns keep
 * their noData values, valid as they are: the CesiumGS 3D Tiles validator (0.6.1) aborts on a table that leaves a
 * numeric property out.
 *
 * <p>Tiles of footprints raised by a height also carry each building's footprint area in square metres, derived from
 * its footprint ({@link #FOOTPRINT_AREA}), so that clients can relate quantities to area, such as heat demand per
 * square metre; unless the collection has a property of that name, which is then carried as it is.
 */
final class PropertyTable {

  static final String ID_PROPERTY = "featureId";
  /** The derived footprint area of extruded footprints, square metres. */
  static final String FOOTPRINT_AREA = "footprint_area_m2";
  /** The id of the metadata schema of a whole collection's tiles. */
  static final String SCHEMA_ID = "urbis";
  private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^A-Za-z0-9_]");
  /** The noData of numeric columns: the most negative integer a double (and JSON) holds exactly. */
  static final long NO_NUMBER = -9_007_199_254_740_991L;
  /** The noData of boolean columns, stored as 0 and 1. */
  static final int NO_BOOLEAN = 255;

  private final String classId;
  private final String className;
  private final Map<String, Column> columns = new LinkedHashMap<>();
  /** The column of the derived footprint area, or null when the tiles carry none. */
  private final Column footprintArea;
  private int count;

  PropertyTable(String collectionId, String title, List<Property> properties) {
    this(collectionId, title, properties, false);
  }

  /** With {@code derivesFootprintArea}, the table has a footprint area column its builder fills. */
  PropertyTable(String collectionId, String title, List<Property> properties, boolean derivesFootprintArea) {
    this.classId = identifier(collectionId, new HashSet<>());
    this.className = title;
    Set<String> keys = new HashSet<>(Set.of(ID_PROPERTY));
    columns.put(ID_PROPERTY, new Column(ID_PROPERTY, "Feature id", Kind.STRING, null));
    for (Property property : properties) {
      String key = identifier(property.name(), keys);
      columns.put(property.name(), new Column(key, property.name(), Kind.of(property.type()), null));
    }
    if (derivesFootprintArea && !columns.containsKey(FOOTPRINT_AREA)) {
      footprintArea = new Column(identifier(FOOTPRINT_AREA, keys), FOOTPRINT_AREA, Kind.FLOAT64,
          "Area of the building's footprint in square metres, derived by Urbis from its geometry");
      columns.put(FOOTPRINT_AREA, footprintArea);
    } else {
      footprintArea = null;
    }
  }

  /**
   * The table of a collection's tiles: the feature id and the properties the settings give its tiles, of those the
   * collection shows its audience.
   */
  static PropertyTable forTiles(Collection collection, Tiles3dSettings settings) {
    return new PropertyTable(collection.id(), collection.title(), settings.tileProperties(collection),
        settings.extrusion(collection) != null);
  }

  /** Adds a feature; returns its row, the feature id its vertices carry. */
  int add(String featureId, JsonNode properties) {
    columns.get(ID_PROPERTY).values.add(JsonNodeFactory.instance.textNode(featureId));
    for (Map.Entry<String, Column> entry : columns.entrySet()) {
      if (!entry.getKey().equals(ID_PROPERTY)) {
        entry.getValue().values.add(properties.get(entry.getKey()));
      }
    }
    return count++;
  }

  int count() {
    return count;
  }

  /** Sets the derived footprint area of the feature in {@code row}, square metres. */
  void setFootprintArea(int row, double squareMetres) {
    if (footprintArea != null) {
      footprintArea.values.set(row, JsonNodeFactory.instance.numberNode(squareMetres));
    }
  }

  /**
   * The EXT_structural_metadata extension object; the values go into {@code buffer}. The schema, the same for every
   * tile of the collection, is a document of its own at {@code schemaUri} (relative to the tile), which clients
   * load once.
   */
  ObjectNode extension(GlbBuffer buffer, String schemaUri) {
    ObjectNode extension = JsonNodeFactory.instance.objectNode().put("schemaUri", schemaUri);
    ObjectNode table = extension.putArray("propertyTables").addObject().put("class", classId).put("count", count);
    ObjectNode tableProperties = JsonNodeFactory.instance.objectNode();
    for (Column column : columns.values()) {
      if (!column.isLeftOut()) {
        tableProperties.set(column.key, column.write(buffer));
      }
    }
    // the dictionary, when given, holds at least one property
    if (!tableProperties.isEmpty()) {
      table.set("properties", tableProperties);
    }
    return extension;
  }

  /** The metadata schema of the tiles: one class, the collection, with a property per column. */
  ObjectNode schema() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("id", SCHEMA_ID);
    ObjectNode schemaClass = schema.putObject("classes").putObject(classId).put("name", className);
    ObjectNode classProperties = schemaClass.putObject("properties");
    for (Column column : columns.values()) {
      classProperties.set(column.key, column.definition());
    }
    return schema;
  }

  /** A metadata identifier from a name: letters, digits and underscores, unique among {@code taken}. */
  static String identifier(String name, Set<String> taken) {
    String key = NOT_IDENTIFIER.matcher(name).replaceAll("_");
    if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
      key = "_" + key;
    }
    String unique = key;
    for (int n = 2; !taken.add(unique); n++) {
      unique = key + "_" + n;
    }
    return unique;
  }

  private enum Kind {
    STRING, INT64, FLOAT64, BOOLEAN;

    static Kind of(JsonType type) {
      return switch (type) {
        case INTEGER -> INT64;
        case NUMBER -> FLOAT64;
        case BOOLEAN -> BOOLEAN;
        default -> STRING;
      };
    }
  }

  private static final class Column {
    private final String key;
    private final String name;
    private final Kind kind;
    private final String description;
    private final List<JsonNode> values = new ArrayList<>();

    Column(String key, String name, Kind kind, String description) {
      this.key = key;
      this.name = name;
      this.kind = kind;
      this.description = description;
    }

    ObjectNode definition() {
      ObjectNode definition = JsonNodeFactory.instance.objectNode().put("name", name);
      if (description != null) {
        definition.put("description", description);
      }
      switch (kind) {
        case STRING -> definition.put("type", "STRING");
        case BOOLEAN -> definition.put("type", "SCALAR").put("componentType", "UINT8").put("noData", NO_BOOLEAN);
        case INT64 -> definition.put("type", "SCALAR").put("componentType", "INT64").put("noData", NO_NUMBER);
        case FLOAT64 -> definition.put("type", "SCALAR").put("componentType", "FLOAT64")
            .put("noData", (double) NO_NUMBER);
      }
      if (kind == Kind.STRING) {
        definition.put("noData", "");
      }
      if (key.equals(ID_PROPERTY)) {
        definition.put("semantic", "ID");
      }
      return definition;
    }

    /** Whether the column is one of strings that are all empty, which no buffer view can hold. */
    boolean isLeftOut() {
      return kind == Kind.STRING && values.stream().allMatch(this::isMissing);
    }

    /** Whether the value is missing, and so written as the column's noData. */
    private boolean isMissing(JsonNode value) {
      return switch (kind) {
        case STRING -> asText(value).isEmpty();
        case BOOLEAN -> value == null || !value.isBoolean();
        case INT64, FLOAT64 -> value == null || !value.isNumber();
      };
    }

    ObjectNode write(GlbBuffer buffer) {
      ObjectNode property = JsonNodeFactory.instance.objectNode();
      switch (kind) {
        case STRING -> writeStrings(buffer, property);
        case BOOLEAN -> property.put("values", buffer.addView(booleans(), 0, 0));
        case INT64, FLOAT64 -> property.put("values", buffer.addView(numbers(), 0, 0));
      }
      return property;
    }

    private void writeStrings(GlbBuffer buffer, ObjectNode property) {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      ByteBuffer offsets = ByteBuffer.allocate(4 * (values.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode value : values) {
        offsets.putInt(text.size());
        text.writeBytes(asText(value).getBytes(StandardCharsets.UTF_8));
      }
      offsets.putInt(text.size());
      property.put("values", buffer.addView(text.toByteArray(), 0, 0));
      // UINT32 offsets, the default stringOffsetType
      property.put("stringOffsets", buffer.addView(offsets.array(), 0, 0));
    }

    private byte[] numbers() {
      ByteBuffer out = ByteBuffer.allocate(8 * values.size()).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode value : values) {
        boolean missing = isMissing(value);
        if (kind == Kind.INT64) {
          out.putLong(missing ? NO_NUMBER : value.asLong());
        } else {
          out.putDouble(missing ? NO_NUMBER : value.asDouble());
        }
      }
      return out.array();
    }

    private byte[] booleans() {
      byte[] bytes = new byte[values.size()];
      for (int i = 0; i < values.size(); i++) {
        JsonNode value = values.get(i);
        bytes[i] = (byte) (isMissing(value) ? NO_BOOLEAN : value.booleanValue() ? 1 : 0);
      }
      return bytes;
    }

    /** Text as it is, other JSON (objects, arrays, numbers in text columns) as JSON; null as the empty string. */
    private static String asText(JsonNode value) {
      if (value == null || value.isNull()) {
        return "";
      }
      return value.isTextual() ? value.textValue() : value.toString();
    }
  }
}
