package io.urbis.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.MvtLayers;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileEnvelope;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixLimits;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileProperties;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles.TmsProjection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;

/**
 * Vector tiles of the benchmark city, scaled down (bench/sql/city.sql with 100 x 80 buildings: 8,000 buildings and
 * 2,000 roads on 2 x 2 km, as dense as the 200,000-building city), from PostGIS and from a GeoPackage of the same
 * tables, within a tile budget of 100,000 bytes at every zoom from 8 to 16 (a fifth of the default, as this city is a
 * 25th of the benchmark's): buildings, roads and both as the dataset's tile set. From the zoom the tile set
 * metadata calls complete on, the tiles are the whole layers and hold every row as PostGIS has it; over the budget,
 * they keep the area the buildings cover, and both sources reduce alike.
 */
class TileBudgetCityTest {

  private static final TileMatrixSet MERCATOR = TileMatrixSets.WEB_MERCATOR_QUAD;
  /** A fifth of the default, so that this city's tiles are reduced as the default reduces a big city's. */
  private static final long BUDGET = 100_000;
  private static final List<String> BUILDING_PROPERTIES = List.of("height_m", "storeys", "year_built", "function",
      "heat_demand_kwh_a", "name");

  @TempDir
  static Path folder;
  private static PostgisTestDatabase database;
  private static List<FeatureSource> sources;
  private static Map<String, Catalog> catalogs;
  private static VectorTiles tiles;

