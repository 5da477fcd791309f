package io.urbis.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileResponsesTest {

  @Test
  void gzipIsSentWhenAcceptedAndNotRefused() {
    assertTrue(TileResponses.acceptsGzip("gzip, deflate, br"));
    assertTrue(TileResponses.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    assertTrue(TileResponses.acceptsGzip("*"));
    assertFalse(TileResponses.acceptsGzip(null));
    assertFalse(TileResponses.acceptsGzip("identity"));
    assertFalse(TileResponses.acceptsGzip("gzip;q=0"));
    assertFalse(TileResponses.acceptsGzip("br, gzip; q=0.000"));
  }
}
