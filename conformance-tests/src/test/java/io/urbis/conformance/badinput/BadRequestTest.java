package io.urbis.conformance.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisTest;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, hostile and unknown requests: each gets its exact 4xx status and an OGC exception report, never a 500,
 * and none of them changes the data.
 */
@UrbisTest
@DisplayName("Bad requests")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadRequestTest {

  private static final String ITEMS = Layer.BUILDINGS.items();
  private static final String TILES = "/collections/" + Layer.BUILDINGS.id() + "/tiles";
  private static final String BAD_ACCEPT = "application/x-nope";
  /** Stands for the name of the paging cursor parameter, read from a next link at run time. */
  private static final String CURSOR = "{cursor}";
  /** Stands for the query of a next link (a page start of its own), read at run time. */
  private static final String NEXT = "{next}";
  private static final Set<String> NOT_CURSORS = Set.of("limit", "f", "bbox", "datetime");
  private static final int BUILDINGS = 1200;

  private final Api api;
  private final Truth truth;

  BadRequestTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  static Stream<BadRequest> badRequests() {
    return Stream.of(
        // refused by Jetty before any resource: still an OGC exception, not Jetty's HTML page
        bad("/collections/a%2Fb"),
        bad("/tileMatrixSets/%00"),
        bad(ITEMS + "?bbox=abc"),
        bad(ITEMS + "?bbox=1,2,3"),
        bad(ITEMS + "?bbox=1,2,3,4,5"),
        bad(ITEMS + "?bbox=1,2,3,4,5,6,7"),
        bad(ITEMS + "?bbox=NaN,0,1,1"),
        bad(ITEMS + "?bbox=0,0,Infinity,1"),
        bad(ITEMS + "?bbox=-Infinity,0,1,1"),
        bad(ITEMS + "?bbox=0,10,1,5"),
        bad(ITEMS + "?bbox=0,0,10,1,1,5"),
        bad(ITEMS + "?bbox=1e309,0,1,1"),
        bad(ITEMS + "?bbox=1,2,3,4;DROP%20TABLE%20buildings"),
        bad(ITEMS + "?bbox=%27"),
        bad(ITEMS + "?bbox=1,,3,4"),
        bad(ITEMS + "?bbox=0,0,1d,1"),
        bad(ITEMS + "?bbox=0x1p3,0,10,1"),
        bad(ITEMS + "?bbox=1,2,3,4&bbox=5,6,7,8"),
        bad(ITEMS + "?limit=0"),
        bad(ITEMS + "?limit=-1"),
        bad(ITEMS + "?limit=abc"),
        bad(ITEMS + "?limit=1.5"),
        bad(ITEMS + "?limit=1e3"),
        bad(ITEMS + "?limit=%20"),
        bad(ITEMS + "?limit=10&limit=20"),
        bad(ITEMS + "?offset=-1"),
        bad(ITEMS + "?offset=abc"),
        bad(ITEMS + "?offset=1.5"),
        bad(ITEMS + "?offset=1e3"),
        bad(ITEMS + "?offset=%20"),
        bad(ITEMS + "?offset=10%20OR%201=1"),
        bad(ITEMS + "?offset=10&offset=20"),
        bad(ITEMS + "?offset=10&" + NEXT),
        bad(ITEMS + "?datetime=2020-13-01"),
        bad(ITEMS + "?datetime=2020-13-01T00:00:00Z"),
        bad(ITEMS + "?datetime=2020-02-30T00:00:00Z"),
        bad(ITEMS + "?datetime=2020-01-01T25:00:00Z"),
        bad(ITEMS + "?datetime=2020-01-01T00:00:00"),
        bad(ITEMS + "?datetime=2020"),
        bad(ITEMS + "?datetime=2020-01-01T00:00:00Z/2019-01-01T00:00:00Z"),
        bad(ITEMS + "?datetime=../.."),
        bad(ITEMS + "?datetime=/"),
        bad(ITEMS + "?datetime=2020-01-01T00:00:00Z;DROP%20TABLE%20buildings"),
        bad(ITEMS + "?datetime=%27%20OR%20%271%27=%271"),
        bad(ITEMS + "?foo=bar"),
        bad(ITEMS + "?BBOX=0,0,1,1"),
        bad(ITEMS + "?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/99999&bbox=0,0,1,1"),
        bad(ITEMS + "?bbox-crs=EPSG%3A4326%27--&bbox=0,0,1,1"),
        bad(ITEMS + "?crs=http://www.opengis.net/def/crs/EPSG/0/2056"),
        bad(ITEMS + "?crs=not-a-crs"),
        bad(ITEMS + "/1?crs=http://www.opengis.net/def/crs/EPSG/0/99999"),
        bad(ITEMS + "?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/25832&bbox=441000,5760000,440000,5761000"),
        bad("/collections?limit=5"),
        bad("/collections?f=xml"),
        bad(ITEMS + "?f=%27"),
        bad(ITEMS + "?" + CURSOR + "=garbage"),
        bad(ITEMS + "?" + CURSOR + "=AAAAAAAAAAAA"),
        bad(ITEMS + "?" + CURSOR + "=%27%3BDROP%20TABLE%20buildings--"),
        bad(ITEMS + "?" + CURSOR + "=" + "x".repeat(1000)),
        bad(TILES + "/WebMercatorQuad/x/0/0"),
        bad(TILES + "/WebMercatorQuad/3/-1/0"),
        bad(TILES + "/WebMercatorQuad/3/0/-1"),
        bad(TILES + "/WebMercatorQuad/-3/0/0"),
        bad(TILES + "/WebMercatorQuad/3/1.5/0"),
        bad(TILES + "/WebMercatorQuad/3/0/1e3"),
        bad(TILES + "/WebMercatorQuad/3/0/%27%3BDROP%20TABLE%20buildings--"),
        bad(TILES + "/WebMercatorQuad?foo=bar"),
        bad("/tiles/WebMercatorQuad/3/4/4?collections=nope"),
        bad("/tiles/WebMercatorQuad/3/4/4?collections=buildings,buildings"),
        bad("/tiles/WebMercatorQuad/3/4/4?collections=%27%3BDROP%20TABLE%20buildings--"),
        unacceptable("/"),
        unacceptable("/collections"),
        unacceptable(ITEMS),
        unacceptable(ITEMS + "/1"),
        notFound(TILES + "/WebMercatorQuad/3/8/0"),
        notFound(TILES + "/WebMercatorQuad/3/0/8"),
        notFound(TILES + "/WebMercatorQuad/25/0/0"),
        notFound(TILES + "/WebMercatorQuad/16/0/0"),
        notFound(TILES + "/WebMercatorQuad/3/0/99999999999999999999"),
        notFound(TILES + "/UTM32WGS84Quad/0/0/0"),
        notFound(TILES + "/Nope/3/0/0"),
        notFound(TILES + "/Nope"),
        notFound(TILES + "/WorldCRS84Quad/tilejson"),
        notFound("/tiles/Nope/3/0/0"),
        notFound("/tileMatrixSets/Nope"),
        notFound("/collections/nope/tiles"),
        notFound("/collections/nope/tiles/WebMercatorQuad/3/4/4"),
        notFound("/collections/nope"),
        notFound("/collections/nope/items"),
        notFound("/collections/BUILDINGS"),
        notFound("/collections/spatial_ref_sys"),
        notFound("/collections/notes/items"),
        notFound("/collections/hidden.secrets/items"),
        notFound("/collections/gpkg_contents"),
        notFound("/collections/gpkg_spatial_ref_sys/items"),
        notFound("/collections/rtree_buildings_geom/items"),
        notFound("/collections/buildings%3BDROP%20TABLE%20buildings/items"),
        notFound("/collections/%27/items"),
        notFound(ITEMS + "/999999"),
        notFound(ITEMS + "/abc"),
        notFound(ITEMS + "/-1"),
        notFound(ITEMS + "/1.5"),
        notFound(ITEMS + "/99999999999999999999"),
        notFound(ITEMS + "/1%27%20OR%20%271%27=%271"),
        notFound(ITEMS + "/1%3BDROP%20TABLE%20buildings"),
        notFound(ITEMS + "/" + "a".repeat(5000)),
        notFound(Layer.POI.items() + "/%27"),
        notFound(Layer.POI.items() + "/%C3%BCn%C3%AFc%C3%B6d%C3%A9"),
        notFound(Layer.SENSORS.items() + "/%F0%9F%8F%A0"));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  @DisplayName("answers each bad request with its 4xx status and an OGC exception")
  void answersWithOgcException(BadRequest request) {
    String target = request.target();
    if (target.contains(CURSOR)) {
      target = target.replace(CURSOR, cursorParameter());
    }
    if (target.contains(NEXT)) {
      target = target.replace(NEXT, URI.create(nextLink()).getRawQuery());
    }
    OgcExceptions.assertException(api.get(target, "Accept", request.accept()), request.status());
  }

  @Order(2)
  @Test
  @DisplayName("the bad requests left the data as it was")
  void dataUnchanged(Urbis urbis) {
    assertEquals(BUILDINGS, truth.count(Layer.BUILDINGS), "rows in buildings");
    if (api.source() == Source.GEOPACKAGE) {
      urbis.geoPackage().assertUnchanged();
    }
  }

  /** The query parameter of a next link that is neither limit, f, bbox nor datetime. */
  private String cursorParameter() {
    String next = nextLink();
    String query = URI.create(next).getRawQuery();
    return Arrays.stream(query == null ? new String[0] : query.split("&"))
        .map(pair -> pair.split("=", 2)[0])
        .filter(name -> !NOT_CURSORS.contains(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cursor parameter in the next link " + next));
  }

  private String nextLink() {
    JsonNode first = api.json(ITEMS + "?limit=10");
    return FeaturePages.link(first, "next").orElseThrow(() -> new AssertionError("no next link on " + ITEMS));
  }

  private static BadRequest bad(String target) {
    return new BadRequest(target, MediaTypes.JSON_OR_GEOJSON, 400);
  }

  private static BadRequest notFound(String target) {
    return new BadRequest(target, MediaTypes.JSON_OR_GEOJSON, 404);
  }

  private static BadRequest unacceptable(String target) {
    return new BadRequest(target, BAD_ACCEPT, 406);
  }

  /** One malformed request and the status it must get. */
  record BadRequest(String target, String accept, int status) {
    @Override
    public String toString() {
      String shown = target.length() > 90 ? target.substring(0, 90) + "...(" + target.length() + " chars)" : target;
      return status + " for GET " + shown + (accept.equals(BAD_ACCEPT) ? " (Accept: " + accept + ")" : "");
    }
  }
}
