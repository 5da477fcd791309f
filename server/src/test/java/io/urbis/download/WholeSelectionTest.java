package io.urbis.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.demo.DemoCity;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.Returnables;
import io.urbis.query.SortKey;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download's features, read page after page, are the selection's, in its order, up to the limit given. */
class WholeSelectionTest {

  private static final Bbox TOWN_CENTRE = new Bbox(8.11, 51.98, 8.14, 52.0);

  @TempDir static Path folder;
  private static GeoPackageFeatureSource source;
  private static Collection buildings;

  @BeforeAll
  static void openTheDemoTown() {
    source = new GeoPackageFeatureSource(DemoCity.ensure(folder.resolve("demo.gpkg")), SourceSettings.DEFAULTS);
    buildings = source.discover().stream().filter(c -> c.id().equals("buildings")).findFirst().orElseThrow();
  }

  @AfterAll
  static void close() {
    source.close();
  }

  @Test
  void smallPagesDeliverWhatOneLargePageHolds() {
    FeatureQuery query = new FeatureQuery(TOWN_CENTRE, null, 10, null);
    List<Object> all = onePage(query.withLimit(100_000));
    assertTrue(all.size() > 50, "the selection spans several pages of 7: " + all.size());
    assertEquals(all, ids(new WholeSelection(buildings, query, null, 7)));
  }

  @Test
  void sortedSelectionsFollowTheirOffsets() {
    FeatureQuery query = new FeatureQuery(TOWN_CENTRE, null, 10, null, List.of(), Crs.CRS84, null,
        Returnables.ALL, List.of(new SortKey(buildings.properties().get(0).name(), false)));
    assertEquals(onePage(query.withLimit(100_000)), ids(new WholeSelection(buildings, query, null, 7)));
  }

  @Test
  void aGivenLimitBoundsTheDownload() {
    FeatureQuery query = new FeatureQuery(TOWN_CENTRE, null, 10, null);
    assertEquals(onePage(query.withLimit(23)), ids(new WholeSelection(buildings, query, 23, 7)));
  }

  private static List<Object> onePage(FeatureQuery query) {
    List<Object> ids = new ArrayList<>();
    try (FeatureStream page = source.query(buildings, query)) {
      for (EncodedFeature feature = page.next(); feature != null; feature = page.next()) {
        ids.add(feature.id());
      }
    }
    return ids;
  }

  private static List<Object> ids(WholeSelection selection) {
    List<Object> ids = new ArrayList<>();
    try (selection) {
      for (EncodedFeature feature = selection.next(); feature != null; feature = selection.next()) {
        ids.add(feature.id());
      }
    }
    return ids;
  }
}
