package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.config.UrbisHome;
import io.urbis.heatplan.HeatPlan;
import io.urbis.heatplan.HeatPlanComputation;
import io.urbis.heatplan.HeatPlanLayer;
import io.urbis.heatplan.HeatPlanSummary;
import io.urbis.source.SourceFailureException;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.HeatPlanLayers.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The heat plans of a GeoPackage, computed with JTS: the layers go into a GeoPackage of their own in Urbis's
 * directory (the user's file is only read), one per source file and plan, which the GeoPackage source code serves like
 * any other. The derived file remembers the inputs it was computed from, so a restart or a second server of the same
 * file computes only when the data changed.
 */
public final class GeoPackageHeatPlans implements HeatPlanComputation, AutoCloseable {

  private final GeoPackageFile file;
  private final SourceSettings settings;
  private final Path directory;
  private final Map<String, GeoPackageFeatureSource> layerSources = new ConcurrentHashMap<>();
  private final HeatPlanFileWriter writer = new HeatPlanFileWriter();

  GeoPackageHeatPlans(GeoPackageFile file, SourceSettings settings, Path directory) {
    this.file = file;
    this.settings = settings;
    this.directory = directory;
  }

  /**
   * Where derived layers live unless a test says otherwise: {@code $URBIS_HOME/heatplans}, or
   * {@code ~/.urbis/heatplans} when URBIS_HOME is not set (the demo's directory).
   */
  static Path defaultDirectory() {
    return UrbisHome.directory().resolve("heatplans");
  }

  /** The derived GeoPackage of {@code plan}: named by a hash of the source file's path and the plan id. */
  public Path layerFile(HeatPlan plan) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(file.path().toString().getBytes(StandardCharsets.UTF_8));
      return directory.resolve(HexFormat.of().formatHex(hash, 0, 8) + "-" + plan.id() + ".gpkg");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public List<Collection> layers(HeatPlan plan) {
    Path target = layerFile(plan);
    if (!Files.exists(target)) {
      compute(plan, plan.inputs());
    }
    GeoPackageFeatureSource source = layerSources.computeIfAbsent(plan.id(),
        id -> new GeoPackageFeatureSource(target, settings));
    List<Collection> tables = source.discover();
    List<Collection> layers = new ArrayList<>();
    for (HeatPlanLayer layer : HeatPlanLayer.values()) {
      String table = HeatPlanLayers.tableName(plan, layer.suffix());
      Collection found = tables.stream().filter(c -> c.table().equals(table)).findFirst()
          .orElseThrow(() -> new SourceFailureException("the heat plan layer file " + target + " has no table "
              + table, null));
      layers.add(found.withId(plan.layerId(layer)));
    }
    return layers;
  }

  @Override
  public HeatPlanSummary compute(HeatPlan plan, String inputs) {
    Path target = layerFile(plan);
    try {
      if (Files.exists(target)) {
        try (Connection derived = new GeoPackageFile(target).open()) {
          if (inputs.equals(HeatPlanFileWriter.inputsOf(derived))) {
            return HeatPlanFileWriter.summaryOf(derived);
          }
        }
      }
      Result result;
      try (Connection connection = file.open()) {
        result = compute(plan, new HeatPlanInputs(connection, plan));
      }
      writer.write(file.path(), plan.buildings().srid(), result.tables(), inputs, result.summary(), target);
      return result.summary();
    } catch (SQLException | IOException e) {
      throw new SourceFailureException("computing heat plan " + plan.id() + " of " + file.path() + " failed", e);
    }
  }

  private static Result compute(HeatPlan plan, HeatPlanInputs inputs) throws SQLException {
    GeometryFactory factory = new GeometryFactory();
    HeatPlanUnits units = new HeatPlanUnits(factory, inputs.geometries(plan.streets()),
        plan.blocks() == null ? null : inputs.rows(plan.blocks()), inputs.geometries(plan.boundary()),
        plan.config().streetHalfWidth());
    return new HeatPlanLayers(plan, units, inputs.buildings(), factory).compute();
  }

  @Override
  public void close() {
    layerSources.values().forEach(GeoPackageFeatureSource::close);
  }
}
