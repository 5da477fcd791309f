package io.urbis.conformance.oas30;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.OpenApiDocument;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@UrbisTest
@DisplayName("Conformance class OpenAPI 3.0")
class OpenApiTest {

  private static final String JSON_ACCEPT = MediaTypes.GEOJSON + ", " + MediaTypes.OPENAPI_JSON_30 + ", "
      + MediaTypes.JSON + ";q=0.9";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  /** The tile resources of OGC 20-057 (clause 14, Table 11): origin, then the resource below {@code tiles}. */
  private static final Pattern TILE_PATH = Pattern.compile(
      "^(/collections/[^/]+)?/tiles(/\\{tileMatrixSetId}(/\\{tileMatrix}/\\{tileRow}/\\{tileCol})?)?$");
  private static final Pattern TABLE_11_SUFFIX =
      Pattern.compile("\\.(dataset|collection)\\.vector\\.getTile(Set|SetsList)?$");
  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  private final Api api;

  OpenApiTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/oas30/oas-definition-1")
  void oasDefinition1() {
    JsonNode landing = api.json("/");
    JsonNode serviceDesc = Links.withRel(landing, "service-desc").stream().findFirst()
        .orElseThrow(() -> new AssertionError("no service-desc link"));
    assertTrue(MediaTypes.same(MediaTypes.OPENAPI_JSON_30, serviceDesc.path("type").asText()),
        "service-desc type " + serviceDesc.path("type"));
    Reply definition = api.get(serviceDesc.path("href").asText(), "Accept", MediaTypes.OPENAPI_JSON_30);
    assertEquals(200, definition.status(), definition::describe);
    assertTrue(MediaTypes.same(MediaTypes.OPENAPI_JSON_30, definition.header("Content-Type").orElse("")),
        "Content-Type of the OpenAPI document: " + definition.header("Content-Type"));
    String serviceDoc = Links.href(landing, "service-doc", MediaTypes.HTML)
        .orElseThrow(() -> new AssertionError("no service-doc link of type text/html"));
    Reply documentation = api.get(serviceDoc, "Accept", MediaTypes.HTML);
    assertEquals(200, documentation.status(), documentation::describe);
    assertEquals(MediaTypes.HTML, documentation.mediaType());
  }