  @BeforeAll
  static void city() throws Exception {
    database = new PostgisTestDatabase();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION postgis");
    }
    database.runPsql(Path.of("..", "bench", "sql", "city.sql"), Map.of("city_columns", "100", "city_rows", "80"));
    Path geoPackage = folder.resolve("city.gpkg");
    database.exportWithGdal(geoPackage, List.of("buildings", "roads"));
    PostgisFeatureSource postgis = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    GeoPackageFeatureSource gpkg = new GeoPackageFeatureSource(geoPackage, SourceSettings.DEFAULTS);
    sources = List.of(postgis, gpkg);
    catalogs = new LinkedHashMap<>();
    catalogs.put("postgis", new CatalogBuilder().add("city", postgis).build());
    catalogs.put("geopackage", new CatalogBuilder().add("city", gpkg).build());
    tiles = new VectorTiles(new TileSettings("max-age=60", TileProperties.ALL, 0, null,
        new TileBudget(BUDGET, TileBudget.DEFAULT_MINIMUM_SIZE_IN_PIXELS, true)));
  }

  @AfterAll
  static void drop() throws Exception {
    if (sources != null) {
      sources.forEach(FeatureSource::close);
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void everyTileFromZoom8To16IsWithinTheBudget() {
    for (Map.Entry<String, Catalog> catalog : catalogs.entrySet()) {
      for (TiledData data : tileSets(catalog.getValue())) {
        for (int zoom = 8; zoom <= 16; zoom++) {
          for (TileAddress address : addresses(data, zoom)) {
            int size = tiles.tile(data, address).content().length;
            assertTrue(size <= BUDGET, catalog.getKey() + " " + data.id() + " " + at(address) + ": " + size
                + " bytes");
          }
        }
      }
    }
  }

  @Test
  void tilesOverTheBudgetAreReducedKeepingTheAreaTheBuildingsCover() throws Exception {
    Collection buildings = catalogs.get("postgis").find("buildings").orElseThrow();
    TiledData data = TiledData.of(buildings);
    int reduced = 0;
    for (int zoom = 8; zoom <= 16; zoom++) {
      TileAddress densest = densest(data, zoom);
      byte[] whole = buildings.source().tile(buildings, wholeRequest(buildings, densest));
      if (whole.length <= BUDGET) {
        continue;
      }
      reduced++;
      List<MvtLayers.Feature> served = features(data, densest);
      assertTrue(served.stream().anyMatch(feature -> feature.id() == null), at(densest)
          + ": small and thinned buildings merged into blocks");
      Geometry tile = new GeometryFactory().toGeometry(new Envelope(0, TileRequest.EXTENT, 0, TileRequest.EXTENT));
      double drawn = served.stream().mapToDouble(feature -> feature.geometry().intersection(tile).getArea()).sum();
      double covered = coveredArea(densest);
      assertEquals(covered, drawn, covered * 0.25, at(densest) + ": tile units² the buildings cover");
    }
    assertTrue(reduced >= 3, "zooms with tiles the budget reduces: " + reduced);
  }

  @Test
  void theCompleteZoomIsTheFirstFromWhichEveryTileIsTheWholeLayer() {
    for (Catalog catalog : catalogs.values()) {
      for (Collection collection : catalog.collections()) {
        TiledData data = TiledData.of(collection);
        int complete = Integer.parseInt(tiles.completeFrom(data, MERCATOR).get(collection.id()));
        for (int zoom = Math.max(complete, 8); zoom <= 16; zoom++) {
          for (TileAddress address : addresses(data, zoom)) {
            assertArrayEquals(collection.source().tile(collection, wholeRequest(collection, address)),
                tiles.tile(data, address).content(), collection.id() + " " + at(address) + " is the whole layer");
          }
        }
        int coarser = complete - 1;
        assertTrue(addresses(data, coarser).stream().anyMatch(address -> !Arrays.equals(
            collection.source().tile(collection, wholeRequest(collection, address)),
            tiles.tile(data, address).content())) || hasSmallFeatures(collection.id(), coarser),
            collection.id() + ": zoom " + coarser + " has a reduced tile or a feature below a pixel");
      }
    }
    assertEquals("16", tiles.completeFrom(TiledData.of(catalogs.get("postgis").find("buildings").orElseThrow()),
        MERCATOR).get("buildings"), "a tile of 470 m holds about 400 buildings, one of 940 m 1,500 (140 kB)");
  }

  @Test
  void atTheCompleteZoomTilesHoldEveryRowAsPostgisHasIt() throws Exception {
    Map<Long, Map<String, Object>> rows = database.rows("SELECT id, " + String.join(", ", BUILDING_PROPERTIES)
        + " FROM buildings");
    Map<Long, Geometry> geometries = geometries("SELECT id, ST_AsBinary(ST_Transform(geom, 3857)) FROM buildings");
    for (Map.Entry<String, Catalog> catalog : catalogs.entrySet()) {
      Collection buildings = catalog.getValue().find("buildings").orElseThrow();
      TiledData data = TiledData.of(buildings);
      int zoom = Integer.parseInt(tiles.completeFrom(data, MERCATOR).get("buildings"));
      Set<Long> seen = new HashSet<>();
      int compared = 0;
      for (TileAddress address : addresses(data, zoom)) {
        for (MvtLayers.Feature feature : features(data, address)) {
          String where = catalog.getKey() + " " + at(address) + " building " + feature.id();
          assertEquals(rows.get(feature.id()), MvtLayers.comparable(feature.properties()), where);
          seen.add(feature.id());
          Geometry expected = inTileUnits(geometries.get(feature.id()), address.envelope());
          if (expected.getEnvelopeInternal().getMinX() > 0 && expected.getEnvelopeInternal().getMaxX() < 4096
              && expected.getEnvelopeInternal().getMinY() > 0 && expected.getEnvelopeInternal().getMaxY() < 4096) {
            double distance = DiscreteHausdorffDistance.distance(expected, feature.geometry());
            assertTrue(distance <= 1.5, where + ": " + distance + " tile units from its geometry");
            compared++;
          }
        }
      }
      assertEquals(rows.keySet(), seen, catalog.getKey() + ": every building, no block");
      assertTrue(compared > rows.size() * 0.9, catalog.getKey() + ": geometries compared " + compared);
    }
  }

  @Test
  void bothSourcesReduceAlike() {
    for (int zoom = 10; zoom <= 13; zoom++) {
      Collection postgis = catalogs.get("postgis").find("buildings").orElseThrow();
      Collection gpkg = catalogs.get("geopackage").find("buildings").orElseThrow();
      TileAddress densest = densest(TiledData.of(postgis), zoom);
      List<MvtLayers.Feature> fromPostgis = features(TiledData.of(postgis), densest);
      List<MvtLayers.Feature> fromGeoPackage = features(TiledData.of(gpkg), densest);
      Set<Long> postgisIds = ids(fromPostgis);
      Set<Long> gpkgIds = ids(fromGeoPackage);
      Set<Long> both = new HashSet<>(postgisIds);
      both.retainAll(gpkgIds);
      Set<Long> either = new HashSet<>(postgisIds);
      either.addAll(gpkgIds);
      assertTrue(both.size() >= 0.95 * either.size(), at(densest) + ": " + both.size() + " of " + either.size()
          + " kept buildings the same");
      assertEquals(fromPostgis.size(), fromGeoPackage.size(), fromPostgis.size() * 0.05, at(densest)
          + ": features and blocks");
    }
  }

  /** The area the buildings cover in the tile, in its units, as PostGIS measures it. */
  private static double coveredArea(TileAddress address) throws Exception {
    String tile = "ST_TileEnvelope(" + address.tileMatrix().id() + ", " + address.col() + ", " + address.row() + ")";
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT sum(ST_Area(ST_Intersection(ST_Transform(geom, 3857), "
            + tile + "))) FROM buildings WHERE ST_Transform(geom, 3857) && " + tile)) {
      result.next();
      return result.getDouble(1) * Math.pow(TileRequest.EXTENT / address.envelope().width(), 2);
    }
  }

  /** Whether a feature is smaller than a pixel of the zoom (a polygon than its square), as PostGIS measures it. */
  private static boolean hasSmallFeatures(String table, int zoom) {
    double pixel = MERCATOR.tileMatrix(Integer.toString(zoom)).orElseThrow().cellSize();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT min(CASE ST_Dimension(g) WHEN 2 THEN sqrt(ST_Area(g))"
            + " ELSE ST_Length(g) END) FROM (SELECT ST_Transform(geom, 3857) AS g FROM " + table + ") t")) {
      result.next();
      return result.getDouble(1) < pixel;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<TiledData> tileSets(Catalog catalog) {
    List<TiledData> sets = new ArrayList<>();
    catalog.collections().forEach(collection -> sets.add(TiledData.of(collection)));
    sets.add(new TiledData("buildings,roads", "City", catalog.collections(), List.of("tiles"), null, ""));
    return sets;
  }

  private static List<TileAddress> addresses(TiledData data, int zoom) {
    TileMatrix matrix = MERCATOR.tileMatrix(Integer.toString(zoom)).orElseThrow();
    TileMatrixLimits limits = tiles.limits(data, MERCATOR).stream()
        .filter(l -> l.tileMatrix().equals(matrix.id())).findFirst().orElseThrow();
    List<TileAddress> addresses = new ArrayList<>();
    for (long row = limits.minTileRow(); row <= limits.maxTileRow(); row++) {
      for (long col = limits.minTileCol(); col <= limits.maxTileCol(); col++) {
        addresses.add(new TileAddress(MERCATOR, matrix, row, col));
      }
    }
    return addresses;
  }

  /** The tile of the zoom whose whole layer is heaviest. */
  private static TileAddress densest(TiledData data, int zoom) {
    Collection layer = data.layers().get(0);
    TileAddress densest = null;
    long most = -1;
    for (TileAddress address : addresses(data, zoom)) {
      long size = layer.source().wholeTileFloor(layer, wholeRequest(layer, address)).bytes();
      if (size > most) {
        most = size;
        densest = address;
      }
    }
    return densest;
  }

  private static TileRequest wholeRequest(Collection collection, TileAddress address) {
    return new TileRequest(address, TmsProjection.of(MERCATOR).toCrs84(address.bufferedEnvelope()),
        collection.properties().stream().map(p -> p.name()).toList());
  }

  /** The features of the tile's first layer; none when the tile is empty. */
  private static List<MvtLayers.Feature> features(TiledData data, TileAddress address) {
    List<MvtLayers.Layer> layers = MvtLayers.read(tiles.tile(data, address).content()).layers();
    return layers.isEmpty() ? List.of() : layers.get(0).features();
  }

  private static Set<Long> ids(List<MvtLayers.Feature> features) {
    Set<Long> ids = new HashSet<>();
    features.stream().filter(f -> f.id() != null).forEach(f -> ids.add(f.id()));
    return ids;
  }

  private static String at(TileAddress address) {
    return "tile " + address.tileMatrix().id() + "/" + address.row() + "/" + address.col();
  }

  private static Map<Long, Geometry> geometries(String sql) throws Exception {
    Map<Long, Geometry> geometries = new HashMap<>();
    WKBReader wkb = new WKBReader();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        geometries.put(result.getLong(1), wkb.read(result.getBytes(2)));
      }
    }
    return geometries;
  }

  /** A Web Mercator geometry in the tile's units: 0 to 4096 from its left and top edge. */
  private static Geometry inTileUnits(Geometry geometry, TileEnvelope tile) {
    Geometry moved = geometry.copy();
    double scale = TileRequest.EXTENT / tile.width();
    moved.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence sequence, int i) {
        sequence.setOrdinate(i, 0, (sequence.getX(i) - tile.minX()) * scale);
        sequence.setOrdinate(i, 1, (tile.maxY() - sequence.getY(i)) * scale);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return moved;
  }
}
