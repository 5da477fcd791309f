package io.urbis.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesByVersionTest {

  @Test
  void aValueIsGivenOnlyAtTheVersionItWasReadAt() {
    ValuesByVersion<String, Long> counts = new ValuesByVersion<>(10);
    counts.put("buildings", "v1", 42L);
    assertEquals(Optional.of(42L), counts.get("buildings", "v1"));
    assertEquals(Optional.empty(), counts.get("buildings", "v2"));
    assertEquals(Optional.empty(), counts.get("streets", "v1"));
    counts.put("buildings", "v2", 43L);
    assertEquals(Optional.empty(), counts.get("buildings", "v1"));
    assertEquals(Optional.of(43L), counts.get("buildings", "v2"));
  }

  @Test
  void theLeastRecentlyUsedKeyGoesFirstBeyondTheCapacity() {
    ValuesByVersion<String, Long> counts = new ValuesByVersion<>(2);
    counts.put("a", "v", 1L);
    counts.put("b", "v", 2L);
    counts.get("a", "v");
    counts.put("c", "v", 3L);
    assertEquals(Optional.of(1L), counts.get("a", "v"));
    assertEquals(Optional.empty(), counts.get("b", "v"));
    assertEquals(Optional.of(3L), counts.get("c", "v"));
  }
}
