package io.urbis.tiles;

import java.util.List;
import java.util.Optional;

/**
 * The tile matrix sets Urbis tiles in, from the OGC tile matrix set registry (OGC 17-083r4, Annex D): numbers of
 * the first matrix as registered, the others halved from it. For German municipal data in ETRS89 / UTM 32N
 * (EPSG:25832) the registry's UTM32WGS84Quad fits: its CRS, WGS 84 / UTM 32N, differs from ETRS89 / UTM 32N by
 * under a metre, and PostGIS and proj4j move between the two without a datum shift.
 */
public final class TileMatrixSets {

  private static final String REGISTRY = "http://www.opengis.net/def/tilematrixset/OGC/1.0/";
  private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
  private static final int TILE_SIZE = 256;

  public static final TileMatrixSet WEB_MERCATOR_QUAD = TileMatrixSet.quadTree(
      new TileMatrixSet.Header("WebMercatorQuad", "Google Maps Compatible for the World", REGISTRY + "WebMercatorQuad",
          EPSG + "3857", 3857, List.of("X", "Y"), "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible"),
      new TileMatrixSet.QuadTree(0, 24, 559082264.028717, 156543.033928041, -20037508.3427892, 20037508.3427892,
          TILE_SIZE, 1, 1));

  public static final TileMatrixSet WORLD_CRS84_QUAD = TileMatrixSet.quadTree(
      new TileMatrixSet.Header("WorldCRS84Quad", "CRS84 for the World", REGISTRY + "WorldCRS84Quad",
          "http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, List.of("Lon", "Lat"),
          "http://www.opengis.net/def/wkss/OGC/1.0/GoogleCRS84Quad"),
      new TileMatrixSet.QuadTree(0, 23, 279541132.014358, 0.703125, -180, 90, TILE_SIZE, 2, 1));

  public static final TileMatrixSet UTM32_WGS84_QUAD = TileMatrixSet.quadTree(
      new TileMatrixSet.Header("UTM32WGS84Quad", "Universal Transverse Mercator Zone 32 WGS84 Quad",
          REGISTRY + "UTM32WGS84Quad", EPSG + "32632", 32632, List.of("E", "N"), null),
      new TileMatrixSet.QuadTree(1, 24, 279072704.500914, 78140.3572602559, -9501965.72931276, 20003931.4586255,
          TILE_SIZE, 1, 2));

  private static final List<TileMatrixSet> ALL = List.of(WEB_MERCATOR_QUAD, WORLD_CRS84_QUAD, UTM32_WGS84_QUAD);

  private TileMatrixSets() {}

  public static List<TileMatrixSet> all() {
    return ALL;
  }

  public static Optional<TileMatrixSet> find(String id) {
    return ALL.stream().filter(set -> set.id().equals(id)).findFirst();
  }
}
