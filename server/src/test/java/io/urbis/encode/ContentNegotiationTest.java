package io.urbis.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.error.InvalidParameterException;
import io.urbis.error.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentNegotiationTest {

  private static final List<Representation> ITEMS = List.of(Representation.GEOJSON, Representation.HTML);

  @Test
  void theFormatParameterWinsOverAccept() {
    assertEquals(Representation.HTML,
        ContentNegotiation.select("html", List.of(MediaType.valueOf("application/geo+json")), ITEMS));
  }

  @Test
  void withoutPreferenceTheFirstOfferedIsServed() {
    assertEquals(Representation.GEOJSON, ContentNegotiation.select(null, List.of(), ITEMS));
    assertEquals(Representation.GEOJSON, ContentNegotiation.select(null, List.of(MediaType.WILDCARD_TYPE), ITEMS));
  }

  @Test
  void aBrowserGetsHtml() {
    List<MediaType> browser = List.of(MediaType.TEXT_HTML_TYPE, MediaType.valueOf("application/xhtml+xml"),
        MediaType.WILDCARD_TYPE);
    assertEquals(Representation.HTML, ContentNegotiation.select(null, browser, ITEMS));
  }

  @Test
  void plainJsonSelectsGeoJsonForFeatures() {
    assertEquals(Representation.GEOJSON,
        ContentNegotiation.select(null, List.of(MediaType.APPLICATION_JSON_TYPE), ITEMS));
  }

  @Test
  void anUnofferedMediaTypeIsNotAcceptable() {
    assertThrows(NotAcceptableException.class,
        () -> ContentNegotiation.select(null, List.of(MediaType.valueOf("application/x-nope")), ITEMS));
  }

  @Test
  void anUnknownFormatIsABadParameter() {
    assertThrows(InvalidParameterException.class, () -> ContentNegotiation.select("xml", List.of(), ITEMS));
  }
}
