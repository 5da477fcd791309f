package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.error.InvalidParameterException;
import java.util.List;
import java.util.Map;
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
}
