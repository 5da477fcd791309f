package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.source.Extrusion;
import io.urbis.source.ModelBounds;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.Gdal;
import io.urbis.testdata.SharedData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 6,631 real building footprints of Wesel (shared test data, loaded with ogr2ogr as a municipality would),
 * extruded by their measured height from their ground height: every building in exactly one tile, every tile
 * containing its content, and the coarse levels no grid of buildings along the quadtree's edges. Skips when the
 * shared data or GDAL is absent.
 */
class Tiles3dWeselTest {

  private static final String FOOTPRINTS = "nrw_wesel_lod2/wesel_buildings_footprints.gpkg";

  @Test
  void everyWeselBuildingIsInExactlyOneTileThatContainsIt() throws Exception {
    Optional<Path> file = SharedData.file(FOOTPRINTS);
    assumeTrue(file.isPresent(), "shared data " + FOOTPRINTS + " is absent");
    assumeTrue(Gdal.has("ogr2ogr"), "ogr2ogr (gdal-bin) is not installed");
    try (PostgisTestDatabase database = new PostgisTestDatabase("/io/urbis/tiles3d/postgis.sql")) {
      database.loadWithGdal(file.get());
      try (PostgisFeatureSource source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS,
          List.of())) {
        Catalog catalog = new CatalogBuilder().add("wesel", source).build();
        Collection buildings = catalog.find("buildings").orElseThrow();
        Extrusion extrusion = new Extrusion("measured_height", "ground_z_min");
        Tiles3dService tiles = new Tiles3dService(new Tiles3dSettings(0, Map.of("buildings", extrusion), Map.of(),
            MeshEncoding.DEFAULT, Tiles3dSettings.DEFAULT_CACHE_BYTES, null));
        long start = System.nanoTime();
        TilingScheme scheme = tiles.index(buildings).scheme();
        TilesetWalk walk = new TilesetWalk(scheme, t -> tiles.subtree(buildings, t).content(),
            t -> tiles.content(buildings, t).content(), tiles.schema(buildings).content()).walk();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Wesel: %d buildings in %d tiles on %d levels, built in %.2f s (%.0f buildings/s)%n",
            walk.featureIds.size(), walk.tiles, scheme.availableLevels(), seconds, walk.featureIds.size() / seconds);
        assertEquals(6631, walk.featureIds.size());
        assertEquals(6631, new HashSet<>(walk.featureIds).size());
        assertTrue(walk.maxLevel >= scheme.availableLevels() - 2, "small buildings sit deep: level " + walk.maxLevel);
        assertTrue(walk.tiles < 6631 / 20, "tiles hold dozens of buildings, not a few: " + walk.tiles + " tiles");
        walk.assertEveryTileKeepsTheMetadataRules();

        List<ModelBounds> bounds = buildings.source().models().orElseThrow().bounds(buildings, extrusion);
        GridMeasure coarse = GridMeasure.ofTwoCoarsestLevels(tiles.index(buildings), bounds);
        GridMeasure aboveLeaves = GridMeasure.of(tiles.index(buildings), bounds, level -> true);
        System.out.println("Wesel, two coarsest levels: " + coarse + "; every level above the leaves: " + aboveLeaves);
        assertTrue(coarse.buildings() > 300, "the overview shows hundreds of buildings: " + coarse);
        assertTrue(coarse.crossAtMost(1.5), coarse.toString());
        assertTrue(aboveLeaves.ratio() <= 1.5 && aboveLeaves.ratio() >= 1 / 1.5, aboveLeaves.toString());
      }
    }
  }
}
