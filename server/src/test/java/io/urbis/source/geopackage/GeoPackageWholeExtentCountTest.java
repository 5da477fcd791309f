package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.demo.DemoCity;
import io.urbis.encode.Extent;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PropertyFilter;
import io.urbis.query.TimeInterval;
import io.urbis.source.SourceSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numberMatched of a bbox or datetime that holds all the data (as a client asks that draws the whole collection):
 * stated however many features match, the count of the features served, in the demo town's buildings (EPSG:25832, so
 * the bbox is tested after projection) with more of them than the limit of filtered counts.
 */
class GeoPackageWholeExtentCountTest {

  private static final int LIMIT = 100;
  private static final int MANY = 10_000;

  @TempDir static Path folder;
  private static Path file;
  private static GeoPackageFeatureSource source;
  private static Collection buildings;

  @BeforeAll
  static void openTheDemoTown() {
    file = DemoCity.ensure(folder.resolve("demo.gpkg"));
    source = new GeoPackageFeatureSource(file, new SourceSettings(7, LIMIT));
    buildings = GeoPackageFeatureSourceTest.collection(source, "buildings");
  }

  @Test
  void aBboxOfTheExtentTheCollectionShowsStatesTheCountOfAllFeatures() {
    long rows = count("SELECT count(*) FROM buildings");
    assertTrue(rows > LIMIT);
    Bbox shown = shownExtent();
    PageWalker.Page page = PageWalker.page(source, buildings, new FeatureQuery(shown, null, MANY, null));
    assertEquals(OptionalLong.of(rows), page.numberMatched());
    assertEquals(rows, page.ids().size(), "the features served");
    assertEquals(OptionalLong.of(rows), matched(new FeatureQuery(new Bbox(-180, -90, 180, 90), null, 1, null)));
  }

  @Test
  void aBboxShortOfTheExtentOnAnySideLeavesItOut() {
    Bbox shown = shownExtent();
    double in = 1e-6;
    List<Bbox> shortOfIt = List.of(
        new Bbox(shown.minX() + in, shown.minY(), shown.maxX(), shown.maxY()),
        new Bbox(shown.minX(), shown.minY() + in, shown.maxX(), shown.maxY()),
        new Bbox(shown.minX(), shown.minY(), shown.maxX() - in, shown.maxY()),
        new Bbox(shown.minX(), shown.minY(), shown.maxX(), shown.maxY() - in));
    for (Bbox bbox : shortOfIt) {
      assertEquals(OptionalLong.empty(), matched(new FeatureQuery(bbox, null, 1, null)), bbox.toString());
    }
  }

  @Test
  void aBboxAcrossTheAntimeridianHoldsTheDataWhenItsPartDoes() {
    Bbox shown = shownExtent();
    Bbox across = new Bbox(170, shown.minY(), shown.maxX(), shown.maxY());
    assertEquals(OptionalLong.of(count("SELECT count(*) FROM buildings")),
        matched(new FeatureQuery(across, null, 1, null)));
  }

  @Test
  void aBboxInTheStorageCrsHoldsTheDataWhenItHoldsTheirBoxMovedThere() {
    double[] box = rtreeBox();
    Crs utm = Crs.epsg(25832);
    Bbox around = new Bbox(box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1, utm);
    assertEquals(OptionalLong.of(count("SELECT count(*) FROM buildings")),
        matched(new FeatureQuery(around, null, 1, null)));
    Bbox shortInTheNorth = new Bbox(box[0] - 1, box[1] - 1, box[2] + 1, box[3] - 1, utm);
    assertEquals(OptionalLong.empty(), matched(new FeatureQuery(shortInTheNorth, null, 1, null)));
  }

  @Test
  void aDatetimeOfAllTimesStatesTheCountOfTheFeaturesThatHaveATime() {
    long timed = count("SELECT count(*) FROM buildings WHERE last_renovation IS NOT NULL");
    assertTrue(timed > LIMIT && timed < count("SELECT count(*) FROM buildings"));
    Instant first = day("min");
    Instant last = day("max");
    assertEquals(OptionalLong.of(timed), matched(new FeatureQuery(null, new TimeInterval(first, last), 1, null)));
    assertEquals(OptionalLong.of(timed), matched(new FeatureQuery(null, new TimeInterval(null, last), 1, null)));
    assertEquals(OptionalLong.of(timed), matched(new FeatureQuery(shownExtent(), new TimeInterval(first, null), 1,
        null)), "bbox and datetime both holding all");
    assertEquals(timed, PageWalker.page(source, buildings, new FeatureQuery(null, new TimeInterval(first, last),
        MANY, null)).ids().size(), "the features served");
    assertEquals(OptionalLong.empty(), matched(new FeatureQuery(null, new TimeInterval(first.plusSeconds(86_400),
        last), 1, null)), "a day short");
  }

  @Test
  void otherFiltersAreNotShortCut() {
    FeatureQuery residential = new FeatureQuery(shownExtent(), null, 1, null,
        List.of(new PropertyFilter("function", "residential")));
    assertTrue(count("SELECT count(*) FROM buildings WHERE function = 'residential'") > LIMIT);
    assertEquals(OptionalLong.empty(), matched(residential));
  }

  /** The extent as {@code /collections} writes it: in 7 decimals, as a client takes it for its bbox. */
  private static Bbox shownExtent() {
    double[] box = Extent.of(buildings.spatialExtent(), null).spatial().bbox().get(0);
    return new Bbox(box[0], box[1], box[2], box[3]);
  }

  private static double[] rtreeBox() {
    String[] box = SqliteValues.firstRow(file,
        "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rtree_buildings_geom");
    return new double[] {Double.parseDouble(box[0]), Double.parseDouble(box[1]), Double.parseDouble(box[2]),
        Double.parseDouble(box[3])};
  }

  private static Instant day(String aggregate) {
    String date = SqliteValues.firstRow(file, "SELECT " + aggregate + "(last_renovation) FROM buildings")[0];
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static OptionalLong matched(FeatureQuery query) {
    return PageWalker.page(source, buildings, query).numberMatched();
  }

  private static long count(String sql) {
    return SqliteValues.number(file, sql);
  }
}
