package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.tiles.TileBudget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

  @TempDir Path folder;

  @Test
  void keysOverrideDefaultsAndTheRestStays() throws Exception {
    UrbisConfig config = read("port: 9000\nsources: [city.gpkg]\nmaxLimit: 500\n").orElse(UrbisConfig.DEFAULTS);
    assertEquals(9000, config.port());
    assertEquals(List.of("city.gpkg"), config.sources());
    assertEquals(500, config.maxLimit());
    assertEquals(10, config.defaultLimit());
  }

  @Test
  void tileSettingsKeepTheDefaultCacheControlWhenOnlyPropertiesAreGiven() throws Exception {
    UrbisConfig config = read("tiles:\n  properties:\n    buildings:\n      0: [function]\n      15: [function, name]\n")
        .orElse(UrbisConfig.DEFAULTS);
    assertEquals("max-age=60", config.tiles().cacheControl());
    assertEquals(List.of("function", "name"), config.tiles().properties().get("buildings").get(15));
  }

  @Test
  void theTileBudgetIsReadAndDefaultsToTippecanoesLimit() throws Exception {
    assertEquals(TileBudget.DEFAULT, UrbisConfig.DEFAULTS.tiles().budget());
    UrbisConfig config = read("tiles:\n  maxTileBytes: 200000\n  minimumSizeInPixels: 0.5\n").orElse(UrbisConfig.DEFAULTS)
        .validated();
    assertEquals(new TileBudget(200_000, 0.5, true), config.tiles().budget());
    assertFalse(read("tiles:\n  mergeSmallPolygons: false\n").orElse(UrbisConfig.DEFAULTS).tiles().budget()
        .mergeSmallPolygons());
  }

  @Test
  void aTileBudgetOutOfRangeNamesTheKeyAndTheFix() {
    ConfigException tiny = assertThrows(ConfigException.class,
        () -> read("tiles:\n  maxTileBytes: 100\n").orElse(UrbisConfig.DEFAULTS).validated());
    assertTrue(tiny.getMessage().contains("tiles.maxTileBytes must be at least 1024"), tiny.getMessage());
    ConfigException none = assertThrows(ConfigException.class,
        () -> read("tiles:\n  minimumSizeInPixels: 0\n").orElse(UrbisConfig.DEFAULTS).validated());
    assertTrue(none.getMessage().contains("tiles.minimumSizeInPixels must be more than 0"), none.getMessage());
  }

  @Test
  void tiles3dPropertiesAndNormalsAreReadAndTheGeoidOffsetStays() throws Exception {
    UrbisConfig config = read("tiles3d:\n  properties:\n    blocks3d: [name]\n  normals: true\n")
        .orElse(UrbisConfig.DEFAULTS);
    assertEquals(List.of("name"), config.tiles3d().properties().get("blocks3d"));
    assertTrue(config.tiles3d().normals());
    assertEquals(0.0, config.tiles3d().geoidOffset());
    assertFalse(UrbisConfig.DEFAULTS.tiles3d().normals());
  }

  @Test
  void accessRulesTakeTheShortAndTheLongForm() throws Exception {
    UrbisConfig config = read("access:\n  default:\n    \"*\": none\n  collections:\n    buildings:\n"
        + "      planner: write\n      public:\n        hiddenProperties: [heat_demand]\n"
        + "        rowFilter: \"owner_type = 'municipal'\"\n").orElse(UrbisConfig.DEFAULTS);
    assertEquals(new AccessConfig.Rule("none", null, null), config.access().defaultRules().get("*"));
    assertEquals(new AccessConfig.Rule("write", null, null), config.access().collectionRules().get("buildings")
        .get("planner"));
    assertEquals(new AccessConfig.Rule(null, List.of("heat_demand"), "owner_type = 'municipal'"),
        config.access().collectionRules().get("buildings").get("public"));
    assertEquals(AccessConfig.OPEN, UrbisConfig.DEFAULTS.access());
  }

  @Test
  void anUnknownKeyIsNamed() {
    ConfigException error = assertThrows(ConfigException.class, () -> read("prot: 9000\n"));
    assertTrue(error.getMessage().contains("'prot'"), error.getMessage());
  }

  @Test
  void theRetiredCountLimitSaysWhatReplacesIt() throws Exception {
    ConfigException error = assertThrows(ConfigException.class, () -> read("exactCountLimit: 5000\n"));
    assertTrue(error.getMessage().contains("'exactCountLimit'") && error.getMessage().contains("filteredCountLimit"),
        error.getMessage());
    assertEquals(5000, read("filteredCountLimit: 5000\n").filteredCountLimit());
  }

  @Test
  void aWrongTypeNamesTheKey() {
    ConfigException error = assertThrows(ConfigException.class, () -> read("port: eighty\n"));
    assertTrue(error.getMessage().contains("'port'"), error.getMessage());
  }

  @Test
  void anOutOfRangeValueSaysTheFix() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> read("defaultLimit: 50\nmaxLimit: 20\n").orElse(UrbisConfig.DEFAULTS).validated());
    assertTrue(error.getMessage().contains("defaultLimit"), error.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    ConfigException error = assertThrows(ConfigException.class, () -> ConfigReader.read(folder.resolve("no.yaml")));
    assertTrue(error.getMessage().contains("no.yaml"));
  }

  private UrbisConfig read(String yaml) throws Exception {
    return ConfigYaml.read(folder, yaml);
  }
}
