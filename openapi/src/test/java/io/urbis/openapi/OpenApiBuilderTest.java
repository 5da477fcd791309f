package io.urbis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OpenApiBuilderTest {

  private final JsonNode document =
      Fixtures.jsonTree(OpenApiBuilder.build(Fixtures.twoCollections()));

  @Test
  void declaresOpenApi303WithInfoAndServer() {
    assertEquals("3.0.3", document.path("openapi").asText());
    assertEquals("Urbis", document.at("/info/title").asText());
    assertEquals("1.0.0", document.at("/info/version").asText());
    assertEquals("https://example.org/urbis", document.at("/servers/0/url").asText());
  }

  @Test
  void hasServerAndTilePathsAndElevenPathsPerCollectionAnd3dTilesWhereTheCollectionHasThem() {
    List<String> paths = new ArrayList<>();
    document.path("paths").fieldNames().forEachRemaining(paths::add);
    List<String> expected = new ArrayList<>(List.of("/", "/conformance", "/api", "/collections", "/catalog",
        "/tileMatrixSets", "/tileMatrixSets/{tileMatrixSetId}"));
    expected.addAll(tilePaths("/tiles"));
    for (String collection : List.of("/collections/buildings", "/collections/street%20trees")) {
      expected.addAll(List.of(collection, collection + "/items", collection + "/queryables", collection + "/schema",
          collection + "/sortables", collection.replace("/collections/", "/catalog/"),
          collection + "/items/{featureId}"));
      expected.addAll(tilePaths(collection + "/tiles"));
      if (collection.endsWith("buildings")) {
        expected.addAll(List.of(collection + "/3dtiles", collection + "/3dtiles/schema.json",
            collection + "/3dtiles/subtrees/{level}/{x}/{y}.subtree",
            collection + "/3dtiles/content/{level}/{x}/{y}.glb"));
      }
    }
    assertEquals(expected, paths);
  }

  @Test
  void a3dTileIsBinaryGltfAddressedByLevelAndColumnAndRow() {
    JsonNode operation = operation("/collections/buildings/3dtiles/content/{level}/{x}/{y}.glb");
    assertEquals("buildings.get3dTileContent", operation.path("operationId").asText());
    List<String> parameters = new ArrayList<>();
    operation.path("parameters").forEach(p -> parameters.add(p.path("$ref").asText()));
    assertEquals(List.of("#/components/parameters/level", "#/components/parameters/x", "#/components/parameters/y"),
        parameters);
    assertTrue(document.at("/components/responses/TileContent3d/content").has("model/gltf-binary"));
    assertTrue(document.at("/components/responses/Tileset3d/content").has("application/json+3dtiles"));
  }

  @Test
  void tilesAnswerNoContentWhenEmpty() {
    JsonNode responses = operation("/collections/buildings/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
        .path("responses");
    assertEquals("#/components/responses/EmptyTile", responses.at("/204/$ref").asText());
  }

  @Test
  void tileOperationsEndWithTheSuffixesOfOgc20057Table11() {
    String collection = "/collections/buildings/tiles";
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/tiles", ".dataset.vector.getTileSetsList");
    expected.put("/tiles/{tileMatrixSetId}", ".dataset.vector.getTileSet");
    expected.put("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", ".dataset.vector.getTile");
    expected.put("/tiles/{tileMatrixSetId}/tilejson", "getTileJson");
    expected.put(collection, "buildings.collection.vector.getTileSetsList");
    expected.put(collection + "/{tileMatrixSetId}", "buildings.collection.vector.getTileSet");
    expected.put(collection + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
        "buildings.collection.vector.getTile");
    expected.put(collection + "/{tileMatrixSetId}/style", "buildings.getStyle");
    expected.put("/tileMatrixSets", "getTileMatrixSetsList");
    expected.put("/tileMatrixSets/{tileMatrixSetId}", "getTileMatrixSet");
    Map<String, String> actual = new LinkedHashMap<>();
    expected.keySet().forEach(path -> actual.put(path, operation(path).path("operationId").asText()));
    assertEquals(expected, actual);
  }

  @Test
  void everyOperationHasAnIdNoOtherOperationHas() {
    CollectionDescription[] dotted = Stream.of("a", "a.collection", "a.collection.vector", "a.getFeatures")
        .map(id -> new CollectionDescription(id, null, null, List.of(), List.of(), false, true))
        .toArray(CollectionDescription[]::new);
    ApiDescription withDots = new ApiDescription("t", null, "1", "http://x", 10, 100, List.of(dotted));
    for (JsonNode tree : List.of(document, Fixtures.jsonTree(OpenApiBuilder.build(withDots)))) {
      List<String> ids = new ArrayList<>();
      tree.path("paths").forEach(item -> item.forEach(operation -> ids.add(operation.path("operationId").asText())));
      assertFalse(ids.contains(""), "an operation without operationId: " + ids);
      assertEquals(ids.size(), Set.copyOf(ids).size(), "repeated operationIds: " + ids);
    }
  }

  private static List<String> tilePaths(String prefix) {
    return List.of(prefix, prefix + "/{tileMatrixSetId}", prefix + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
        prefix + "/{tileMatrixSetId}/tilejson", prefix + "/{tileMatrixSetId}/style");
  }

  @Test
  void namesOperationsAfterTheCollection() {
    assertEquals("getLandingPage", operation("/").path("operationId").asText());
    assertEquals("buildings.getFeatures",
        operation("/collections/buildings/items").path("operationId").asText());
    assertEquals("street_trees.getFeature",
        operation("/collections/street%20trees/items/{featureId}").path("operationId").asText());
    assertEquals("street_trees.getQueryables",
        operation("/collections/street%20trees/queryables").path("operationId").asText());
  }

  @Test
  void limitSchemaCarriesDefaultAndMaximum() {
    JsonNode limit = document.at("/components/parameters/limit/schema");
    assertTrue(limit.path("default").isInt(), "QGIS reads only integer JSON numbers");
    assertEquals(Fixtures.DEFAULT_LIMIT, limit.path("default").asInt());
    assertEquals(Fixtures.MAX_LIMIT, limit.path("maximum").asInt());
    assertEquals(1, limit.path("minimum").asInt());
  }

  @Test
  void itemsReferenceSharedParametersThenFilterOnScalarProperties() {
    assertEquals(List.of("#/components/parameters/itemsFormat", "#/components/parameters/bbox",
            "#/components/parameters/bbox-crs", "#/components/parameters/crs", "#/components/parameters/datetime",
            "#/components/parameters/filter", "#/components/parameters/filter-lang", "filter-crs",
            "#/components/parameters/properties", "#/components/parameters/skipGeometry",
            "#/components/parameters/sortby", "#/components/parameters/limit", "#/components/parameters/offset",
            "#/components/parameters/cursor", "name", "floors", "built"),
        parameterRefsOrNames("/collections/buildings/items"));
  }

  @Test
  void filterCrsTakesTheCollectionsCrsWithCrs84FirstAndByDefault() {
    JsonNode buildings = parameter("/collections/buildings/items", "filter-crs");
    assertEquals(List.of(Fixtures.CRS84, Fixtures.EPSG_25832), texts(buildings.at("/schema/enum")));
    assertEquals(Fixtures.CRS84, buildings.at("/schema/default").asText());
    assertEquals("uri", buildings.at("/schema/format").asText());
    assertEquals("query", buildings.path("in").asText());
    assertEquals(List.of(Fixtures.CRS84),
        texts(parameter("/collections/street%20trees/items", "filter-crs").at("/schema/enum")));
  }

  @Test
  void offsetIsACountFromZeroThatSaysItsCost() {
    JsonNode offset = document.at("/components/parameters/offset");
    assertEquals("integer", offset.at("/schema/type").asText());
    assertEquals(0, offset.at("/schema/minimum").asInt());
    assertTrue(offset.at("/schema/default").isInt(), "default 0");
    assertEquals(0, offset.at("/schema/default").asInt());
    assertTrue(offset.path("description").asText().contains("`next`"), offset.path("description").asText());
  }

  @Test
  void offsetAndFilterCrsAreParametersOfTheItemsOnly() {
    List<String> taking = new ArrayList<>();
    document.path("paths").properties().forEach(path -> {
      List<String> names = parameterRefsOrNames(path.getKey());
      if (names.contains("#/components/parameters/offset") || names.contains("filter-crs")) {
        taking.add(path.getKey());
      }
    });
    assertEquals(List.of("/collections/buildings/items", "/collections/street%20trees/items"), taking);
  }

  @Test
  void itemsWithoutTimeStillTakeDatetimeAndSayItSelectsAll() {
    JsonNode items = operation("/collections/street%20trees/items");
    assertTrue(parameterRefsOrNames("/collections/street%20trees/items")
        .contains("#/components/parameters/datetime"), "Core requires datetime everywhere");
    assertTrue(items.path("description").asText().contains("no time"));
    assertTrue(operation("/collections/buildings/items").path("description").isMissingNode());
  }

  @Test
  void bboxTakesFourToSixNumbersAndExactlyFourOrSix() {
    JsonNode schema = document.at("/components/parameters/bbox/schema");
    assertEquals("array", schema.path("type").asText());
    assertEquals("number", schema.at("/items/type").asText());
    assertEquals(4, schema.path("minItems").asInt(), "the OGC suite reads minItems from the schema itself");
    assertEquals(6, schema.path("maxItems").asInt(), "the OGC suite reads maxItems from the schema itself");
    assertEquals(List.of("4-4", "6-6"), schema.path("oneOf").valueStream()
        .map(option -> option.path("minItems").asInt() + "-" + option.path("maxItems").asInt()).toList());
    schema.path("oneOf").forEach(option -> assertFalse(option.has("type"), "the options bound the array: " + option));
    assertFalse(document.at("/components/parameters/bbox/explode").asBoolean());
  }

  @Test
  void itemsAnswerWithTheCollectionsFeatureSchema() {
    JsonNode responses = operation("/collections/buildings/items").path("responses");
    assertEquals("#/components/responses/Features_buildings", responses.at("/200/$ref").asText());
    assertEquals("#/components/responses/NotModified", responses.at("/304/$ref").asText());
    assertEquals("#/components/responses/NotFound", responses.at("/404/$ref").asText());
    JsonNode floors = document.at("/components/schemas/properties_buildings/properties/floors");
    assertEquals("integer", floors.path("type").asText());
    assertEquals("int32", floors.path("format").asText());
  }

  @Test
  void rejectsCollectionsThatShareAComponentName() {
    CollectionDescription a = new CollectionDescription("a b", null, null, List.of(), List.of(), false, false);
    CollectionDescription b = new CollectionDescription("a_b", null, null, List.of(), List.of(), false, false);
    ApiDescription api = new ApiDescription("t", null, "1", "http://x", 10, 100, List.of(a, b));
    assertThrows(IllegalArgumentException.class, () -> OpenApiBuilder.build(api));
  }

  @Test
  void buildsAFreshDocumentEachTime() {
    ApiDescription other = new ApiDescription("t", null, "1", "http://x", 7, 70, List.of());
    OpenApiBuilder.build(other);
    assertEquals(Fixtures.DEFAULT_LIMIT,
        Fixtures.jsonTree(OpenApiBuilder.build(Fixtures.twoCollections()))
            .at("/components/parameters/limit/schema/default").asInt());
  }

  @Test
  void declaresAllSharedComponents() {
    checkHasKeys("/components/parameters", "bbox", "datetime", "limit", "featureId", "f", "cursor");
    checkHasKeys("/components/schemas", "landingPage", "confClasses", "link", "collections",
        "collection", "extent", "featureCollectionGeoJSON", "featureGeoJSON", "geometryGeoJSON",
        "pointGeoJSON", "multipointGeoJSON", "linestringGeoJSON", "multilinestringGeoJSON",
        "polygonGeoJSON", "multipolygonGeoJSON", "geometrycollectionGeoJSON", "exception");
    checkHasKeys("/components/responses", "LandingPage", "ConformanceDeclaration", "Collections",
        "Collection", "Features", "Feature", "InvalidParameter", "NotFound", "NotAcceptable",
        "ServerError");
  }

  private JsonNode operation(String path) {
    return document.path("paths").path(path).path("get");
  }

  private JsonNode parameter(String path, String name) {
    return operation(path).path("parameters").valueStream().filter(p -> name.equals(p.path("name").asText()))
        .findFirst().orElseThrow(() -> new AssertionError(path + " has no parameter " + name));
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asText).toList();
  }

  private List<String> parameterRefsOrNames(String path) {
    List<String> found = new ArrayList<>();
    for (JsonNode parameter : operation(path).path("parameters")) {
      found.add(parameter.has("$ref")
          ? parameter.get("$ref").asText()
          : parameter.get("name").asText());
    }
    return found;
  }

  private void checkHasKeys(String pointer, String... keys) {
    for (String key : keys) {
      assertTrue(document.at(pointer).has(key), pointer + " lacks " + key);
    }
  }

}
