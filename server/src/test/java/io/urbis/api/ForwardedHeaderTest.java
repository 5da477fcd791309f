package io.urbis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardedHeaderTest {

  @Test
  void theFirstElementNamesWhatTheClientUsed() {
    assertEquals(Map.of("for", "192.0.2.43", "proto", "https", "host", "maps.example.org"),
        ForwardedHeader.firstElement("for=192.0.2.43;proto=https;host=maps.example.org, for=198.51.100.17"));
  }

  @Test
  void quotedValuesAndCaseInsensitiveNamesAreRead() {
    assertEquals(Map.of("for", "[2001:db8:cafe::17]:4711", "host", "maps.example.org:8443", "proto", "http"),
        ForwardedHeader.firstElement("For=\"[2001:db8:cafe::17]:4711\" ; HOST=\"maps.example.org:8443\";proto=http"));
    assertEquals("a\"b", ForwardedHeader.firstElement("host=\"a\\\"b\"").get("host"));
    assertEquals("x,y", ForwardedHeader.firstElement("host=\"x,y\";proto=https").get("host"));
  }

  @Test
  void noHeaderOrEmptyPairsGiveNothing() {
    assertTrue(ForwardedHeader.firstElement(null).isEmpty());
    assertTrue(ForwardedHeader.firstElement(";;,").isEmpty());
    assertTrue(ForwardedHeader.firstElement("host=").isEmpty());
  }
}
