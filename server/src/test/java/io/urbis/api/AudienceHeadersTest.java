package io.urbis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AudienceHeadersTest {

  @Test
  void theCredentialHeadersJoinWhatResponsesVaryByAlready() {
    assertEquals("Authorization, X-API-Key", AudienceHeaders.vary(null));
    assertEquals("Accept-Encoding, Authorization, X-API-Key", AudienceHeaders.vary("Accept-Encoding"));
    assertEquals("Accept, authorization, X-API-Key", AudienceHeaders.vary("Accept, authorization"));
    assertEquals("*", AudienceHeaders.vary("Accept, *"));
  }

  @Test
  void privateKeepsLifetimesAndDropsWhatOnlySharedCachesRead() {
    assertEquals("private", AudienceHeaders.privately(null));
    assertEquals("private, max-age=60", AudienceHeaders.privately("max-age=60"));
    assertEquals("private, max-age=60, must-revalidate",
        AudienceHeaders.privately("public, max-age=60, s-maxage=3600, must-revalidate"));
    assertEquals("private, no-store", AudienceHeaders.privately("no-store, private"));
  }
}