  @Test
  @DisplayName("/conf/oas30/oas-definition-2")
  void oasDefinition2() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    assertTrue(openApi.root().path("openapi").asText().startsWith("3.0."), "openapi: " + openApi.root().path("openapi"));
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(openApi.reply().text(), null, options);
    assertNotNull(result.getOpenAPI(), "not an OpenAPI document: " + result.getMessages());
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    assertTrue(messages.isEmpty(), "the OpenAPI 3.0 validator reports: " + messages);
  }

  @Test
  @DisplayName("/conf/oas30/oas-impl")
  void oasImpl() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    List<Endpoints> endpoints = Endpoints.of(api, openApi);
    assertFalse(endpoints.isEmpty(), "no GET operation");
    assertAll(endpoints.stream().map(endpoint -> () -> {
      Reply reply = api.get(endpoint.url(), "Accept", endpoint.accept(openApi, JSON_ACCEPT));
      assertEquals(200, reply.status(), () -> endpoint.template() + ": " + reply.describe());
    }));
  }

  @Test
  @DisplayName("/conf/oas30/completeness")
  void completeness() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    assertAll(Endpoints.of(api, openApi).stream().flatMap(endpoint -> Stream.of(JSON_ACCEPT, MediaTypes.HTML)
        .map(accept -> (Executable) () -> {
          Reply reply = api.get(endpoint.url(), "Accept", accept);
          JsonNode declared = endpoint.response(openApi, reply.status());
          assertNotNull(declared, endpoint.template() + " does not declare the status " + reply.status());
          Set<String> mediaTypes = new TreeSet<>();
          declared.path("content").fieldNames().forEachRemaining(type -> mediaTypes.add(MediaTypes.essence(type)));
          assertTrue(reply.status() != 200 || mediaTypes.contains(reply.mediaType()), endpoint.template()
              + " answers " + reply.mediaType() + " but declares only " + mediaTypes + " for 200");
        })));
  }

  @Test
  @DisplayName("/conf/oas30/exceptions-codes")
  void exceptionsCodes() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    List<Executable> checks = new ArrayList<>();
    for (Endpoints endpoint : Endpoints.of(api, openApi)) {
      List<String> failing = new ArrayList<>(List.of(withQuery(endpoint.url(), "unknownParameter=1")));
      if (endpoint.template().endsWith("/items")) {
        failing.add(withQuery(endpoint.url(), "bbox=1,2,3"));
      }
      if (endpoint.collectionId() != null) {
        failing.add(endpoint.url().replace("/collections/" + Api.encode(endpoint.collectionId()), "/collections/nope"));
      }
      if (endpoint.template().endsWith("{featureId}")) {
        failing.add(endpoint.url().replaceAll("/[^/]+$", "/does-not-exist"));
      }
      failing.forEach(url -> checks.add(() -> assertDeclared(openApi, endpoint, api.get(url, "Accept", JSON_ACCEPT))));
      checks.add(() -> assertDeclared(openApi, endpoint, api.get(endpoint.url(), "Accept", "application/x-nope")));
    }
    assertAll(checks.stream());
  }

  @Test
  @DisplayName("/conf/oas30/operation-id (OGC 20-057): unique operationIds, tile ones ending with Table 11's suffix")
  void operationIds() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    List<String> ids = new ArrayList<>();
    List<Executable> checks = new ArrayList<>();
    openApi.paths().forEach((path, item) -> item.properties().stream()
        .filter(method -> METHODS.contains(method.getKey()))
        .forEach(method -> {
          String id = method.getValue().path("operationId").asText();
          String where = method.getKey().toUpperCase(Locale.ROOT) + " " + path + ": operationId '" + id + "'";
          ids.add(id);
          checks.add(() -> assertFalse(id.isEmpty(), where));
          checks.add(() -> assertEquals(table11Suffix(path), suffixOf(id), where));
        }));
    checks.add(() -> assertEquals(List.of(), ids.stream().filter(id -> Collections.frequency(ids, id) > 1).toList(),
        "operationIds given to several operations"));
    checks.add(() -> assertTrue(ids.contains(".dataset.vector.getTile"), "the dataset's tiles: " + ids));
    assertAll(checks.stream());
  }

  @Test
  @DisplayName("the items take offset (from 0) and filter-crs (the collection's crs, CRS84 by default)")
  void offsetAndFilterCrs() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    assertAll(openApi.itemsOperations().entrySet().stream().map(items -> () -> {
      String path = items.getKey();
      JsonNode offset = openApi.schema(openApi.parameter(path, items.getValue(), "offset")
          .orElseThrow(() -> new AssertionError(path + " takes no offset")));
      JsonNode filterCrs = openApi.schema(openApi.parameter(path, items.getValue(), "filter-crs")
          .orElseThrow(() -> new AssertionError(path + " takes no filter-crs")));
      List<String> collectionCrs = Json.elements(api.json(path.replaceAll("/items$", "")).path("crs")).stream()
          .map(JsonNode::asText).toList();
      assertAll(path,
          () -> assertEquals("integer", offset.path("type").asText(), "offset type"),
          () -> assertEquals(0, offset.path("minimum").asInt(-1), "offset minimum"),
          () -> assertEquals(0, offset.path("default").asInt(-1), "offset default"),
          () -> assertEquals(Set.copyOf(collectionCrs), Set.copyOf(Json.elements(filterCrs.path("enum")).stream()
              .map(JsonNode::asText).toList()), "filter-crs: the collection's crs"),
          () -> assertEquals(CRS84, filterCrs.path("default").asText(), "filter-crs default"));
    }));
  }

  @Test
  @DisplayName("/conf/oas30/security")
  void security() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    Set<String> schemes = new TreeSet<>();
    openApi.root().path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
    if (schemes.isEmpty()) {
      assertAll(Endpoints.of(api, openApi).stream().map(endpoint -> () -> {
        Reply reply = api.get(endpoint.url(), "Accept", JSON_ACCEPT);
        assertTrue(reply.status() != 401 && reply.status() != 403 && reply.header("WWW-Authenticate").isEmpty(),
            endpoint.template() + " demands authentication the OpenAPI document does not describe: " + reply.describe());
      }));
    } else {
      Set<String> required = new TreeSet<>();
      Stream.concat(Json.elements(openApi.root().get("security")).stream(),
              openApi.paths().values().stream().flatMap(item -> Json.elements(item.path("get").get("security")).stream()))
          .forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
      assertEquals(schemes, required, "every security scheme is used by a security requirement");
    }
  }

  private void assertDeclared(OpenApiDocument openApi, Endpoints endpoint, Reply reply) {
    assertNotNull(endpoint.response(openApi, reply.status()), endpoint.template() + " does not declare the status "
        + reply.status() + " of " + reply.uri());
  }

  /** Table 11's suffix for the operation of a path, or null where the table names none. */
  private static String table11Suffix(String path) {
    Matcher tile = TILE_PATH.matcher(path);
    if (!tile.matches()) {
      return null;
    }
    String resource = tile.group(3) != null ? "getTile" : tile.group(2) != null ? "getTileSet" : "getTileSetsList";
    return (tile.group(1) != null ? ".collection" : ".dataset") + ".vector." + resource;
  }

  private static String suffixOf(String operationId) {
    Matcher suffix = TABLE_11_SUFFIX.matcher(operationId);
    return suffix.find() ? suffix.group() : null;
  }

  private static String withQuery(String url, String query) {
    return url + (url.contains("?") ? "&" : "?") + query;
  }
}
