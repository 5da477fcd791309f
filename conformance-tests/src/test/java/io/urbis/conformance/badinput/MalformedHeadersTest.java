package io.urbis.conformance.badinput;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.TileGrid;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request headers that do not parse. A malformed {@code Accept} or {@code Content-Type} counts as absent, so every
 * endpoint answers as it does without the header (the default representation), never with an empty 400; a
 * malformed {@code If-None-Match} is a 400 with an OGC exception.
 */
@UrbisTest
@DisplayName("Malformed request headers")
class MalformedHeadersTest {

  private final Api api;
  private final Truth truth;

  MalformedHeadersTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  static Stream<String> malformedAccept() {
    return Stream.of("*/*;q=abc", "application/json;q=2", "a/b/c", ";;;;", "text/html;q=0.5, application/json;q=abc",
        "application/json;q=-1", "*/*;q=1.0001", "text/html;q=", "/json", "application/geo+json;;;q=0.5=1");
  }

  @ParameterizedTest(name = "Accept: {0}")
  @MethodSource("malformedAccept")
  @DisplayName("a malformed Accept gets the default representation of every endpoint")
  void malformedAcceptCountsAsAbsent(String accept) {
    assertAll(endpoints().stream().map(path -> () -> assertAnswersAsWithout(path, "Accept", accept)));
  }

  @Test
  @DisplayName("a malformed Content-Type on a GET is ignored")
  void malformedContentTypeIsIgnored() {
    assertAll(endpoints().stream().map(path -> () -> assertAnswersAsWithout(path, "Content-Type", "a/b/c")));
  }

  @Test
  @DisplayName("a malformed If-None-Match is a 400 with an OGC exception")
  void malformedIfNoneMatch() {
    assertAll(Stream.of("/collections", Layer.BUILDINGS.items() + "/1").map(path -> () ->
        OgcExceptions.assertException(api.get(path, "If-None-Match", ",,,"), 400)));
  }

  /** Landing page, conformance, API definition, collections, items, one item, tile sets and one tile with data. */
  private List<String> endpoints() {
    TileGrid grid = TileGrid.fetch(api, "WebMercatorQuad");
    double[] position = truth.pointOnFeature(Layer.STREETS, 3, grid.srid());
    String tiles = "/collections/" + Layer.STREETS.id() + "/tiles";
    return List.of("/", "/conformance", "/api", "/collections", "/collections/" + Layer.BUILDINGS.id(),
        Layer.BUILDINGS.items(), Layer.BUILDINGS.items() + "/1", tiles, tiles + "/WebMercatorQuad",
        tiles + "/" + grid.tileAt("14", position[0], position[1]).path(), "/tileMatrixSets");
  }

  private void assertAnswersAsWithout(String path, String header, String value) {
    Reply plain = api.get(path);
    Reply reply = api.get(path, header, value);
    assertEquals(plain.status(), reply.status(), () -> header + ": " + value + " -> " + reply.describe());
    assertEquals(plain.mediaType(), reply.mediaType(), () -> header + ": " + value + " -> " + reply.describe());
    assertTrue(reply.body().length > 0, () -> header + ": " + value + " -> an empty body: " + reply.describe());
  }
}
