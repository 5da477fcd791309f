package io.urbis;

import io.urbis.catalog.Catalog;
import io.urbis.config.ConfigException;
import io.urbis.config.HeatPlanConfig;
import io.urbis.config.UrbisConfig;
import io.urbis.demo.DemoCity;
import io.urbis.demo.DemoHeatPlan;
import io.urbis.error.Causes;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
import io.urbis.source.postgis.DatabaseUrl;
import io.urbis.source.postgis.PostgisFeatureSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns source locations (database URLs, GeoPackage paths) into open sources; with none configured, serves the demo
 * city and its heat plan.
 */
final class Sources {

  private static final Logger LOG = LoggerFactory.getLogger(Sources.class);

  private Sources() {}

  /** The configured sources, or the demo city (generated on first use) when none is configured. */
  static List<String> locations(UrbisConfig config) {
    if (servesTheDemo(config)) {
      Path demo = DemoCity.ensure(DemoCity.defaultLocation());
      LOG.info("no source configured: serving the synthetic demo city {}", demo);
      return List.of(demo.toString());
    }
    return config.sources();
  }

  /**
   * The configured heat plans, completed; serving the demo city without any, the demo's own over {@code catalog}
   * (none over a demo generated before its buildings carried what a heat plan reads).
   */
  static List<HeatPlanConfig> heatPlans(UrbisConfig config, Catalog catalog) {
    if (!servesTheDemo(config) || !config.heatPlans().isEmpty()) {
      return config.heatPlanDefinitions();
    }
    Optional<HeatPlanConfig> demo = DemoHeatPlan.over(catalog);
    if (demo.isEmpty()) {
      LOG.warn("the demo city {} predates heat plans: delete it to have it generated anew with its heat plan",
          DemoCity.defaultLocation());
    }
    return HeatPlanConfig.completed(demo.stream().toList());
  }

  private static boolean servesTheDemo(UrbisConfig config) {
    return config.sources().isEmpty();
  }

  static FeatureSource open(String location, SourceSettings settings, List<String> schemas) {
    if (DatabaseUrl.looksLikeOne(location)) {
      DatabaseUrl url = DatabaseUrl.parse(location);
      try {
        return new PostgisFeatureSource(url, settings, schemas);
      } catch (RuntimeException e) {
        throw new SourceOpeningException("cannot connect to " + url.label() + ": " + Causes.rootMessage(e), e);
      }
    }
    // a location with a scheme is a URL, however it ends: never a file name to echo with its password
    if (location.toLowerCase(Locale.ROOT).endsWith(".gpkg") && !location.contains("://")) {
      return new GeoPackageFeatureSource(Path.of(location), settings);
    }
    throw new ConfigException("'" + DatabaseUrl.redacted(location) + "' is neither a postgresql:// URL nor a .gpkg"
        + " file");
  }

  /** A short name for prefixing colliding collection ids: the database or file name. */
  static String shortName(String location) {
    if (DatabaseUrl.looksLikeOne(location)) {
      String label = DatabaseUrl.parse(location).label();
      return label.substring(label.lastIndexOf('/') + 1);
    }
    String file = Path.of(location).getFileName().toString();
    return file.replaceFirst("\\.gpkg$", "");
  }
}
