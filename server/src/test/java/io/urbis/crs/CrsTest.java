package io.urbis.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrsTest {

  @Test
  void crs84IsLongitudeFirst() {
    assertEquals(Optional.of(Crs.CRS84), Crs.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
    assertFalse(Crs.CRS84.northFirst());
  }

  @Test
  void epsg4326IsLatitudeFirstAsTheRegistryDefinesIt() {
    Crs wgs84 = Crs.parse("http://www.opengis.net/def/crs/EPSG/0/4326").orElseThrow();
    assertTrue(wgs84.geographic());
    assertTrue(wgs84.northFirst());
  }

  @Test
  void utmIsEastingFirstAndGaussKruegerNorthingFirst() {
    Crs utm = Crs.epsg(25832);
    assertFalse(utm.geographic());
    assertFalse(utm.northFirst());
    assertTrue(Crs.epsg(31467).northFirst());
    assertFalse(Crs.epsg(3857).northFirst());
  }

  @Test
  void safeCuriesNameTheSameCrs() {
    assertEquals(Crs.parse("[EPSG:25833]"), Crs.parse("http://www.opengis.net/def/crs/EPSG/0/25833"));
    assertEquals(Optional.of(Crs.CRS84), Crs.parse("[OGC:CRS84]"));
  }

  @Test
  void lonLatStorageIsServedAsCrs84() {
    assertEquals(Crs.CRS84, Crs.ofStorage(4326));
    assertEquals(Crs.epsg(25832), Crs.ofStorage(25832));
  }

  @ParameterizedTest
  @ValueSource(strings = {"EPSG:abc", "http://www.opengis.net/def/crs/EPSG/0/", "CRS84x", "", "urn:ogc:def:crs:EPSG::4326x"})
  void namesThatAreNoCrsAreNotParsed(String text) {
    assertTrue(Crs.parse(text).isEmpty());
  }
}
