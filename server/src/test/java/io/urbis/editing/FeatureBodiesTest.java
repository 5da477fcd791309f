package io.urbis.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.catalog.Collection;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.crs.Crs;
import io.urbis.source.FeatureContent;
import io.urbis.source.FeaturePatch;
import io.urbis.source.WriteRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class FeatureBodiesTest {

  /** Buildings stored in UTM zone 32N, as Wesel's. */
  private static final Collection BUILDINGS = new Collection("buildings", "Buildings", "", "public.buildings", "id",
      JsonType.INTEGER, "geom", GeometryType.MULTIPOLYGON, 25832, false,
      List.of(new Property("name", JsonType.STRING), new Property("height", JsonType.NUMBER),
          new Property("storeys", JsonType.INTEGER), new Property("built", JsonType.DATE),
          new Property("surveyed", JsonType.DATE_TIME), new Property("attributes", JsonType.OBJECT),
          new Property("tags", JsonType.ARRAY), new Property("listed", JsonType.BOOLEAN),
          new Property("counter", JsonType.INTEGER)),
      null, FixedData.NONE, null);
  /** name is NOT NULL; counter NOT NULL with a default; the table assigns ids and requires a geometry. */
  private static final WriteRules RULES = new WriteRules(Set.of("id", "name", "counter", "geom"),
      Set.of("id", "counter"), true, true);
  /** Near Wesel, in CRS84 and in UTM 32N (as PostGIS transforms it). */
  private static final String WESEL_CRS84 = "[[[6.5742949,51.65271672],[6.57443932,51.65271971],"
      + "[6.57443452,51.65280954],[6.5742949,51.65271672]]]";

  private final FeatureBodies bodies = new FeatureBodies(BUILDINGS, RULES, Crs.CRS84);

  @Test
  void aCreatedFeatureInCrs84IsStoredInTheStorageCrsAsTheCollectionsGeometryType() {
    FeatureContent feature = bodies.created(json("{'type':'Feature','geometry':{'type':'Polygon','coordinates':"
        + WESEL_CRS84 + "},'properties':{'name':'Neu','height':5.5,'storeys':3.0,'listed':false,"
        + "'surveyed':'2024-05-01T12:00:00+02:00','built':'2020-01-31','tags':['a'],'attributes':{'x':[1]}}}"));
    assertNull(feature.id());
    Geometry geometry = feature.geometry();
    assertEquals("MultiPolygon", geometry.getGeometryType());
    assertEquals(25832, geometry.getSRID());
    Coordinate first = geometry.getCoordinates()[0];
    assertEquals(332200, first.x, 0.01);
    assertEquals(5725200, first.y, 0.01);
    assertEquals("2024-05-01T10:00:00Z", feature.properties().get("surveyed").textValue());
    assertTrue(feature.properties().get("storeys").isIntegralNumber(), "3.0 is the integer 3");
    assertEquals(3, feature.properties().get("storeys").intValue());
  }

  @Test
  void everyProblemOfABodyIsNamedInOneAnswer() {
    InvalidBodyException problem = assertThrows(InvalidBodyException.class, () -> bodies.created(json(
        "{'type':'Feature','geometry':{'type':'Point','coordinates':[6.57,51.65]},'properties':{'nme':'x',"
            + "'height':'tall','storeys':2.5,'built':'2020-13-01','surveyed':'yesterday','listed':'no',"
            + "'tags':'a'}}")));
    assertEquals(400, problem.status());
    String message = problem.getMessage();
    assertTrue(message.startsWith("The request body has 9 problems: "), message);
    for (String expected : List.of("/properties/nme: not a property of the collection buildings",
        "/properties/height: expected a number, got \"tall\"", "/properties/storeys: expected an integer, got 2.5",
        "/properties/built: expected a date", "/properties/surveyed: expected a date-time",
        "/properties/listed: expected true or false", "/properties/tags: expected an array",
        "/properties/name: required", "/geometry: a Point, where the collection holds MultiPolygon geometries")) {
      assertTrue(message.contains(expected), expected + " in " + message);
    }
  }

  @Test
  void aPropertyWithoutValueInACreatedFeatureTakesItsDefault() {
    FeatureContent feature = bodies.created(json("{'type':'Feature','geometry':{'type':'MultiPolygon',"
        + "'coordinates':[" + WESEL_CRS84 + "]},'properties':{'name':'Neu','height':null,'counter':null}}"));
    assertEquals(Set.of("name"), feature.properties().keySet());
  }

  @Test
  void aPropertyTheCallerDoesNotSeeIsUnknownAsOneThatDoesNotExist() {
    Collection narrowed = BUILDINGS.narrowed(BUILDINGS.properties().stream()
        .filter(p -> !p.name().equals("height")).toList(), null, "0123456789abcdef");
    FeatureBodies forNarrowed = new FeatureBodies(narrowed, RULES, Crs.CRS84);
    String hidden = message(() -> forNarrowed.patch(json("{'properties':{'height':3}}"), "1"));
    String absent = message(() -> forNarrowed.patch(json("{'properties':{'colour':3}}"), "1"));
    assertEquals(absent.replace("colour", "height"), hidden);
  }

  @Test
  void aReplacementNamesEveryVisiblePropertyNullWhereTheBodyHasNone() {
    FeatureContent feature = bodies.replacement(json("{'type':'Feature','id':7,'geometry':{'type':'Polygon',"
        + "'coordinates':" + WESEL_CRS84 + "},'properties':{'name':'Neu','counter':1}}"), "7");
    assertEquals(BUILDINGS.properties().size(), feature.properties().size());
    assertTrue(feature.properties().get("height").isNull());
  }

  @Test
  void aReplacementKeepsItsIdAndNeedsEveryRequiredValue() {
    String message = message(() -> bodies.replacement(json("{'type':'Feature','id':8,'geometry':null,"
        + "'properties':{'name':'Neu'}}"), "7"));
    assertTrue(message.contains("/id: the feature's id is 7 and cannot be changed, got 8"), message);
    assertTrue(message.contains("/properties/counter: required"), message);
    assertTrue(message.contains("/geometry: required"), message);
  }

  @Test
  void aPatchChangesWhatItNamesAndRemovesWhatItSetsToNull() {
    FeaturePatch patch = bodies.patch(json("{'properties':{'height':null,'attributes':{'x':null}}}"), "7");
    assertFalse(patch.replacesGeometry());
    assertTrue(patch.properties().get("height").isNull());
    assertEquals(json("{'y':1}"), patch.patched("attributes", json("{'x':1,'y':1}")));
    FeaturePatch geometry = bodies.patch(json("{'type':'Feature','id':7,'geometry':{'type':'Polygon',"
        + "'coordinates':" + WESEL_CRS84 + "}}"), "7");
    assertTrue(geometry.replacesGeometry());
    assertEquals(Set.of(), geometry.properties().keySet());
  }

  @Test
  void aPatchMayNotRemoveWhatIsRequiredNorChangeTheId() {
    String message = message(() -> bodies.patch(json("{'id':8,'geometry':null,'properties':{'name':null}}"), "7"));
    assertTrue(message.startsWith("The request body has 3 problems"), message);
    String all = message(() -> bodies.patch(json("{'properties':null}"), "7"));
    assertTrue(all.contains("/properties/name: required") && all.contains("/properties/counter: required"), all);
  }

  @Test
  void coordinatesAreReadInTheAxisOrderOfTheContentCrs() {
    FeatureBodies latitudeFirst = new FeatureBodies(BUILDINGS, RULES, Crs.epsg(4326));
    FeatureContent feature = latitudeFirst.created(json("{'type':'Feature','geometry':{'type':'Polygon',"
        + "'coordinates':[[[51.65271672,6.5742949],[51.65271971,6.57443932],[51.65280954,6.57443452],"
        + "[51.65271672,6.5742949]]]},'properties':{'name':'Neu'}}"));
    assertEquals(332200, feature.geometry().getCoordinates()[0].x, 0.01);
  }

  @Test
  void coordinatesThatDoNotFitTheContentCrsAreRefused() {
    FeatureBodies utm = new FeatureBodies(BUILDINGS, RULES, Crs.epsg(25832));
    String degreesAsMetres = message(() -> utm.created(json("{'type':'Feature','geometry':{'type':'Polygon',"
        + "'coordinates':" + WESEL_CRS84 + "},'properties':{'name':'Neu'}}")));
    assertTrue(degreesAsMetres.contains("/geometry: coordinates that cannot be stored"), degreesAsMetres);
    String metresAsDegrees = message(() -> bodies.created(json("{'type':'Feature','geometry':{'type':'Polygon',"
        + "'coordinates':[[[332200,5725200],[332210,5725200],[332210,5725210],[332200,5725200]]]},"
        + "'properties':{'name':'Neu'}}")));
    assertTrue(metresAsDegrees.contains("/geometry: coordinates that cannot be stored"), metresAsDegrees);
  }

  @Test
  void positionsHaveHeightsExactlyWhereTheCollectionHasThem() {
    Collection solids = new Collection("solids", "Solids", "", "public.solids", "id", JsonType.INTEGER, "geom",
        GeometryType.POINT, 4326, true, List.of(), null, FixedData.NONE, null);
    FeatureBodies heights = new FeatureBodies(solids, new WriteRules(Set.of(), Set.of("id"), false, true), Crs.CRS84);
    String message = message(() -> heights.created(json("{'type':'Feature','geometry':{'type':'Point',"
        + "'coordinates':[6.57,51.65]},'properties':{}}")));
    assertTrue(message.contains("every position needs three numbers"), message);
    assertEquals(30.5, heights.created(json("{'type':'Feature','geometry':{'type':'Point',"
        + "'coordinates':[6.57,51.65,30.5]},'properties':{}}")).geometry().getCoordinate().getZ());
  }

  @Test
  void aCreatedFeatureGivesAnIdWhereTheCollectionAssignsNone() {
    FeatureBodies ownIds = new FeatureBodies(BUILDINGS, new WriteRules(Set.of("geom"), Set.of(), true, false),
        Crs.CRS84);
    String body = "{'type':'Feature',%s'geometry':{'type':'Polygon','coordinates':" + WESEL_CRS84
        + "},'properties':{}}";
    assertTrue(message(() -> ownIds.created(json(String.format(body, "")))).contains("/id: the collection does not"
        + " assign ids"));
    assertEquals("12", ownIds.created(json(String.format(body, "'id':'12',"))).id());
    assertTrue(message(() -> ownIds.created(json(String.format(body, "'id':'x',")))).contains("/id: expected an"
        + " integer"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"Feature\"", "", "{} {}", "{\"a\":1,\"a\":2}", "[1,2"})
  void aBodyThatIsNotOneJsonValueIsA400(String body) {
    InvalidBodyException problem = assertThrows(InvalidBodyException.class,
        () -> FeatureBodies.parse(body.getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, problem.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "'Feature'", "{'type':'FeatureCollection','features':[]}", "{'properties':{}}"})
  void aCreatedFeatureIsOneGeoJsonFeature(String body) {
    assertThrows(InvalidBodyException.class, () -> bodies.created(json(body)));
  }

  private static String message(Runnable reading) {
    return assertThrows(InvalidBodyException.class, reading::run).getMessage();
  }

  private static JsonNode json(String text) {
    return FeatureBodies.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }
}
