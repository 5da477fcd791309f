package io.urbis;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.UrbisConfig;
import io.urbis.heatplan.HeatPlans;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.tiles.TileProperties;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code urbis serve} and {@code urbis seed} make of a configuration alike: the opened sources, their catalog
 * with the layers of the heat plans, and the tile settings, so that seeded tiles have the cache keys the server looks
 * for.
 */
record Publication(List<FeatureSource> sources, Catalog catalog, TileSettings tiles, Tiles3dService tiles3d,
    HeatPlans heatPlans) {

  static Publication open(UrbisConfig config) {
    SourceSettings sourceSettings = new SourceSettings(config.coordinatePrecision(), config.filteredCountLimit());
    List<FeatureSource> sources = new ArrayList<>();
    CatalogBuilder catalogBuilder = new CatalogBuilder();
    for (String location : Sources.locations(config)) {
      FeatureSource source = Sources.open(location, sourceSettings, config.schemas());
      sources.add(source);
      catalogBuilder.add(Sources.shortName(location), source);
    }
    Catalog sourceCatalog = catalogBuilder.build();
    HeatPlans heatPlans = HeatPlans.publish(Sources.heatPlans(config, sourceCatalog), sourceCatalog,
        collection -> Tiles3dSetup.extrusionHeight(config.tiles3d(), collection));
    Catalog catalog = heatPlans.catalog();
    Path cacheDirectory = config.tiles().cacheDirectory() == null ? null : Path.of(config.tiles().cacheDirectory());
    TileSettings tiles = new TileSettings(config.tiles().cacheControl(),
        new TileProperties(config.tiles().properties()), config.tiles().cacheBytes(), cacheDirectory,
        config.tiles().budget());
    Tiles3dService tiles3d = new Tiles3dService(Tiles3dSetup.settings(config.tiles3d(), catalog, cacheDirectory));
    return new Publication(List.copyOf(sources), catalog, tiles, tiles3d, heatPlans);
  }

  void close() {
    sources.forEach(FeatureSource::close);
  }
}
