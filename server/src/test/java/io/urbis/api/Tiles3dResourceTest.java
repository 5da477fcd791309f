package io.urbis.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Tiles3dResourceTest {

  @Test
  void gzipIsSentWhenAcceptedAndNotRefused() {
    assertTrue(Tiles3dResource.acceptsGzip("gzip, deflate, br"));
    assertTrue(Tiles3dResource.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    assertTrue(Tiles3dResource.acceptsGzip("*"));
    assertFalse(Tiles3dResource.acceptsGzip(null));
    assertFalse(Tiles3dResource.acceptsGzip("identity"));
    assertFalse(Tiles3dResource.acceptsGzip("gzip;q=0"));
    assertFalse(Tiles3dResource.acceptsGzip("br, gzip; q=0.000"));
  }
}
