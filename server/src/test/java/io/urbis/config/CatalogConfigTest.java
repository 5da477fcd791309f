package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogConfigTest {

  private static final String REGI = "http://publications.europa.eu/resource/authority/data-theme/REGI";
  private static final String ENER = "http://publications.europa.eu/resource/authority/data-theme/ENER";

  @TempDir Path folder;

  @Test
  void aCollectionSaysWhatItListsAndTheServerTheRestButTitles() throws Exception {
    CatalogConfig catalog = read("catalog:\n  title: {de: Stadt, en: City}\n  license: "
        + "http://dcat-ap.de/def/licenses/dl-by-de/2.0\n  attribution: Stadt Halle (Saale)\n  collections:\n"
        + "    buildings:\n      title: {de: Gebäude}\n      themes: [" + ENER + "]\n    streets:\n");
    CatalogConfig buildings = catalog.forCollection("buildings");
    assertEquals("Gebäude", buildings.title().de());
    assertEquals(List.of(ENER), buildings.themes());
    assertEquals("http://dcat-ap.de/def/licenses/dl-by-de/2.0", buildings.license());
    assertEquals("Stadt Halle (Saale)", buildings.attribution());
    CatalogConfig streets = catalog.forCollection("streets");
    assertNull(streets.title(), "a collection's title is its own, never the server's");
    assertEquals(List.of(REGI), streets.themes(), "the default theme: regions and cities");
    assertEquals(100, catalog.pageSize());
  }

  @Test
  void anUnknownCollectionABadDayAndServerKeysOfACollectionAreNamed() throws Exception {
    Set<String> ids = Set.of("buildings", "streets");
    assertEquals("catalog.collections.biuldings: there is no collection 'biuldings'; collections are [buildings,"
        + " streets]", assertThrows(ConfigException.class,
            () -> read("catalog:\n  collections:\n    biuldings: {}\n").check(ids)).getMessage());
    assertEquals("catalog.collections.buildings.issued: '1.5.2024' is not a day such as 2024-05-01",
        assertThrows(ConfigException.class,
            () -> read("catalog:\n  collections:\n    buildings: {issued: 1.5.2024}\n").check(ids)).getMessage());
    assertEquals("catalog.collections.buildings: pageSize and collections are keys of catalog itself, not of a"
        + " collection", assertThrows(ConfigException.class,
            () -> read("catalog:\n  collections:\n    buildings: {pageSize: 5}\n").check(ids)).getMessage());
    assertEquals("catalog.pageSize must be at least 1",
        assertThrows(ConfigException.class, () -> read("catalog:\n  pageSize: 0\n").check(ids)).getMessage());
  }

  private CatalogConfig read(String yaml) throws Exception {
    Path file = folder.resolve("urbis.yaml");
    Files.writeString(file, yaml);
    return ConfigReader.read(file).orElse(UrbisConfig.DEFAULTS).catalog();
  }
}
