package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares the features the server returns with the rows PostGIS selects, by key. */
public final class KeySets {

  /** A page size that keeps every selection to a few requests. */
  public static final int PAGE = 1000;

  private static final int SHOWN = 15;

  private KeySets() {}

  /** Fetches every page of a selection and asserts the features are exactly the rows PostGIS selects. */
  public static List<JsonNode> assertSelects(Api api, Truth truth, Selection selection) {
    List<JsonNode> features = FeaturePages.all(api, selection.target(PAGE));
    assertSame(truth.keys(selection), FeaturePages.keys(selection.layer(), features), selection.toString());
    return features;
  }

  /** Equal key sets, or a failure naming (some of) the missing and the unexpected keys. */
  public static void assertSame(Set<String> expected, Set<String> actual, String where) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      fail(where + ": expected " + expected.size() + " features, got " + actual.size() + "; missing "
          + missing.size() + " " + some(missing) + ", unexpected " + unexpected.size() + " " + some(unexpected));
    }
  }

  private static String some(Set<String> keys) {
    return keys.stream().limit(SHOWN).toList() + (keys.size() > SHOWN ? "..." : "");
  }
}
