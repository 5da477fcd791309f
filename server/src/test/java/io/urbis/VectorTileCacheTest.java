package io.urbis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.server.UrbisServer;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vector tiles come from the cache while the data stays the same, and are built anew when it changes. */
class VectorTileCacheTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int ZOOM = 15;

  private static PostgisTestDatabase database;
  private static CountingSource source;
  private static UrbisServer server;
  private static String tilePath;

  @BeforeAll
  static void serve() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/tiles3d/city3d.sql");
    source = new CountingSource(new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of()));
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    server = InProcessServer.start(new ApiSettings("City", "", 10, 100), TileSettings.DEFAULTS,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), catalog, List.of(source));
    tilePath = "/collections/footprints/tiles/WebMercatorQuad/" + centreTile(catalog, ZOOM);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
    database.close();
  }

  @Test
  void aTileIsBuiltOnceAndBuiltAgainWhenTheTableChanges() throws Exception {
    int builtBefore = source.tilesBuilt();
    HttpResponse<byte[]> first = get(tilePath, "identity", null);
    HttpResponse<byte[]> second = get(tilePath, "identity", null);
    assertEquals(200, first.statusCode());
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(tag, second.headers().firstValue("ETag").orElseThrow());
    assertArrayEquals(first.body(), second.body());
    assertEquals(builtBefore + 1, source.tilesBuilt(), "the second request is served from the cache");
    assertEquals(304, get(tilePath, "identity", tag).statusCode());

    HttpResponse<byte[]> gzipped = get(tilePath, "gzip", null);
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
    assertArrayEquals(first.body(), new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes());
    assertEquals(builtBefore + 1, source.tilesBuilt());

    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE footprints SET name = 'Renamed ' || id");
      statement.execute("SELECT pg_stat_force_next_flush()");
    }
    String changed = tag;
    // the data version is asked at most once a second, and PostgreSQL publishes its counters about as often
    for (int tries = 0; tries < 60 && changed.equals(tag); tries++) {
      Thread.sleep(250);
      changed = get(tilePath, "identity", null).headers().firstValue("ETag").orElseThrow();
    }
    assertNotEquals(tag, changed);
    assertEquals(builtBefore + 2, source.tilesBuilt());
  }

  @Test
  void aTileOutsideTheDataIsMissingAndNotBuilt() throws Exception {
    int builtBefore = source.tilesBuilt();
    assertEquals(404, get("/collections/footprints/tiles/WebMercatorQuad/15/0/0", "identity", null).statusCode());
    assertEquals(builtBefore, source.tilesBuilt());
  }

  /** The WebMercatorQuad tile {@code zoom/row/col} at the middle of the footprints' extent. */
  static String centreTile(Catalog catalog, int zoom) {
    return centreTile(catalog.find("footprints").orElseThrow(), zoom);
  }

  /** The WebMercatorQuad tile {@code zoom/row/col} at the middle of the collection's extent. */
  static String centreTile(Collection collection, int zoom) {
    SpatialExtent extent = collection.spatialExtent();
    double lon = (extent.minLon() + extent.maxLon()) / 2;
    double lat = Math.toRadians((extent.minLat() + extent.maxLat()) / 2);
    double tiles = Math.pow(2, zoom);
    long col = (long) Math.floor((lon + 180) / 360 * tiles);
    long row = (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * tiles);
    return zoom + "/" + row + "/" + col;
  }

  private static HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Accept-Encoding", acceptEncoding);
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
