package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.error.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureQueryParserTest {

  private final FeatureQueryParser parser = new FeatureQueryParser(10, 500);

  @Test
  void withoutParametersTheFirstPageOfTheDefaultSizeIsAsked() {
    FeatureQuery query = parser.parse(Map.of());
    assertEquals(10, query.limit());
    assertNull(query.bbox());
    assertTrue(query.isFirstPage());
  }

  @Test
  void everyKnownParameterIsParsed() {
    FeatureQuery query = parser.parse(Map.of("bbox", List.of("1,2,3,4"), "datetime", List.of("2020-01-01"),
        "limit", List.of("9999"), "f", List.of("json")));
    assertEquals(new Bbox(1, 2, 3, 4), query.bbox());
    assertTrue(query.datetime().isInstant());
    assertEquals(500, query.limit());
  }

  @Test
  void anUnknownParameterIsRefusedByName() {
    InvalidParameterException error =
        assertThrows(InvalidParameterException.class, () -> parser.parse(Map.of("colour", List.of("red"))));
    assertTrue(error.getMessage().contains("colour"));
  }

  @Test
  void aRepeatedParameterIsRefused() {
    assertThrows(InvalidParameterException.class, () -> parser.parse(Map.of("limit", List.of("1", "2"))));
  }
}
