package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.config.AccessConfig;
import io.urbis.security.Caller;
import io.urbis.source.Extrusion;
import io.urbis.source.FeatureSource;
import io.urbis.source.ModelBounds;
import io.urbis.source.ModelRow;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.Gdal;
import io.urbis.tiles3d.MeshEncoding;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import io.urbis.tiles3d.TilesetWalk;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * The 3D models of a GeoPackage are those PostGIS reads from the same tables: GDAL's copy of the 3D Tiles test city
 * (400 blocks as PolyhedralSurfaceZ, the same plan as 2D footprints raised by a height from a base, halls with a
 * courtyard, one footprint without height) in EPSG:25832, for whole collections and for one narrowed for an audience
 * by a row filter on a property it hides. Their 3D tiles hold every model once and keep the metadata rules, and the
 * footprints' derived area is their area on the ellipsoid.
 */
class GeoPackageModelSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Extrusion HEIGHTS = new Extrusion("height_m", "ground_m");
  /** A tenth of a millimetre: proj4j and PROJ place a UTM point alike to well within this. */
  private static final double DEGREES = 1e-9;
  /** The row filter of the narrowed footprints, on the name its audience does not see. */
  private static final String ROWS = "name LIKE 'Footprint 1%'";

  @TempDir static Path folder;
  private static PostgisTestDatabase database;
  private static PostgisFeatureSource postgis;
  private static GeoPackageFeatureSource geoPackage;
  private static Catalog postgisCatalog;
  private static Catalog geoPackageCatalog;

  @BeforeAll
  static void copyTheCityIntoAGeoPackage() throws Exception {
    assumeTrue(Gdal.has("ogr2ogr"), "ogr2ogr (gdal-bin) is not installed");
    database = new PostgisTestDatabase("/io/urbis/tiles3d/city3d.sql");
    Path file = folder.resolve("city3d.gpkg");
    database.exportWithGdal(file, List.of("blocks3d", "footprints", "flat", "empty3d"));
    postgis = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    geoPackage = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    postgisCatalog = new CatalogBuilder().add("city", postgis).build();
    geoPackageCatalog = new CatalogBuilder().add("city", geoPackage).build();
  }

  @AfterAll
  static void close() throws Exception {
    if (database != null) {
      geoPackage.close();
      postgis.close();
      database.close();
    }
  }

  @Test
  void polyhedralSurfacesAreA3dCollectionOfTheGeoPackage() {
    Collection blocks = geoPackageCatalog.find("blocks3d").orElseThrow();
    assertTrue(blocks.is3d());
    assertTrue(geoPackage.models().isPresent());
    assertTrue(new Tiles3dService(Tiles3dSettings.DEFAULTS).offers(blocks));
    assertFalse(new Tiles3dService(Tiles3dSettings.DEFAULTS).offers(geoPackageCatalog.find("flat").orElseThrow()),
        "2D polygons without a height have no models");
  }

  @Test
  void everyModelHasTheBoundsPostgisGivesIt() {
    for (String id : List.of("blocks3d", "footprints", "empty3d")) {
      Extrusion extrusion = id.equals("footprints") ? HEIGHTS : null;
      Map<String, ModelBounds> expected = bounds(postgis, postgisCatalog.find(id).orElseThrow(), extrusion);
      Map<String, ModelBounds> actual = bounds(geoPackage, geoPackageCatalog.find(id).orElseThrow(), extrusion);
      assertEquals(expected.keySet(), actual.keySet(), id);
      expected.forEach((feature, bounds) -> assertSameBounds(bounds, actual.get(feature)));
    }
    assertEquals(399, bounds(geoPackage, geoPackageCatalog.find("footprints").orElseThrow(), HEIGHTS).size(),
        "a footprint without height has no model");
  }

  @Test
  void everyModelHasThePolygonsHeightsAndPropertiesPostgisGivesIt() throws Exception {
    for (String id : List.of("blocks3d", "footprints")) {
      Extrusion extrusion = id.equals("footprints") ? HEIGHTS : null;
      // those of the tile index, which has the features with a model
      List<String> ids = List.copyOf(bounds(postgis, postgisCatalog.find(id).orElseThrow(), extrusion).keySet());
      Map<String, ModelRow> expected = models(postgis, postgisCatalog.find(id).orElseThrow(), ids, extrusion);
      Map<String, ModelRow> actual = models(geoPackage, geoPackageCatalog.find(id).orElseThrow(), ids, extrusion);
      assertEquals(expected.keySet(), actual.keySet(), id);
      for (String feature : expected.keySet()) {
        assertSameModel(expected.get(feature), actual.get(feature));
      }
    }
  }

  @Test
  void aNarrowedCollectionReadsTheRowsOfItsFilterWithoutTheHiddenProperty() throws Exception {
    Collection narrowedPostgis = narrowed(postgisCatalog);
    Collection narrowed = narrowed(geoPackageCatalog);
    assertTrue(narrowed.property("name").isEmpty());
    Map<String, ModelBounds> bounds = bounds(geoPackage, narrowed, HEIGHTS);
    Set<String> visible = new HashSet<>();
    database.ids("SELECT id FROM footprints WHERE height_m > 0 AND " + ROWS).forEach(id -> visible.add(id.toString()));
    assertTrue(visible.size() > 50 && visible.size() < 300, "the filter leaves some rows out: " + visible.size());
    assertEquals(visible, bounds.keySet());
    assertEquals(bounds(postgis, narrowedPostgis, HEIGHTS).keySet(), bounds.keySet());

    List<String> everyId = new ArrayList<>();
    for (int feature = 1; feature <= 400; feature++) {
      everyId.add(Integer.toString(feature));
    }
    Map<String, ModelRow> models = models(geoPackage, narrowed, everyId, HEIGHTS);
    assertEquals(visible, models.keySet(), "an id outside the filter has no model");
    Map<String, ModelRow> postgisModels = models(postgis, narrowedPostgis, everyId, HEIGHTS);
    for (ModelRow model : models.values()) {
      JsonNode properties = JSON.readTree(model.propertiesJson());
      assertFalse(properties.has("name"), model.propertiesJson());
      assertSameModel(postgisModels.get(model.id()), model);
    }
  }

  @Test
  void theTilesHoldEveryModelOnceKeepTheMetadataRulesAndTheFootprintsAreas() throws Exception {
    Tiles3dService tiles = new Tiles3dService(new Tiles3dSettings(0, Map.of("footprints", HEIGHTS), Map.of(),
        MeshEncoding.DEFAULT, Tiles3dSettings.DEFAULT_CACHE_BYTES, null));
    TilesetWalk blocks = walk(tiles, geoPackageCatalog.find("blocks3d").orElseThrow());
    assertEquals(400, blocks.featureIds.size());
    assertEquals(400, new HashSet<>(blocks.featureIds).size());
    blocks.assertEveryTileKeepsTheMetadataRules();

    TilesetWalk footprints = walk(tiles, geoPackageCatalog.find("footprints").orElseThrow());
    assertEquals(399, footprints.featureIds.size());
    assertEquals(399, new HashSet<>(footprints.featureIds).size());
    footprints.assertEveryTileKeepsTheMetadataRules();
    Map<String, Double> areas = ellipsoidalAreas();
    assertEquals(areas.keySet(), footprints.footprintAreas.keySet());
    Map<String, String> wrong = new TreeMap<>();
    areas.forEach((id, area) -> {
      double derived = footprints.footprintAreas.get(id);
      if (Math.abs(derived - area) > 1e-4 * area) {
        wrong.put(id, derived + " m², on the ellipsoid " + area + " m²");
      }
    });
    assertTrue(wrong.isEmpty(), "footprint areas differ: " + wrong);
  }

  private static TilesetWalk walk(Tiles3dService tiles, Collection collection) throws Exception {
    return new TilesetWalk(tiles.index(collection).scheme(), tile -> tiles.subtree(collection, tile).content(),
        tile -> tiles.content(collection, tile).content(), tiles.schema(collection).content()).walk();
  }

  /** The footprints' areas on the WGS 84 ellipsoid, by id, as PostGIS's geography measures them. */
  private static Map<String, Double> ellipsoidalAreas() throws Exception {
    Map<String, Double> areas = new HashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, ST_Area(ST_Transform(geom, 4326)::geography)"
            + " FROM footprints WHERE height_m > 0")) {
      while (rows.next()) {
        areas.put(rows.getString(1), rows.getDouble(2));
      }
    }
    return areas;
  }

  private static Collection narrowed(Catalog catalog) {
    AccessPolicy policy = AccessPolicy.of(new AccessConfig(null, Map.of("footprints", Map.of(
        "public", new AccessConfig.Rule("read", List.of("name"), ROWS)))), catalog);
    return policy.viewOf(new Caller("citizen", Set.of("public"))).catalog().find("footprints").orElseThrow();
  }

  private static Map<String, ModelBounds> bounds(FeatureSource source, Collection collection, Extrusion extrusion) {
    Map<String, ModelBounds> bounds = new HashMap<>();
    source.models().orElseThrow().bounds(collection, extrusion).forEach(b -> bounds.put(b.id(), b));
    return bounds;
  }

  private static Map<String, ModelRow> models(FeatureSource source, Collection collection, List<String> ids,
      Extrusion extrusion) {
    Map<String, ModelRow> models = new HashMap<>();
    source.models().orElseThrow().models(collection, ids, extrusion, row -> models.put(row.id(), row));
    return models;
  }

  private static void assertSameBounds(ModelBounds expected, ModelBounds actual) {
    String id = expected.id();
    assertEquals(expected.minLon(), actual.minLon(), DEGREES, id);
    assertEquals(expected.minLat(), actual.minLat(), DEGREES, id);
    assertEquals(expected.maxLon(), actual.maxLon(), DEGREES, id);
    assertEquals(expected.maxLat(), actual.maxLat(), DEGREES, id);
    assertEquals(expected.minZ(), actual.minZ(), 1e-9, id);
    assertEquals(expected.maxZ(), actual.maxZ(), 1e-9, id);
  }

  /** The same polygons (their points in the same order, heights exact), extrusion and property values. */
  private static void assertSameModel(ModelRow expected, ModelRow actual) throws Exception {
    String id = expected.id();
    assertEquals(expected.base(), actual.base(), 0, id);
    assertEquals(expected.height(), actual.height(), 0, id);
    // numbers by value: PostgreSQL writes a whole float8 without decimals
    assertTrue(JSON.readTree(expected.propertiesJson()).equals((a, b) -> a.isNumber() && b.isNumber()
        ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1, JSON.readTree(actual.propertiesJson())),
        id + ": " + expected.propertiesJson() + " and " + actual.propertiesJson());
    Geometry expectedPolygons = new WKBReader().read(expected.polygonsWkb());
    Geometry actualPolygons = new WKBReader().read(actual.polygonsWkb());
    assertEquals(expectedPolygons.getNumGeometries(), actualPolygons.getNumGeometries(), id);
    Coordinate[] expectedPoints = expectedPolygons.getCoordinates();
    Coordinate[] actualPoints = actualPolygons.getCoordinates();
    assertEquals(expectedPoints.length, actualPoints.length, id);
    for (int i = 0; i < expectedPoints.length; i++) {
      assertEquals(expectedPoints[i].getX(), actualPoints[i].getX(), DEGREES, id);
      assertEquals(expectedPoints[i].getY(), actualPoints[i].getY(), DEGREES, id);
      if (!actual.isExtruded()) {
        assertEquals(expectedPoints[i].getZ(), actualPoints[i].getZ(), 0, id);
      }
    }
  }
}
