package io.urbis;

import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.security.Authentication;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.util.List;

/** The whole application on a free loopback port, as {@code urbis serve} builds it. */
final class InProcessServer {

  private InProcessServer() {}

  static UrbisServer start(ApiSettings api, Catalog catalog, List<FeatureSource> sources) throws Exception {
    return start(api, new Tiles3dService(Tiles3dSettings.DEFAULTS), catalog, sources);
  }

  static UrbisServer start(ApiSettings api, Tiles3dService tiles3d, Catalog catalog, List<FeatureSource> sources)
      throws Exception {
    return start(api, TileSettings.DEFAULTS, tiles3d, catalog, sources);
  }

  static UrbisServer start(ApiSettings api, TileSettings tiles, Tiles3dService tiles3d, Catalog catalog,
      List<FeatureSource> sources) throws Exception {
    UrbisServer server = new UrbisServer("127.0.0.1", 0, UrbisApplication.create(api, tiles, tiles3d, catalog,
        sources, Authentication.anonymousOnly()));
    server.start();
    return server;
  }
}
