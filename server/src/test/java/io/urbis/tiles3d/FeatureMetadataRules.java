package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normative rules of the metadata of 3D Tiles 1.1 glTF content, checked on a GLB as read: EXT_structural_metadata
 * property tables against their schema (the 3D Metadata Specification's binary table format) and EXT_mesh_features
 * feature ids against the attributes they are in and the tables they index. The glTF validator checks none of them.
 * Feature ID textures and property textures and attributes are not checked: Urbis writes none.
 */
final class FeatureMetadataRules {

  /** A rule of the specifications, in their words as far as they go. */
  enum Rule {
    SCHEMA("EXT_structural_metadata has its schema inline or at a schemaUri that resolves, exactly one of the two"),
    IDENTIFIERS("class, enum and property ids match ^[a-zA-Z_][a-zA-Z0-9_]*$"),
    PROPERTY_TYPE("a class property has a type; a componentType exactly when it is SCALAR, VECN or MATN; an enumType"
        + " of the schema exactly when it is ENUM"),
    ARRAY_COUNT("a class property has a count only when it is an array, and then of 2 or more"),
    NORMALIZED("only integer components are normalized; offset and scale apply to FLOAT32, FLOAT64 or normalized"
        + " components only"),
    NO_DATA("noData is never given for BOOLEAN or required properties, default never for required ones, and noData"
        + " has the property's type"),
    UNIQUE_NAMES("the names and semantics of a class's properties are each used once"),
    ENUM_DEFINITION("an enum has values, with unique names and unique integers that fit its valueType"),
    TABLE_CLASS("a property table's class is a class of the schema"),
    TABLE_COUNT("propertyTables, when given, has one table at least, and a table counts one row at least"),
    TABLE_PROPERTIES("a property table gives properties of its class only, every required one among them, and one at"
        + " least when it has a properties dictionary"),
    BUFFER_VIEWS("values, arrayOffsets and stringOffsets name buffer views that lie in their buffers"),
    OFFSETS_GIVEN("STRING properties have stringOffsets, variable-length arrays arrayOffsets"),
    OFFSET_TYPE("arrayOffsetType and stringOffsetType are UINT8, UINT16, UINT32 or UINT64"),
    OFFSETS_LENGTH("an offsets view holds one offset more than the arrays or strings it delimits, of its offset type"),
    OFFSETS_ORDER("offsets start at 0 (values are tightly packed) and never decrease"),
    VALUES_LENGTH("a values view holds the table's values exactly: the last string offset's bytes for STRING,"
        + " ceil(n / 8) bytes for BOOLEAN, n times the component size otherwise"),
    ALIGNMENT("a buffer view's byteOffset is a multiple of the size of its component, enum value or offset type"),
    VALUES_VALID("STRING values are UTF-8, FLOAT32 and FLOAT64 values finite, ENUM values those of the enum, and the"
        + " unused bits of a BOOLEAN bitstream 0"),
    EXTENSIONS_USED("EXT_mesh_features and EXT_structural_metadata, where used, are listed in extensionsUsed"),
    GLB_PADDING("the JSON and BIN chunks are padded to 8 bytes, the BIN chunk by at most 7 beyond its buffer"),
    FEATURE_ID_SETS("EXT_mesh_features has one feature id set at least, each with a featureCount of 1 or more, a"
        + " nullFeatureId and attribute that are not negative, and a label that is an identifier"),
    FEATURE_ID_ATTRIBUTE("attribute n names the primitive's _FEATURE_ID_n, an accessor of SCALAR integers, not"
        + " normalized"),
    ATTRIBUTE_NAMES("_FEATURE_ID_n attributes are numbered 0, 1, 2 and on, without gaps or leading zeros"),
    FEATURE_COUNT("featureCount is the number of distinct feature ids, nullFeatureId not counted; for ids by vertex"
        + " index, the number of vertices"),
    PROPERTY_TABLE_INDEX("propertyTable names a property table of EXT_structural_metadata"),
    FEATURE_ID_RANGE("every feature id but nullFeatureId indexes a row of its property table");

    private final String text;

    Rule(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }
  }

  /** A rule broken, where (a JSON pointer into the glTF or schema) and how. */
  record Violation(Rule rule, String where, String detail) {

    @Override
    public String toString() {
      return rule + " at " + where + ": " + detail;
    }
  }

  static final String STRUCTURAL_METADATA = "EXT_structural_metadata";
  static final String MESH_FEATURES = "EXT_mesh_features";
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
  private static final Pattern FEATURE_ID_ATTRIBUTE = Pattern.compile("_FEATURE_ID_(.*)");
  private static final Set<String> NUMERIC_TYPES = Set.of("SCALAR", "VEC2", "VEC3", "VEC4", "MAT2", "MAT3", "MAT4");
  private static final Set<String> TYPES = Set.of("SCALAR", "VEC2", "VEC3", "VEC4", "MAT2", "MAT3", "MAT4", "STRING",
      "BOOLEAN", "ENUM");
  private static final Map<String, Integer> COMPONENT_SIZES = Map.of("INT8", 1, "UINT8", 1, "INT16", 2, "UINT16", 2,
      "INT32", 4, "UINT32", 4, "INT64", 8, "UINT64", 8, "FLOAT32", 4, "FLOAT64", 8);
  private static final Set<String> OFFSET_TYPES = Set.of("UINT8", "UINT16", "UINT32", "UINT64");
  private static final int PADDING = 8;

  private final GlbFile glb;
  private final List<Violation> violations = new ArrayList<>();

  private FeatureMetadataRules(GlbFile glb) {
    this.glb = glb;
  }

  /**
   * Every rule the GLB breaks. {@code schemas} gives the schema document at a schemaUri of the content, or null
   * when there is none.
   */
  static List<Violation> check(GlbFile glb, Function<String, JsonNode> schemas) {
    FeatureMetadataRules rules = new FeatureMetadataRules(glb);
    rules.checkChunks();
    JsonNode metadata = glb.json().path("extensions").path(STRUCTURAL_METADATA);
    if (!metadata.isMissingNode()) {
      rules.checkUsed(STRUCTURAL_METADATA, "/extensions/" + STRUCTURAL_METADATA);
      JsonNode schema = rules.schema(metadata, schemas);
      if (schema != null) {
        rules.checkSchema(schema);
        JsonNode tables = metadata.path("propertyTables");
        if (metadata.has("propertyTables") && tables.isEmpty()) {
          rules.violated(Rule.TABLE_COUNT, "/extensions/" + STRUCTURAL_METADATA + "/propertyTables", "no table");
        }
        for (int t = 0; t < tables.size(); t++) {
          rules.checkTable(tables.get(t), schema, "/extensions/" + STRUCTURAL_METADATA + "/propertyTables/" + t);
        }
      }
    }
    JsonNode meshes = glb.json().path("meshes");
    for (int m = 0; m < meshes.size(); m++) {
      JsonNode primitives = meshes.get(m).path("primitives");
      for (int p = 0; p < primitives.size(); p++) {
        rules.checkPrimitive(primitives.get(p), metadata, "/meshes/" + m + "/primitives/" + p);
      }
    }
    return List.copyOf(rules.violations);
  }

  private void violated(Rule rule, String where, String detail) {
    violations.add(new Violation(rule, where, detail));
  }

  private void checkChunks() {
    if (glb.jsonChunkLength() % PADDING != 0) {
      violated(Rule.GLB_PADDING, "JSON chunk", glb.jsonChunkLength() + " bytes");
    }
    if (glb.binary().length > 0) {
      long bufferLength = glb.json().at("/buffers/0/byteLength").asLong();
      long beyond = glb.binary().length - bufferLength;
      if (glb.binary().length % PADDING != 0 || beyond < 0 || beyond >= PADDING) {
        violated(Rule.GLB_PADDING, "BIN chunk", glb.binary().length + " bytes for a buffer of " + bufferLength);
      }
    }
  }

  private void checkUsed(String extension, String where) {
    for (JsonNode used : glb.json().path("extensionsUsed")) {
      if (used.asText().equals(extension)) {
        return;
      }
    }
    violated(Rule.EXTENSIONS_USED, where, extension + " is not in extensionsUsed");
  }

  private JsonNode schema(JsonNode metadata, Function<String, JsonNode> schemas) {
    String where = "/extensions/" + STRUCTURAL_METADATA;
    boolean inline = metadata.has("schema");
    boolean external = metadata.has("schemaUri");
    if (inline == external) {
      violated(Rule.SCHEMA, where, inline ? "both schema and schemaUri" : "neither schema nor schemaUri");
      return null;
    }
    if (inline) {
      return metadata.get("schema");
    }
    JsonNode schema = schemas.apply(metadata.get("schemaUri").asText());
    if (schema == null) {
      violated(Rule.SCHEMA, where + "/schemaUri", "no schema at " + metadata.get("schemaUri").asText());
    }
    return schema;
  }

  // ---- the schema

  private void checkSchema(JsonNode schema) {
    for (Iterator<Map.Entry<String, JsonNode>> enums = schema.path("enums").fields(); enums.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = enums.next();
      checkIdentifier(entry.getKey(), "schema/enums/" + entry.getKey());
      checkEnum(entry.getValue(), "schema/enums/" + entry.getKey());
    }
    for (Iterator<Map.Entry<String, JsonNode>> classes = schema.path("classes").fields(); classes.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = classes.next();
      String where = "schema/classes/" + entry.getKey();
      checkIdentifier(entry.getKey(), where);
      Set<String> names = new HashSet<>();
      Set<String> semantics = new HashSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> properties = entry.getValue().path("properties").fields();
          properties.hasNext(); ) {
        Map.Entry<String, JsonNode> property = properties.next();
        String at = where + "/properties/" + property.getKey();
        checkIdentifier(property.getKey(), at);
        checkClassProperty(property.getValue(), schema, at);
        JsonNode name = property.getValue().get("name");
        if (name != null && !names.add(name.asText())) {
          violated(Rule.UNIQUE_NAMES, at + "/name", "name '" + name.asText() + "' used twice");
        }
        JsonNode semantic = property.getValue().get("semantic");
        if (semantic != null && !semantics.add(semantic.asText())) {
          violated(Rule.UNIQUE_NAMES, at + "/semantic", "semantic " + semantic.asText() + " used twice");
        }
      }
    }
  }

  private void checkIdentifier(String id, String where) {
    if (!IDENTIFIER.matcher(id).matches()) {
      violated(Rule.IDENTIFIERS, where, "'" + id + "' is no identifier");
    }
  }

  private void checkEnum(JsonNode enumDefinition, String where) {
    String valueType = enumDefinition.path("valueType").asText("UINT16");
    JsonNode values = enumDefinition.path("values");
    if (!COMPONENT_SIZES.containsKey(valueType) || valueType.startsWith("FLOAT") || values.isEmpty()) {
      violated(Rule.ENUM_DEFINITION, where, "valueType " + valueType + ", " + values.size() + " values");
      return;
    }
    Set<String> names = new HashSet<>();
    Set<Long> numbers = new HashSet<>();
    for (JsonNode value : values) {
      long number = value.path("value").asLong();
      if (!names.add(value.path("name").asText()) || !numbers.add(number) || !value.path("value").isIntegralNumber()
          || !fits(number, valueType)) {
        violated(Rule.ENUM_DEFINITION, where, "value " + value);
      }
    }
  }

  private static boolean fits(long number, String integerType) {
    return switch (integerType) {
      case "INT8" -> number >= Byte.MIN_VALUE && number <= Byte.MAX_VALUE;
      case "UINT8" -> number >= 0 && number <= 0xFF;
      case "INT16" -> number >= Short.MIN_VALUE && number <= Short.MAX_VALUE;
      case "UINT16" -> number >= 0 && number <= 0xFFFF;
      case "INT32" -> number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
      case "UINT32" -> number >= 0 && number <= 0xFFFF_FFFFL;
      case "UINT64" -> number >= 0;
      default -> true;
    };
  }

  /** Whether the class property's type, componentType and enumType go together (rule PROPERTY_TYPE). */
  private static boolean wellTyped(JsonNode property, JsonNode schema) {
    String type = property.path("type").asText();
    boolean numeric = NUMERIC_TYPES.contains(type);
    boolean isEnum = type.equals("ENUM");
    return TYPES.contains(type) && numeric == property.has("componentType")
        && (!numeric || COMPONENT_SIZES.containsKey(property.get("componentType").asText()))
        && isEnum == property.has("enumType")
        && (!isEnum || schema.path("enums").has(property.get("enumType").asText()));
  }

  private void checkClassProperty(JsonNode property, JsonNode schema, String where) {
    String type = property.path("type").asText();
    String componentType = property.path("componentType").asText(null);
    if (!wellTyped(property, schema)) {
      violated(Rule.PROPERTY_TYPE, where, "type " + type + ", componentType " + componentType + ", enumType "
          + property.path("enumType").asText(null));
      return;
    }
    boolean array = property.path("array").asBoolean(false);
    if (property.has("count") && (!array || property.get("count").asInt() < 2)) {
      violated(Rule.ARRAY_COUNT, where + "/count", property.get("count") + (array ? "" : " for no array"));
    }
    boolean normalized = property.path("normalized").asBoolean(false);
    boolean integer = componentType != null && !componentType.startsWith("FLOAT");
    boolean scalable = componentType != null && (componentType.startsWith("FLOAT") || normalized);
    if ((normalized && !integer) || ((property.has("offset") || property.has("scale")) && !scalable)) {
      violated(Rule.NORMALIZED, where, componentType + (normalized ? " normalized" : " with offset or scale"));
    }
    boolean required = property.path("required").asBoolean(false);
    JsonNode noData = property.get("noData");
    if (noData != null && (type.equals("BOOLEAN") || required || !ofType(noData, property, type))) {
      violated(Rule.NO_DATA, where + "/noData", noData + " for a " + (required ? "required " : "") + type);
    }
    if (property.has("default") && required) {
      violated(Rule.NO_DATA, where + "/default", "a default for a required property");
    }
  }

  /** Whether a noData value has the structure of the property's values: strings for STRING and ENUM. */
  private static boolean ofType(JsonNode value, JsonNode property, String type) {
    boolean text = type.equals("STRING") || type.equals("ENUM");
    int components = components(type);
    if (property.path("array").asBoolean(false)) {
      return value.isArray();
    }
    if (components > 1) {
      return value.isArray() && value.size() == components;
    }
    return text ? value.isTextual() : value.isNumber();
  }

  private static int components(String type) {
    return switch (type) {
      case "VEC2" -> 2;
      case "VEC3" -> 3;
      case "VEC4", "MAT2" -> 4;
      case "MAT3" -> 9;
      case "MAT4" -> 16;
      default -> 1;
    };
  }

  // ---- property tables

  private void checkTable(JsonNode table, JsonNode schema, String where) {
    JsonNode tableClass = schema.path("classes").path(table.path("class").asText());
    if (tableClass.isMissingNode()) {
      violated(Rule.TABLE_CLASS, where + "/class", "no class " + table.path("class"));
      return;
    }
    long count = table.path("count").asLong(0);
    if (!table.path("count").isIntegralNumber() || count < 1) {
      violated(Rule.TABLE_COUNT, where + "/count", String.valueOf(table.get("count")));
      return;
    }
    JsonNode properties = table.path("properties");
    if (table.has("properties") && properties.isEmpty()) {
      violated(Rule.TABLE_PROPERTIES, where + "/properties", "an empty dictionary");
    }
    for (Iterator<Map.Entry<String, JsonNode>> classProperties = tableClass.path("properties").fields();
        classProperties.hasNext(); ) {
      Map.Entry<String, JsonNode> classProperty = classProperties.next();
      if (classProperty.getValue().path("required").asBoolean(false) && !properties.has(classProperty.getKey())) {
        violated(Rule.TABLE_PROPERTIES, where + "/properties", "required " + classProperty.getKey() + " missing");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> columns = properties.fields(); columns.hasNext(); ) {
      Map.Entry<String, JsonNode> column = columns.next();
      JsonNode classProperty = tableClass.path("properties").path(column.getKey());
      String at = where + "/properties/" + column.getKey();
      if (classProperty.isMissingNode()) {
        violated(Rule.TABLE_PROPERTIES, at, "no property " + column.getKey() + " in class " + table.get("class"));
      } else if (wellTyped(classProperty, schema)) {
        new Column(column.getValue(), classProperty, schema, count, at).check();
      }
    }
  }

  /** One property of a table: its views checked against its class property and the table's count. */
  private final class Column {
    private final JsonNode column;
    private final JsonNode property;
    private final JsonNode schema;
    private final long count;
    private final String where;
    private final String type;

    Column(JsonNode column, JsonNode property, JsonNode schema, long count, String where) {
      this.column = column;
      this.property = property;
      this.schema = schema;
      this.count = count;
      this.where = where;
      this.type = property.get("type").asText();
    }

    void check() {
      boolean array = property.path("array").asBoolean(false);
      boolean variable = array && !property.has("count");
      long elements = array && !variable ? count * property.get("count").asLong() : count;
      if (variable) {
        long[] arrayOffsets = offsets("arrayOffsets", "arrayOffsetType", count);
        if (arrayOffsets == null) {
          return;
        }
        elements = arrayOffsets[arrayOffsets.length - 1];
      }
      if (type.equals("STRING")) {
        long[] stringOffsets = offsets("stringOffsets", "stringOffsetType", elements);
        if (stringOffsets != null) {
          checkStrings(stringOffsets);
        }
        return;
      }
      ByteBuffer values = view("values", valueSize());
      if (values == null) {
        return;
      }
      long expected = type.equals("BOOLEAN") ? (elements + 7) / 8 : elements * components(type) * valueSize();
      if (values.remaining() != expected) {
        violated(Rule.VALUES_LENGTH, where + "/values", values.remaining() + " bytes for " + elements + " "
            + type + " values of " + valueSize() + " bytes");
        return;
      }
      checkValues(values, elements);
    }

    /** The size of a value's component: the component type's, the enum value type's, 1 for BOOLEAN. */
    private int valueSize() {
      if (type.equals("ENUM")) {
        return COMPONENT_SIZES.getOrDefault(enumValueType(), 1);
      }
      return type.equals("BOOLEAN") ? 1 : COMPONENT_SIZES.get(property.get("componentType").asText());
    }

    private String enumValueType() {
      return schema.path("enums").path(property.path("enumType").asText()).path("valueType").asText("UINT16");
    }

    /** The offsets delimiting {@code delimited} arrays or strings, or null when they break a rule. */
    private long[] offsets(String name, String typeName, long delimited) {
      if (!column.has(name)) {
        violated(Rule.OFFSETS_GIVEN, where, type + " without " + name);
        return null;
      }
      String offsetType = column.path(typeName).asText("UINT32");
      if (!OFFSET_TYPES.contains(offsetType)) {
        violated(Rule.OFFSET_TYPE, where + "/" + typeName, offsetType);
        return null;
      }
      int size = COMPONENT_SIZES.get(offsetType);
      ByteBuffer view = view(name, size);
      if (view == null) {
        return null;
      }
      if (view.remaining() != (delimited + 1) * size) {
        violated(Rule.OFFSETS_LENGTH, where + "/" + name, view.remaining() + " bytes for " + (delimited + 1) + " "
            + offsetType + " offsets");
        return null;
      }
      long[] offsets = new long[(int) delimited + 1];
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = integer(view, i * size, offsetType);
        if (i == 0 ? offsets[0] != 0 : offsets[i] < offsets[i - 1]) {
          violated(Rule.OFFSETS_ORDER, where + "/" + name, "offset " + i + " is " + offsets[i]
              + (i == 0 ? "" : " after " + offsets[i - 1]));
          return null;
        }
      }
      return offsets;
    }

    private void checkStrings(long[] offsets) {
      ByteBuffer values = view("values", 1);
      if (values == null) {
        return;
      }
      long last = offsets[offsets.length - 1];
      if (values.remaining() != last) {
        violated(Rule.VALUES_LENGTH, where + "/values", values.remaining() + " bytes, the last string offset "
            + last);
        return;
      }
      for (int i = 0; i + 1 < offsets.length; i++) {
        ByteBuffer string = values.slice((int) offsets[i], (int) (offsets[i + 1] - offsets[i]));
        try {
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(string);
        } catch (CharacterCodingException e) {
          violated(Rule.VALUES_VALID, where + "/values", "string " + i + " is no UTF-8");
        }
      }
    }

    private void checkValues(ByteBuffer values, long elements) {
      String componentType = property.path("componentType").asText();
      if (type.equals("BOOLEAN")) {
        int unused = (int) (8 * values.remaining() - elements);
        if (unused > 0 && (values.get(values.remaining() - 1) & 0xFF) >> (8 - unused) != 0) {
          violated(Rule.VALUES_VALID, where + "/values", "unused bits of the last byte set");
        }
      } else if (type.equals("ENUM")) {
        Set<Long> allowed = new HashSet<>();
        schema.path("enums").path(property.get("enumType").asText()).path("values")
            .forEach(value -> allowed.add(value.path("value").asLong()));
        for (int i = 0; i < elements; i++) {
          long value = integer(values, i * valueSize(), enumValueType());
          if (!allowed.contains(value)) {
            violated(Rule.VALUES_VALID, where + "/values", "value " + i + " is " + value + ", not of the enum");
          }
        }
      } else if (componentType.startsWith("FLOAT")) {
        for (int i = 0; i < elements * components(type); i++) {
          double value = componentType.equals("FLOAT32") ? values.getFloat(4 * i) : values.getDouble(8 * i);
          if (!Double.isFinite(value)) {
            violated(Rule.VALUES_VALID, where + "/values", "component " + i + " is " + value);
          }
        }
      }
    }

    /** The named buffer view's bytes, or null when it is not a view of the asset or not aligned to {@code size}. */
    private ByteBuffer view(String name, int size) {
      JsonNode index = column.path(name);
      JsonNode view = glb.json().path("bufferViews").path(index.asInt(-1));
      long offset = view.path("byteOffset").asLong(0);
      long length = view.path("byteLength").asLong();
      long bufferLength = glb.json().path("buffers").path(view.path("buffer").asInt()).path("byteLength").asLong();
      if (!index.isIntegralNumber() || view.isMissingNode() || offset + length > bufferLength) {
        violated(Rule.BUFFER_VIEWS, where + "/" + name, "buffer view " + index + " of " + view);
        return null;
      }
      if (offset % size != 0) {
        violated(Rule.ALIGNMENT, where + "/" + name, "byteOffset " + offset + " for " + size + "-byte values");
        return null;
      }
      return glb.view(index.asInt());
    }
  }

  /** The unsigned or signed integer at {@code at}; UINT64 beyond 2^63 comes out negative. */
  private static long integer(ByteBuffer buffer, int at, String integerType) {
    return switch (integerType) {
      case "INT8" -> buffer.get(at);
      case "UINT8" -> Byte.toUnsignedLong(buffer.get(at));
      case "INT16" -> buffer.getShort(at);
      case "UINT16" -> Short.toUnsignedLong(buffer.getShort(at));
      case "INT32" -> buffer.getInt(at);
      case "UINT32" -> Integer.toUnsignedLong(buffer.getInt(at));
      default -> buffer.getLong(at);
    };
  }

  // ---- feature ids

  private void checkPrimitive(JsonNode primitive, JsonNode metadata, String where) {
    checkAttributeNames(primitive.path("attributes"), where + "/attributes");
    JsonNode meshFeatures = primitive.path("extensions").path(MESH_FEATURES);
    if (meshFeatures.isMissingNode()) {
      return;
    }
    String at = where + "/extensions/" + MESH_FEATURES;
    checkUsed(MESH_FEATURES, at);
    JsonNode sets = meshFeatures.path("featureIds");
    if (sets.isEmpty()) {
      violated(Rule.FEATURE_ID_SETS, at + "/featureIds", "no feature id set");
    }
    for (int s = 0; s < sets.size(); s++) {
      checkFeatureIds(sets.get(s), primitive, metadata, at + "/featureIds/" + s);
    }
  }

  private void checkAttributeNames(JsonNode attributes, String where) {
    TreeSet<Integer> numbers = new TreeSet<>();
    for (Iterator<String> names = attributes.fieldNames(); names.hasNext(); ) {
      Matcher name = FEATURE_ID_ATTRIBUTE.matcher(names.next());
      if (name.matches()) {
        String number = name.group(1);
        if (!number.matches("0|[1-9][0-9]*")) {
          violated(Rule.ATTRIBUTE_NAMES, where, name.group() + " is not numbered");
        } else {
          numbers.add(Integer.valueOf(number));
        }
      }
    }
    if (!numbers.isEmpty() && numbers.size() != numbers.last() + 1) {
      violated(Rule.ATTRIBUTE_NAMES, where, "_FEATURE_ID_ numbers " + numbers);
    }
  }

  private void checkFeatureIds(JsonNode set, JsonNode primitive, JsonNode metadata, String where) {
    JsonNode featureCount = set.path("featureCount");
    JsonNode nullFeatureId = set.path("nullFeatureId");
    JsonNode attribute = set.path("attribute");
    if (!featureCount.isIntegralNumber() || featureCount.asLong() < 1
        || (!nullFeatureId.isMissingNode() && (!nullFeatureId.isIntegralNumber() || nullFeatureId.asLong() < 0))
        || (!attribute.isMissingNode() && (!attribute.isIntegralNumber() || attribute.asLong() < 0))
        || (set.has("label") && !IDENTIFIER.matcher(set.get("label").asText()).matches())) {
      violated(Rule.FEATURE_ID_SETS, where, set.toString());
      return;
    }
    Set<Long> ids = set.has("texture") ? null : attribute.isMissingNode() ? byVertexIndex(primitive)
        : attributeIds(primitive, attribute.asInt(), where + "/attribute");
    if (ids == null) {
      return;
    }
    if (!nullFeatureId.isMissingNode()) {
      ids.remove(nullFeatureId.asLong());
    }
    if (ids.size() != featureCount.asLong()) {
      violated(Rule.FEATURE_COUNT, where + "/featureCount", featureCount + ", but " + ids.size()
          + " distinct feature ids");
    }
    if (!set.has("propertyTable")) {
      return;
    }
    JsonNode tableIndex = set.get("propertyTable");
    JsonNode table = metadata.path("propertyTables").path(tableIndex.asInt(-1));
    if (!tableIndex.isIntegralNumber() || table.isMissingNode()) {
      violated(Rule.PROPERTY_TABLE_INDEX, where + "/propertyTable", "no property table " + tableIndex);
      return;
    }
    long rows = table.path("count").asLong();
    List<Long> outside = ids.stream().filter(id -> id < 0 || id >= rows).sorted().limit(5).toList();
    if (!outside.isEmpty()) {
      violated(Rule.FEATURE_ID_RANGE, where, "ids " + outside + " in a table of " + rows + " rows");
    }
  }

  /** Feature ids by vertex index: one per vertex of the primitive. */
  private Set<Long> byVertexIndex(JsonNode primitive) {
    long vertices = glb.json().path("accessors").path(primitive.at("/attributes/POSITION").asInt(-1))
        .path("count").asLong();
    Set<Long> ids = new HashSet<>();
    for (long i = 0; i < vertices; i++) {
      ids.add(i);
    }
    return ids;
  }

  /** The distinct values of the primitive's _FEATURE_ID_n, or null when it is no accessor of integers. */
  private Set<Long> attributeIds(JsonNode primitive, int n, String where) {
    JsonNode index = primitive.path("attributes").path("_FEATURE_ID_" + n);
    JsonNode accessor = glb.json().path("accessors").path(index.asInt(-1));
    if (accessor.isMissingNode() || !accessor.path("type").asText().equals("SCALAR")
        || accessor.path("normalized").asBoolean(false)) {
      violated(Rule.FEATURE_ID_ATTRIBUTE, where, "_FEATURE_ID_" + n + " is " + (accessor.isMissingNode()
          ? "not an accessor of the primitive" : accessor.toString()));
      return null;
    }
    Set<Long> ids = new HashSet<>();
    for (double value : glb.values(index.asInt())) {
      if (value != Math.rint(value)) {
        violated(Rule.FEATURE_ID_ATTRIBUTE, where, "feature id " + value + " is no integer");
        return null;
      }
      ids.add((long) value);
    }
    return ids;
  }
}
