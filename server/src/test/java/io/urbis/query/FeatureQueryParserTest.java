package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.catalog.CurrentData;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.Crs;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.SpatialOperator;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.error.InvalidParameterException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeatureQueryParserTest {

  private static final Collection BUILDINGS = new Collection("buildings", "Buildings", "", "buildings", "id",
      JsonType.INTEGER, "geom", GeometryType.POLYGON, 25832, false,
      List.of(new Property("storeys", JsonType.INTEGER), new Property("function", JsonType.STRING),
          new Property("built", JsonType.DATE), new Property("extra", JsonType.OBJECT)),
      null, FixedData.NONE, null);

  private final FeatureQueryParser parser = new FeatureQueryParser(10, 500);

  @Test
  void withoutParametersTheFirstPageOfTheDefaultSizeIsAsked() {
    FeatureQuery query = parser.parse(Map.of(), BUILDINGS);
    assertEquals(10, query.limit());
    assertNull(query.bbox());
    assertTrue(query.isFirstPage());
  }

  @Test
  void everyKnownParameterIsParsed() {
    FeatureQuery query = parser.parse(Map.of("bbox", List.of("1,2,3,4"), "datetime", List.of("2020-01-01"),
        "limit", List.of("9999"), "f", List.of("json")), BUILDINGS);
    assertEquals(new Bbox(1, 2, 3, 4), query.bbox());
    assertTrue(query.datetime().isInstant());
    assertEquals(500, query.limit());
  }

  @Test
  void anUnknownParameterIsRefusedByName() {
    InvalidParameterException error =
        assertThrows(InvalidParameterException.class, () -> parser.parse(Map.of("colour", List.of("red")), BUILDINGS));
    assertTrue(error.getMessage().contains("colour"));
  }

  @Test
  void aRepeatedParameterIsRefused() {
    assertThrows(InvalidParameterException.class, () -> parser.parse(Map.of("limit", List.of("1", "2")), BUILDINGS));
  }

  @Test
  void anOffsetStartsThePageThatManyFeaturesIn() {
    assertEquals(PageCursor.offset(40), parser.parse(Map.of("offset", List.of("40")), BUILDINGS).cursor());
    FeatureQuery sorted = parser.parse(Map.of("offset", List.of("40"), "sortby", List.of("-storeys")), BUILDINGS);
    assertEquals(PageCursor.offset(40), sorted.cursor());
    assertTrue(parser.parse(Map.of("offset", List.of("0")), BUILDINGS).isFirstPage());
  }

  @Test
  void anOffsetTogetherWithACursorIsRefused() {
    String cursor = CursorParameter.format(PageCursor.after(17L));
    InvalidParameterException error = assertThrows(InvalidParameterException.class,
        () -> parser.parse(Map.of("offset", List.of("40"), "cursor", List.of(cursor)), BUILDINGS));
    assertTrue(error.getMessage().contains("offset"));
  }

  @Test
  void aParameterNamedAfterAPropertyFiltersOnItsTypedValue() {
    FeatureQuery query = parser.parse(Map.of("storeys", List.of("3"), "function", List.of("residential")),
        BUILDINGS);
    assertEquals(2, query.propertyFilters().size());
    assertTrue(query.propertyFilters().contains(new PropertyFilter("storeys", 3L)));
  }

  @Test
  void aPropertyValueOfTheWrongTypeIsRefused() {
    assertThrows(InvalidParameterException.class, () -> parser.parse(Map.of("storeys", List.of("three")), BUILDINGS));
    assertThrows(InvalidParameterException.class, () -> parser.parse(Map.of("built", List.of("2020-13-01")), BUILDINGS));
  }

  @Test
  void objectPropertiesCannotBeFilteredOn() {
    assertThrows(InvalidParameterException.class, () -> parser.parse(Map.of("extra", List.of("{}")), BUILDINGS));
  }

  @Test
  void filterCrsNamesTheCrsOfTheFiltersGeometryLiterals() {
    FeatureQuery query = parser.parse(Map.of("filter", List.of("S_INTERSECTS(geom, BBOX(51.9, 7.6, 52, 7.7))"),
        "filter-crs", List.of("http://www.opengis.net/def/crs/EPSG/0/4326")), BUILDINGS);
    assertEquals(Crs.epsg(4326), query.filter().crs());
    assertEquals(new SpatialPredicate(SpatialOperator.S_INTERSECTS, new io.urbis.cql2.ast.Property("geom"),
        new BboxLiteral(List.of(7.6, 51.9, 7.7, 52.0), Crs.epsg(4326))), query.filter().expression());
    assertEquals(Crs.CRS84, parser.parse(Map.of("filter", List.of("storeys > 1")), BUILDINGS).filter().crs());
  }

  @Test
  void aFilterCrsTheCollectionDoesNotListIsRefusedWithTheListItHas() {
    InvalidParameterException error = assertThrows(InvalidParameterException.class, () -> parser.parse(
        Map.of("filter", List.of("storeys > 1"), "filter-crs", List.of("http://www.opengis.net/def/crs/EPSG/0/2056")),
        BUILDINGS));
    assertTrue(error.getMessage().contains("filter-crs") && error.getMessage().contains(Crs.epsg(25832).uri()),
        error.getMessage());
  }

  @Test
  void everyCrsParameterTakesOnlyTheCrssAllOfTheCollectionsFeaturesCanBeWrittenIn() {
    Collection world = new Collection("world", "World", "", "world", "id", JsonType.INTEGER, "geom",
        GeometryType.POINT, 4326, false, List.of(), null,
        new FixedData(new SpatialExtent(-180, -89.9, 180, 89.9)), null);
    String utm32 = Crs.epsg(25832).uri();
    for (Map<String, List<String>> parameters : List.of(Map.of("crs", List.of(utm32)),
        Map.of("bbox-crs", List.of(utm32), "bbox", List.of("340000,5725000,341000,5726000")),
        Map.of("filter-crs", List.of(utm32), "filter", List.of("S_INTERSECTS(geom, POINT(340000 5725000))")))) {
      String name = parameters.keySet().stream().filter(p -> p.endsWith("crs")).findFirst().orElseThrow();
      InvalidParameterException error = assertThrows(InvalidParameterException.class,
          () -> parser.parse(parameters, world));
      assertTrue(error.getMessage().startsWith("Parameter '" + name + "'")
          && error.getMessage().endsWith("use one of [" + Crs.CRS84.uri() + ", " + Crs.epsg(4326).uri() + "]"),
          error.getMessage());
    }
    assertThrows(InvalidParameterException.class,
        () -> parser.parseFeatureCrs(Map.of("crs", List.of(utm32)), world));
    assertEquals(Crs.epsg(25832), parser.parse(Map.of("crs", List.of(utm32)), BUILDINGS).crs());
  }

  @Test
  void aFeatureWithoutCrsIsInCrs84WithoutAskingForTheExtentThatTheCrsListFollows() {
    AtomicInteger extentReads = new AtomicInteger();
    CurrentData data = new CurrentData() {
      @Override
      public String version() {
        return "changing";
      }

      @Override
      public DataExtent extent() {
        extentReads.incrementAndGet();
        return new DataExtent(new SpatialExtent(7, 51, 8, 52), null);
      }
    };
    Collection edited = new Collection("edited", "Edited", "", "edited", "id", JsonType.INTEGER, "geom",
        GeometryType.POLYGON, 25832, false, List.of(), null, data, null);
    assertEquals(Crs.CRS84, parser.parseFeatureCrs(Map.of("f", List.of("json")), edited));
    assertEquals(0, extentReads.get());
    String utm32 = Crs.epsg(25832).uri();
    assertEquals(Crs.epsg(25832), parser.parseFeatureCrs(Map.of("crs", List.of(utm32)), edited));
    assertEquals(1, extentReads.get());
  }

  @Test
  void onlyTheDraftLanguageNameReadsTheDraftForms() {
    String draft = "function ILIKE 'RES%' AND built > '2000-01-01T'";
    FeatureQuery query = parser.parse(Map.of("filter", List.of(draft), "filter-lang", List.of("cql-text")), BUILDINGS);
    assertEquals(parser.parse(Map.of("filter", List.of("CASEI(function) LIKE CASEI('RES%') AND built > "
        + "DATE('2000-01-01')")), BUILDINGS).filter(), query.filter());
    assertThrows(InvalidParameterException.class,
        () -> parser.parse(Map.of("filter", List.of(draft), "filter-lang", List.of("cql2-text")), BUILDINGS));
  }

  @Test
  void onlyABboxOfFourNumbersAndADatetimeMayStandForAllTheDataInNumberMatched() {
    assertTrue(parse(Map.of("bbox", "-180,-90,180,90")).selectsByBboxAndDatetimeOnly());
    assertTrue(parse(Map.of("datetime", "../2030-01-01")).selectsByBboxAndDatetimeOnly());
    assertTrue(parse(Map.of("bbox", "-180,-90,180,90", "datetime", "../2030-01-01", "sortby", "storeys", "limit", "5"))
        .selectsByBboxAndDatetimeOnly(), "paging and order do not select");
    assertFalse(parse(Map.of()).selectsByBboxAndDatetimeOnly(), "nothing selects");
    assertFalse(parse(Map.of("bbox", "-180,-90,-1000,180,90,9000")).selectsByBboxAndDatetimeOnly(), "heights");
    assertFalse(parse(Map.of("bbox", "-180,-90,180,90", "function", "residential")).selectsByBboxAndDatetimeOnly());
    assertFalse(parse(Map.of("bbox", "-180,-90,180,90", "filter", "storeys > 1")).selectsByBboxAndDatetimeOnly());
    assertFalse(parse(Map.of("filter", "S_INTERSECTS(geom, BBOX(-180, -90, 180, 90))"))
        .selectsByBboxAndDatetimeOnly(), "a CQL2 filter is never taken for all the data");
  }

  private FeatureQuery parse(Map<String, String> parameters) {
    Map<String, List<String>> lists = new HashMap<>();
    parameters.forEach((name, value) -> lists.put(name, List.of(value)));
    return parser.parse(lists, BUILDINGS);
  }
}
