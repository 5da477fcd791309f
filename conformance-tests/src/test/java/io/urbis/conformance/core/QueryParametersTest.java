package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.UrbisTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Error conditions of the items operation; the long list of malformed requests is badinput.BadRequestTest. */
@UrbisTest
@DisplayName("Query parameter errors")
class QueryParametersTest {

  private final Api api;

  QueryParametersTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/core/query-param-invalid")
  void queryParamInvalid() {
    assertAll(Stream.of("bbox=west,south,east,north", "limit=ten", "datetime=yesterday").map(query -> () ->
        OgcExceptions.assertException(api.get(Layer.BUILDINGS.items() + "?" + query, "Accept", MediaTypes.GEOJSON), 400)));
  }

  @Test
  @DisplayName("/conf/core/query-param-unknown")
  void queryParamUnknown() {
    assertAll(Stream.of("/", "/conformance", "/collections", "/collections/buildings", Layer.BUILDINGS.items(),
        Layer.BUILDINGS.items() + "/1").map(path -> () ->
        OgcExceptions.assertException(api.get(path + "?unknownParameter=1", "Accept", MediaTypes.JSON_OR_GEOJSON), 400)));
  }
}
