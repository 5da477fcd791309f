package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("Landing page {root}/")
class LandingPageTest {

  private final Api api;

  LandingPageTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/core/root-op")
  void rootOp() {
    Reply reply = api.get("/", "Accept", MediaTypes.JSON);
    assertEquals(200, reply.status(), reply::describe);
    assertEquals(MediaTypes.JSON, reply.mediaType());
  }

  @Test
  @DisplayName("/conf/core/root-success")
  void rootSuccess() {
    JsonNode landing = api.json("/");
    Links.assertRelTypeAndHref(landing, "landing page");
    assertTrue(Links.href(landing, "service-desc").isPresent() || Links.href(landing, "service-doc").isPresent(),
        "no service-desc or service-doc link to the API definition");
    String conformance = Links.href(landing, "conformance").orElseThrow(() -> new AssertionError("no conformance link"));
    assertTrue(api.json(conformance).path("conformsTo").isArray(), "the conformance link leads to no conformsTo");
    String data = Links.href(landing, "data", MediaTypes.JSON)
        .or(() -> Links.href(landing, "data")).orElseThrow(() -> new AssertionError("no data link"));
    assertTrue(api.json(data).path("collections").isArray(), "the data link leads to no collections");
  }
}
