package io.urbis.conformance.oas30;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.OpenApiDocument;
import io.urbis.conformance.support.WebMercatorTiles;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every GET operation of the OpenAPI document as concrete URLs: each server URL times each path template, with
 * {@code {collectionId}} filled with every published collection and {@code {featureId}} with one of its features.
 *
 * @param template the path template, e.g. {@code /collections/{collectionId}/items}
 * @param operation the GET operation object
 * @param url a concrete URL
 * @param collectionId the collection filled in, or null
 */
record Endpoints(String template, JsonNode operation, String url, String collectionId) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
  private static final Pattern NAMED_COLLECTION = Pattern.compile("^/collections/([^/{]+)");

  static List<Endpoints> of(Api api, OpenApiDocument openApi) {
    List<String> collections = Json.elements(api.json("/collections").get("collections")).stream()
        .map(entry -> entry.path("id").asText()).toList();
    List<Endpoints> endpoints = new ArrayList<>();
    for (String server : servers(api, openApi)) {
      openApi.paths().forEach((template, item) -> {
        if (item.has("get")) {
          expand(api, template, collections).forEach(filled -> endpoints.add(new Endpoints(template, item.get("get"),
              server + filled.path(), filled.collectionId())));
        }
      });
    }
    return endpoints;
  }

  private static List<String> servers(Api api, OpenApiDocument openApi) {
    List<String> servers = Json.elements(openApi.root().get("servers")).stream()
        .map(server -> api.uri(server.path("url").asText()).toString().replaceAll("/$", "")).toList();
    return servers.isEmpty() ? List.of(api.base().toString().replaceAll("/$", "")) : servers;
  }

  private record Filled(String path, String collectionId) {}

  private static List<Filled> expand(Api api, String template, List<String> collections) {
    List<Filled> filled = new ArrayList<>();
    for (String collection : collectionsOf(template, collections)) {
      String path = collection == null ? template : template.replace("{collectionId}", Api.encode(collection));
      if (path.contains("{featureId}") && collection != null) {
        JsonNode first = api.json("/collections/" + Api.encode(collection) + "/items?limit=1").path("features").path(0);
        path = path.replace("{featureId}", Api.encode(first.path("id").asText()));
      }
      path = withTile(api, path, collection == null ? collections.get(0) : collection);
      Matcher unknown = PLACEHOLDER.matcher(path);
      if (unknown.find()) {
        fail("cannot construct a URL for " + template + ": unknown path parameter " + unknown.group());
      }
      filled.add(new Filled(path, collection));
    }
    return filled;
  }

  /**
   * Tile paths filled with WebMercatorQuad and the zoom 15 tile of the first feature of the collection, so that the
   * tile holds data.
   */
  private static String withTile(Api api, String path, String collection) {
    String filled = path.replace("{tileMatrixSetId}", "WebMercatorQuad");
    if (!filled.contains("{tileMatrix}")) {
      return filled;
    }
    JsonNode geometry = api.json("/collections/" + Api.encode(collection) + "/items?limit=1")
        .path("features").path(0).path("geometry");
    JsonNode position = geometry.path("coordinates");
    while (position.path(0).isArray()) {
      position = position.path(0);
    }
    long[] tile = WebMercatorTiles.at(position.path(0).asDouble(), position.path(1).asDouble(), 15);
    return filled.replace("{tileMatrix}/{tileRow}/{tileCol}", WebMercatorTiles.path(tile));
  }

  /**
   * What to accept to get the 200 response: {@code json} when the operation offers one of its types (or declares
   * none), else the first JSON type it offers (a DCAT catalog's JSON-LD), else its first type (tiles).
   */
  String accept(OpenApiDocument openApi, String json) {
    JsonNode content = response(openApi, 200).path("content");
    List<String> types = new ArrayList<>();
    content.fieldNames().forEachRemaining(types::add);
    List<String> asked = Stream.of(json.split(",")).map(range -> range.split(";")[0].trim()).toList();
    if (types.isEmpty() || types.stream().anyMatch(asked::contains)) {
      return json;
    }
    return types.stream().filter(type -> type.contains("json")).findFirst().orElse(types.get(0));
  }

  /** Every collection for {collectionId}, the one a path names ({@code /collections/poi/...}), or none. */
  private static List<String> collectionsOf(String template, List<String> collections) {
    if (template.contains("{collectionId}")) {
      return collections;
    }
    Matcher named = NAMED_COLLECTION.matcher(template);
    return Collections.singletonList(named.find() ? URLDecoder.decode(named.group(1), StandardCharsets.UTF_8) : null);
  }

  /** The response object the operation declares for a status: the code, its range (4XX) or default. */
  JsonNode response(OpenApiDocument openApi, int status) {
    JsonNode responses = operation.path("responses");
    for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
      if (responses.has(key)) {
        return openApi.resolve(responses.get(key));
      }
    }
    return null;
  }
}
