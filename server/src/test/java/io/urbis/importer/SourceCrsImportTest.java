package io.urbis.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CRS names city models use, to the SRID PostGIS stores and the vertical code kept aside. */
class SourceCrsImportTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
      "https://www.opengis.net/def/crs/EPSG/0/25832; 25832; -",
      "http://www.opengis.net/def/crs/EPSG/0/7415; 7415; -",
      "urn:ogc:def:crs:EPSG::25833; 25833; -",
      "EPSG:28992; 28992; -",
      "EPSG:25832+7837; 25832; 7837",
      "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837; 25832; 7837",
      "http://www.opengis.net/def/crs-compound?1=http://www.opengis.net/def/crs/EPSG/0/25832"
          + "&2=http://www.opengis.net/def/crs/EPSG/0/7837; 25832; 7837",
      "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016; 25832; 7837",
      "urn:adv:crs:ETRS89_UTM33*DE_DHHN92_NH; 25833; 5783"})
  void namesGiveTheHorizontalSridAndTheVerticalCode(String name, int srid, Integer vertical) {
    assertEquals(Optional.of(new SourceCrs(srid, vertical)), SourceCrs.parse(name));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"urn:example:crs:local-grid", "urn:adv:crs:DE_GK_MYSTERY", "''"})
  void unknownNamesGiveNothing(String name) {
    assertEquals(Optional.empty(), SourceCrs.parse(name));
  }
}
