package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.ConfigException;
import io.urbis.config.Tiles3dConfig;
import io.urbis.source.Extrusion;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Tiles3dSetupTest {

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static Catalog catalog;

  @BeforeAll
  static void createTheCity() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/tiles3d/city3d.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    catalog = new CatalogBuilder().add("city", source).build();
  }

  @AfterAll
  static void dropTheCity() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void tilesCarryTheFeatureIdAndOnlyTheConfiguredProperties() throws Exception {
    Tiles3dConfig config = new Tiles3dConfig(0.0, Map.of(), Map.of("blocks3d", List.of("name")), false, true,
        List.of());
    Tiles3dService tiles = new Tiles3dService(Tiles3dSetup.settings(config, catalog, null));
    JsonNode schema = new ObjectMapper().readTree(tiles.schema(catalog.find("blocks3d").orElseThrow()).content());
    List<String> properties = new ArrayList<>();
    schema.at("/classes/blocks3d/properties").fieldNames().forEachRemaining(properties::add);
    assertEquals(List.of("featureId", "name"), properties);
  }

  @Test
  void footprintsWithAWellKnownHeightColumnAreExtrudedWithoutAnExtrudeEntry() {
    Tiles3dSettings defaults = Tiles3dSetup.settings(Tiles3dConfig.DEFAULTS, catalog, null);
    assertEquals(Map.of("footprints", new Extrusion("height_m", null)), defaults.extrusions(),
        "not the 3D blocks, which have height_m too, nor the flat layer without heights");
    assertTrue(new Tiles3dService(defaults).offers(catalog.find("footprints").orElseThrow()));

    Tiles3dConfig configured = new Tiles3dConfig(0.0, Map.of("footprints", new Tiles3dConfig.Extrude("height_m",
        "ground_m")), Map.of(), false, true, List.of("height_m"));
    assertEquals(Map.of("footprints", new Extrusion("height_m", "ground_m")),
        Tiles3dSetup.settings(configured, catalog, null).extrusions(), "an extrude entry wins");
    Tiles3dConfig none = new Tiles3dConfig(0.0, Map.of(), Map.of(), false, true, List.of());
    assertEquals(Map.of(), Tiles3dSetup.settings(none, catalog, null).extrusions());
  }

  @Test
  void anUnknownPropertyOrCollectionIsNamedWithWhatThereIs() {
    ConfigException property = assertThrows(ConfigException.class, () -> Tiles3dSetup.settings(
        new Tiles3dConfig(0.0, Map.of(), Map.of("blocks3d", List.of("colour")), false, true, List.of()), catalog,
        null));
    assertTrue(property.getMessage().startsWith("tiles3d.properties.blocks3d: 'colour' is not a property"),
        property.getMessage());
    assertTrue(property.getMessage().contains("name"), property.getMessage());
    ConfigException collection = assertThrows(ConfigException.class, () -> Tiles3dSetup.settings(
        new Tiles3dConfig(0.0, Map.of(), Map.of("towers", List.of()), false, true, List.of()), catalog,
        null));
    assertTrue(collection.getMessage().contains("there is no collection 'towers'"), collection.getMessage());
  }
}
