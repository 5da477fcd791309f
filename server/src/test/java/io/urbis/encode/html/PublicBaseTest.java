package io.urbis.encode.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicBaseTest {

  @Test
  void theRootServerIsTheSchemeAndAuthority() {
    checkBase("http://localhost:8080/collections?f=html", "http://localhost:8080");
    checkBase("http://localhost:8080/", "http://localhost:8080");
    checkBase("http://localhost:8080", "http://localhost:8080");
    checkBase("http://localhost:8080/?f=json", "http://localhost:8080");
  }

  @Test
  void aProxyPrefixIsKept() {
    checkBase("https://example.org/geo/ogc/collections/roads/items?limit=10&f=html", "https://example.org/geo/ogc");
    checkBase("https://example.org/geo/ogc/collections/roads/items/42#top", "https://example.org/geo/ogc");
    checkBase("https://example.org/geo/ogc/", "https://example.org/geo/ogc");
    checkBase("https://example.org/geo/ogc/conformance?f=html", "https://example.org/geo/ogc");
    checkBase("https://example.org/geo/ogc/api?f=html", "https://example.org/geo/ogc");
  }

  @Test
  void aPrefixNamedApiIsNotTheApiDefinition() {
    checkBase("https://example.org/api/features/collections/x/items", "https://example.org/api/features");
    checkBase("https://example.org/api/features/?f=html", "https://example.org/api/features");
  }

  @Test
  void aCollectionNamedLikeAResourceIsPartOfTheResourcePath() {
    checkBase("http://h/collections/api", "http://h");
    checkBase("http://h/collections/conformance/items?f=html", "http://h");
    checkBase("http://h/urbis/collections/collections/items", "http://h/urbis");
  }

  @Test
  void theHostNameIsNeverMistakenForAPathSegment() {
    checkBase("http://collections/urbis/conformance", "http://collections/urbis");
  }

  @Test
  void relativeAndMissingLinksGiveARootRelativeBase() {
    checkBase("/collections/roads", "");
    checkBase(null, "");
  }

  private static void checkBase(String self, String expected) {
    assertEquals(expected, PublicBase.fromSelf(self), self);
  }
}
