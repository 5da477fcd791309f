package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.demo.DemoCity;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.source.SourceSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OGC API - Features Part 2 on the GeoPackage source (proj4j): output CRS, axis order and bbox-crs. */
class GeoPackageCrsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;
  private static GeoPackageFeatureSource source;
  private static Collection buildings;

  @BeforeAll
  static void openTheDemoTown() {
    source = new GeoPackageFeatureSource(DemoCity.ensure(folder.resolve("demo.gpkg")), SourceSettings.DEFAULTS);
    buildings = GeoPackageFeatureSourceTest.collection(source, "buildings");
  }

  @AfterAll
  static void close() {
    source.close();
  }

  @Test
  void theStorageCrsGivesBackTheStoredMetresWithinAMillimetre() throws Exception {
    JsonNode utm = firstPosition(Crs.epsg(25832));
    JsonNode lonLat = firstPosition(Crs.CRS84);
    assertTrue(utm.get(0).asDouble() > 400_000 && utm.get(1).asDouble() > 5_700_000, utm.toString());
    assertTrue(lonLat.get(0).asDouble() < 10 && lonLat.get(1).asDouble() > 50, lonLat.toString());
    JsonNode again = firstPosition(Crs.epsg(25832));
    assertEquals(utm.get(0).asDouble(), again.get(0).asDouble(), 0.001);
  }

  @Test
  void epsg4326IsWrittenLatitudeFirst() throws Exception {
    JsonNode lonLat = firstPosition(Crs.CRS84);
    JsonNode latLon = firstPosition(Crs.epsg(4326));
    assertEquals(lonLat.get(0).asDouble(), latLon.get(1).asDouble(), 1e-9);
    assertEquals(lonLat.get(1).asDouble(), latLon.get(0).asDouble(), 1e-9);
  }

  @Test
  void aBboxInTheStorageCrsSelectsTheBuildingsThere() {
    JsonNode position;
    try {
      position = firstPosition(Crs.epsg(25832));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    double x = position.get(0).asDouble();
    double y = position.get(1).asDouble();
    Bbox around = new Bbox(x - 5, y - 5, x + 5, y + 5, Crs.epsg(25832));
    List<Long> ids = PageWalker.idsFollowingNext(source, buildings, new FeatureQuery(around, null, 100, null));
    assertFalse(ids.isEmpty());
    assertTrue(ids.contains(1L), ids.toString());
  }

  private static JsonNode firstPosition(Crs crs) throws Exception {
    String geometry = source.get(buildings, "1", crs).orElseThrow().geometryJson();
    return JSON.readTree(geometry).path("coordinates").path(0).path(0);
  }
}
