package io.urbis.dcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.config.CatalogConfig;
import io.urbis.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabulariesTest {

  private static final String DL_BY = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
  private static final String DL_ZERO = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0";

  @Test
  void everyIriOutsideItsVocabularyIsNamedWithItsKey() {
    assertRefused("catalog.license: http://dcat-ap.de/def/licenses/dl-by/2.0 is not in the vocabulary"
        + " http://dcat-ap.de/def/licenses", level("http://dcat-ap.de/def/licenses/dl-by/2.0", null, null, null));
    assertRefused("catalog.themes: http://publications.europa.eu/resource/authority/data-theme/CITY is not in the"
        + " vocabulary", level(null, "http://publications.europa.eu/resource/authority/data-theme/CITY", null, null));
    assertRefused("catalog.updateFrequency: http://publications.europa.eu/resource/authority/frequency/SOMETIMES",
        level(null, null, "http://publications.europa.eu/resource/authority/frequency/SOMETIMES", null));
    assertRefused("catalog.contributorID: http://dcat-ap.de/def/contributors/stadtNirgendwo",
        level(null, null, null, "http://dcat-ap.de/def/contributors/stadtNirgendwo"));
    CatalogConfig inCollection = new CatalogConfig(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, Map.of("buildings", level("https://creativecommons.org/licenses/by/4.0/", null, null, null)));
    assertRefused("catalog.collections.buildings.license: https://creativecommons.org/licenses/by/4.0/",
        inCollection);
  }

  @Test
  void politicalGeocodingIsAKeyOfDcatApDe() {
    CatalogConfig halle = withGeocoding("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/15002000");
    Vocabularies.check(halle);
    assertRefused("catalog.politicalGeocoding: https://www.halle.de is no key",
        withGeocoding("https://www.halle.de"));
  }

  @Test
  void aLicenceThatAsksForTheSourceNeedsTheTextToNameItBy() {
    assertTrue(Vocabularies.requiresAttribution(DL_BY));
    ConfigException refused = assertThrows(ConfigException.class, () -> DcatCatalog.configured(
        level(DL_BY, null, null, null), Set.of("buildings"), "City", ""));
    assertEquals("catalog.attribution: the licence " + DL_BY + " asks users to name the source; give the text they"
        + " name it by (dcatde:licenseAttributionByText)", refused.getMessage());
    DcatCatalog.configured(level(DL_ZERO, null, null, null), Set.of("buildings"), "City", "");
  }

  private static void assertRefused(String message, CatalogConfig config) {
    ConfigException refused = assertThrows(ConfigException.class, () -> Vocabularies.check(config));
    assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
  }

  private static CatalogConfig level(String license, String theme, String frequency, String contributor) {
    return new CatalogConfig(null, null, null, theme == null ? null : List.of(theme), license, null, null, null,
        contributor, null, frequency, null, null, null, null);
  }

  private static CatalogConfig withGeocoding(String iri) {
    return new CatalogConfig(null, null, null, null, null, null, null, null, null, iri, null, null, null, null, null);
  }
}
