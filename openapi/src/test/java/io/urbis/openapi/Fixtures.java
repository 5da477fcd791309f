package io.urbis.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Literal API descriptions shared by the tests. */
final class Fixtures {

  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 5000;
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String EPSG_25832 = "http://www.opengis.net/def/crs/EPSG/0/25832";

  private Fixtures() {}

  static ApiDescription twoCollections() {
    CollectionDescription buildings = new CollectionDescription(
        "buildings", "Buildings", "Building footprints",
        List.of(
            new QueryableProperty("name", "string"),
            new QueryableProperty("floors", "integer", "int32"),
            new QueryableProperty("built", "string", "date-time"),
            new QueryableProperty("tags", "array"),
            new QueryableProperty("limit", "number")),
        List.of(CRS84, EPSG_25832), true, true);
    CollectionDescription trees = new CollectionDescription(
        "street trees", null, null, List.of(new QueryableProperty("height", "number")), List.of(), false, false);
    return new ApiDescription("Urbis", "City data", "1.0.0", "https://example.org/urbis",
        DEFAULT_LIMIT, MAX_LIMIT, List.of(buildings, trees));
  }

  /** The document as the server sends it: serialized to JSON, then read as a plain tree. */
  static JsonNode jsonTree(OpenAPI document) {
    try {
      return Json.mapper().readTree(OpenApiWriter.toJson(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
