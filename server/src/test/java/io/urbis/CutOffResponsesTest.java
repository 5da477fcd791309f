package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.Crs;
import io.urbis.query.CrsParameter;
import io.urbis.query.FeatureQuery;
import io.urbis.query.Paging;
import io.urbis.server.UrbisServer;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import io.urbis.tiles.TileRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page whose features fail to be written after the first ones (here: the next feature after {@code limit} cannot
 * be written in the requested CRS): a 400 while nothing was sent, a cut-off transfer once part of it was.
 */
class CutOffResponsesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static UrbisServer server;

  @BeforeAll
  static void serve() throws Exception {
    FeatureSource source = new FailingSource();
    server = InProcessServer.start(new ApiSettings("Failing", "", 10, 10_000),
        new Catalog(source.discover()), List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  @Test
  void aFailureBeforeAnythingWasSentIsAnOgcException() throws Exception {
    HttpResponse<String> response = get("/collections/failing/items?limit=5");
    assertEquals(400, response.statusCode(), response::body);
    JsonNode body = JSON.readTree(response.body());
    assertEquals("InvalidParameterValue", body.path("code").asText());
    assertTrue(body.path("description").asText().startsWith("Parameter 'crs'"), response::body);
  }

  @Test
  void aFailureAfterPartWasSentCutsTheTransferOff() {
    // 2,000 features of about 150 bytes: far more than the writer holds back before it sends
    assertThrows(IOException.class, () -> get("/collections/failing/items?limit=2000"),
        "a response the client could take for a whole page");
  }

  @Test
  void theServerAnswersOnNewConnectionsAfterACutOff() throws Exception {
    assertThrows(IOException.class, () -> get("/collections/failing/items?limit=2000"));
    assertEquals(200, get("/collections/failing").statusCode());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** One collection whose pages fail after {@code limit} features, as one with a feature outside the CRS would. */
  private static final class FailingSource implements FeatureSource {

    @Override
    public String label() {
      return "failing";
    }

    @Override
    public List<Collection> discover() {
      return List.of(new Collection("failing", "Failing", "", "failing", "id", JsonType.INTEGER, "geom",
          GeometryType.POINT, 4326, false, List.of(), null, new FixedData(new SpatialExtent(6.6, 51.6, 6.7, 51.7)),
          this));
    }

    @Override
    public FeatureStream query(Collection collection, FeatureQuery query) {
      return new FeatureStream() {
        private int delivered;

        @Override
        public EncodedFeature next() {
          if (delivered == query.limit()) {
            throw CrsParameter.outsideDomain(CrsParameter.CRS, Crs.epsg(25832));
          }
          delivered++;
          return EncodedFeature.ofText((long) delivered, "{\"type\":\"Point\",\"coordinates\":[6.62,51.66]}",
              "{\"name\":\"a feature with a name of some length, so that pages grow\"}");
        }

        @Override
        public Paging paging() {
          return Paging.NONE;
        }

        @Override
        public OptionalLong numberMatched() {
          return OptionalLong.empty();
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Optional<EncodedFeature> get(Collection collection, String featureId, Crs crs) {
      return Optional.empty();
    }

    @Override
    public byte[] tile(Collection collection, TileRequest request) {
      return new byte[0];
    }

    @Override
    public DataExtent extent(Collection collection) {
      return collection.data().extent();
    }

    @Override
    public String dataVersion(Collection collection) {
      return "fixed";
    }

    @Override
    public boolean isReachable() {
      return true;
    }

    @Override
    public void close() {}
  }
}
