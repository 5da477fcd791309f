package io.urbis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.encode.Representation;
import io.urbis.error.UrbisException;
import io.urbis.source.ExpectedVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureTagsTest {

  private static final String VERSION = "5248c3444a381e480a29c17db8cb7e86";

  @Test
  void eachRepresentationOfAVersionHasItsOwnTagWhichIfMatchReadsAsTheVersion() {
    String json = FeatureTags.ofRepresentation(VERSION, bytes("{\"a\":1}"), Representation.GEOJSON).toString();
    String otherCrs = FeatureTags.ofRepresentation(VERSION, bytes("{\"a\":2}"), Representation.GEOJSON).toString();
    String html = FeatureTags.ofRepresentation(VERSION, bytes("{\"a\":1}"), Representation.HTML).toString();
    assertNotEquals(json, otherCrs);
    assertNotEquals(json, html);
    assertTrue(json.startsWith("\"" + VERSION + ".") && json.endsWith("-json\""), json);
    for (String tag : List.of(json, otherCrs, html, FeatureTags.ofState(VERSION).toString())) {
      ExpectedVersion expected = FeatureTags.expected(List.of(tag));
      assertEquals(Set.of(VERSION), expected.versions(), tag);
      assertTrue(expected.admits(VERSION));
      assertFalse(expected.admits("0" + VERSION.substring(1)));
    }
  }

  @Test
  void ifMatchListsTagsInOneHeaderOrSeveralAndStarTakesAnyVersion() {
    assertEquals(Set.of("a", "b", "c"), FeatureTags.expected(List.of("\"a\", \"b.x-json\"", "\"c\"")).versions());
    assertEquals(ExpectedVersion.ANY, FeatureTags.expected(List.of("*")));
    assertEquals(ExpectedVersion.NONE, FeatureTags.expected(List.of()));
    assertEquals(ExpectedVersion.NONE, FeatureTags.expected(null));
  }

  @Test
  void weakTagsNeverMatchAsIfMatchComparesStrongly() {
    ExpectedVersion weak = FeatureTags.expected(List.of("W/\"" + VERSION + "\""));
    assertTrue(weak.isConditional());
    assertFalse(weak.admits(VERSION));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "\"abc", "\"a\" \"b\"", "W/abc", ","})
  void aHeaderThatIsNoListOfEntityTagsIsA400(String header) {
    UrbisException problem = assertThrows(UrbisException.class, () -> FeatureTags.expected(List.of(header)));
    assertEquals(400, problem.status());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
