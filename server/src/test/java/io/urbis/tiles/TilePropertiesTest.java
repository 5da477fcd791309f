package io.urbis.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.catalog.Collection;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TilePropertiesTest {

  private static final Collection BUILDINGS = collection("buildings");
  private static final TileProperties CONFIGURED = new TileProperties(Map.of("buildings",
      Map.of(10, List.of("function"), 15, List.of("name", "function", "no_such_column"))));

  @Test
  void aCollectionWithoutSettingsCarriesAllPropertiesAtEveryZoom() {
    assertEquals(List.of("function", "height_m", "name"), TileProperties.ALL.forZoom(BUILDINGS, 0));
    assertEquals(List.of("function", "height_m", "name"), CONFIGURED.forZoom(collection("roads"), 3));
  }

  @Test
  void eachZoomTakesTheListOfTheNearestLevelBelow() {
    assertEquals(List.of(), CONFIGURED.forZoom(BUILDINGS, 9));
    assertEquals(List.of("function"), CONFIGURED.forZoom(BUILDINGS, 14));
    // in catalog order; names that are no property of the collection never reach a source
    assertEquals(List.of("function", "name"), CONFIGURED.forZoom(BUILDINGS, 20));
  }

  private static Collection collection(String id) {
    List<Property> properties = List.of(new Property("function", JsonType.STRING),
        new Property("height_m", JsonType.NUMBER), new Property("name", JsonType.STRING));
    return new Collection(id, id, "", id, "id", JsonType.INTEGER, "geom", GeometryType.POLYGON, 25832, false,
        properties, null, FixedData.NONE, null);
  }
}
