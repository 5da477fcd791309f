package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.OpenApiDocument;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("API definition {root}/api")
class ApiDefinitionTest {

  private final Api api;

  ApiDefinitionTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/core/api-definition-op")
  void apiDefinitionOp() {
    String href = Links.href(api.json("/"), "service-desc").orElseThrow(() -> new AssertionError("no service-desc link"));
    Reply reply = api.get(href);
    assertEquals(200, reply.status(), reply::describe);
  }

  @Test
  @DisplayName("/conf/core/api-definition-success")
  void apiDefinitionSuccess() {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    Set<String> paths = openApi.paths().keySet();
    assertAll(
        () -> assertEquals(MediaTypes.OPENAPI_JSON, openApi.reply().mediaType(), "Content-Type of the service-desc"),
        () -> assertTrue(openApi.root().path("openapi").asText().startsWith("3.0."), "openapi version"),
        () -> assertTrue(paths.contains("/"), "the landing page is not described: " + paths),
        () -> assertTrue(paths.contains("/conformance"), "/conformance is not described: " + paths),
        () -> assertTrue(paths.contains("/collections"), "/collections is not described: " + paths),
        openApi::itemsOperations);
  }
}
