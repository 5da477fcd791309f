package io.urbis.source.geopackage;

import static io.urbis.testdata.StaleCrsList.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.Crs;
import io.urbis.demo.DemoCity;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Gdal;
import io.urbis.testdata.StaleCrsList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points proj4j cannot write in a CRS (one 90° west of UTM 32N's central meridian, where it yields infinities; one
 * far south-west of Gauss-Krueger zone 3, where its numbers lead back to another place) added to a GeoPackage after
 * the collection's CRS list was drawn: the 400 of the parameter that named the CRS, never null or made-up numbers.
 */
class GeoPackageTransformFailuresTest {

  private static final Crs UTM_32 = Crs.epsg(25832);
  private static final Crs GAUSS_KRUEGER_3 = Crs.epsg(31467);
  private static final int WESEL_POINTS = 3;
  private static final String FAR_POINT = "4";

  @TempDir static Path folder;
  private static GeoPackageFeatureSource source;
  private static StaleCrsList points;

  @BeforeAll
  static void addFarPoints() {
    assumeTrue(Gdal.has("ogr2ogr"), "GDAL's ogr2ogr writes the points");
    Path file = DemoCity.ensure(folder.resolve("demo.gpkg"));
    Gdal.append("{\"type\": \"FeatureCollection\", \"features\": [" + point(6.62, 51.66) + ", " + point(6.63, 51.66)
        + ", " + point(6.64, 51.67) + ", " + point(-81, 0) + ", " + point(-150, -60) + "]}", file, "far_points", 4326);
    source = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    points = new StaleCrsList(GeoPackageFeatureSourceTest.collection(source, "far_points"),
        new SpatialExtent(6.62, 51.66, 6.64, 51.67));
  }

  @AfterAll
  static void close() {
    if (source != null) {
      source.close();
    }
  }

  @Test
  void theListStillOffersTheCrssThePointsCannotBeWrittenIn() {
    assertTrue(points.collection().crs().containsAll(List.of(UTM_32, GAUSS_KRUEGER_3)),
        points.collection().crs()::toString);
  }

  @Test
  void aPageWithAnInfiniteCoordinateIsA400OfCrs() {
    assertRefused("crs", UTM_32, () -> points.page("crs", UTM_32.uri()));
    assertRefused("crs", UTM_32, () -> source.get(points.collection(), FAR_POINT, UTM_32));
  }

  @Test
  void aPageWithCoordinatesThatLeadElsewhereIsA400OfCrs() {
    assertRefused("crs", GAUSS_KRUEGER_3, () -> points.page("crs", GAUSS_KRUEGER_3.uri(), "bbox", "-151,-61,-149,-59"));
  }

  @Test
  void aFilterComparedInTheCrsIsA400OfFilterCrs() {
    assertRefused("filter-crs", UTM_32, () -> points.page("filter-crs", UTM_32.uri(),
        "filter", "S_INTERSECTS(geom, POINT(340000 5725000))"));
  }

  @Test
  void aBboxThatCannotBeMovedIntoCrs84IsA400OfBboxCrs() {
    assertRefused("bbox-crs", UTM_32, () -> points.page("bbox-crs", UTM_32.uri(),
        "bbox", "100000000,100000000,200000000,200000000"));
  }

  @Test
  void inCrs84EveryPointIsWritten() {
    assertEquals(WESEL_POINTS + 2, points.page());
    assertEquals(WESEL_POINTS, points.page("crs", UTM_32.uri(), "bbox", "6.6,51.6,6.7,51.7"));
  }

  private static String point(double lon, double lat) {
    return "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [" + lon
        + ", " + lat + "]}}";
  }
}
