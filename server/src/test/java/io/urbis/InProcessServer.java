package io.urbis;

import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.config.AccessConfig;
import io.urbis.config.EditingConfig;
import io.urbis.catalog.Catalog;
import io.urbis.security.ApiKeys;
import io.urbis.security.Authentication;
import io.urbis.security.Operators;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

/**
 * The whole application on a free loopback port, as {@code urbis serve} builds it, taking two API keys: one of an
 * operator (role {@code operator}) and one of a planner.
 */
final class InProcessServer {

  static final String OPERATOR_KEY = "0f5e1c2d3b4a59687766554433221100";
  static final String PLANNER_KEY = "5b0e2c7d9f1a3b4c6d8e0f2a4b6c8d0e";
  private static final ApiKeys KEYS = new ApiKeys(List.of(
      new ApiKeys.Entry("monitoring", ApiKeys.sha256(OPERATOR_KEY), Set.of(Operators.DEFAULT_ROLE)),
      new ApiKeys.Entry("planning-office", ApiKeys.sha256(PLANNER_KEY), Set.of("planner"))));

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private InProcessServer() {}

  /** A GET of {@code path} from {@code server}, with an API key header unless it is null. */
  static HttpResponse<String> get(UrbisServer server, String path, String apiKey) throws Exception {
    return HTTP.send(request(server, path, apiKey), HttpResponse.BodyHandlers.ofString());
  }

  /** The same, the body as bytes (tiles). */
  static HttpResponse<byte[]> getBytes(UrbisServer server, String path, String apiKey) throws Exception {
    return HTTP.send(request(server, path, apiKey), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest request(UrbisServer server, String path, String apiKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    return request.build();
  }

  static UrbisServer start(ApiSettings api, Catalog catalog, List<FeatureSource> sources) throws Exception {
    return start(api, new Tiles3dService(Tiles3dSettings.DEFAULTS), catalog, sources);
  }

  static UrbisServer start(ApiSettings api, Tiles3dService tiles3d, Catalog catalog, List<FeatureSource> sources)
      throws Exception {
    return start(api, TileSettings.DEFAULTS, tiles3d, catalog, sources);
  }

  static UrbisServer start(ApiSettings api, TileSettings tiles, Tiles3dService tiles3d, Catalog catalog,
      List<FeatureSource> sources) throws Exception {
    return start(api, tiles, tiles3d, AccessPolicy.of(AccessConfig.OPEN, catalog), sources);
  }

  /** The server applying the access rules of {@code access} (built over the served catalog). */
  static UrbisServer start(ApiSettings api, TileSettings tiles, Tiles3dService tiles3d, AccessPolicy access,
      List<FeatureSource> sources) throws Exception {
    UrbisServer server = new UrbisServer("127.0.0.1", 0, UrbisApplication.create(api, tiles, tiles3d, access,
        sources, new Authentication(KEYS, null), Operators.DEFAULT_ROLE, EditingConfig.DEFAULTS));
    server.start();
    return server;
  }
}
