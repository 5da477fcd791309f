package io.urbis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDescriptionTest {

  @Test
  void rejectsADefaultLimitAboveTheMaximum() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ApiDescription("t", null, "1", "http://x", 200, 100, List.of()));
    assertTrue(e.getMessage().contains("defaultLimit=200"), e.getMessage());
  }

  @Test
  void rejectsAPropertyTypeThatIsNotJsonSchema() {
    assertThrows(IllegalArgumentException.class, () -> new QueryableProperty("h", "float"));
  }

  @Test
  void labelFallsBackToTheId() {
    assertEquals("trees", new CollectionDescription("trees", null, null, null, null, false, false).label());
    assertEquals("Trees", new CollectionDescription("trees", "Trees", null, null, null, false, false).label());
  }
}
