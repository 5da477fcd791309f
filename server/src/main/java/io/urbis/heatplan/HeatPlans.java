package io.urbis.heatplan;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.Property;
import io.urbis.config.ConfigException;
import io.urbis.config.HeatPlanConfig;
import io.urbis.source.FeatureSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The configured heat plans, checked against the catalog, and the catalog with their layers: each layer a collection
 * of the source that holds the plan's buildings, read through {@link LiveHeatPlan} so that it follows the data.
 */
public final class HeatPlans {

  private static final Set<GeometryType> POLYGONS = EnumSet.of(GeometryType.POLYGON, GeometryType.MULTIPOLYGON);
  private static final Set<GeometryType> LINES = EnumSet.of(GeometryType.LINESTRING, GeometryType.MULTILINESTRING);

  private final List<LiveHeatPlan> plans;
  private final Catalog catalog;

  private HeatPlans(List<LiveHeatPlan> plans, Catalog catalog) {
    this.plans = List.copyOf(plans);
    this.catalog = catalog;
  }

  /** The live plans, in configuration order. */
  public List<LiveHeatPlan> plans() {
    return plans;
  }

  /** Whether {@code collection} is a layer of a heat plan, in any audience's view of the catalog. */
  public static boolean isLayer(Collection collection) {
    return collection.source() instanceof LayerSource;
  }

  /** The catalog with every plan's layers after the collections they are computed from. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Resolves {@code configs} (completed, {@link io.urbis.config.UrbisConfig#heatPlanDefinitions}) against
   * {@code catalog} and publishes their layers.
   *
   * @param heightColumns the 3D height column of a collection of footprints, if it has one
   * @throws ConfigException naming the key and the fix when a plan names a collection or column that is not there, of
   *     the wrong kind or of another source, or a layer id is taken
   */
  public static HeatPlans publish(List<HeatPlanConfig> configs, Catalog catalog,
      Function<Collection, Optional<String>> heightColumns) {
    List<Collection> collections = new ArrayList<>(catalog.collections());
    List<LiveHeatPlan> live = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      String at = "heatPlans[" + i + "]";
      HeatPlan plan = resolve(configs.get(i), at, catalog, heightColumns);
      for (HeatPlanLayer layer : HeatPlanLayer.values()) {
        if (collections.stream().anyMatch(c -> c.id().equals(plan.layerId(layer)))) {
          throw new ConfigException(at + ".id: the layer id '" + plan.layerId(layer) + "' is taken by another"
              + " collection; give the heat plan another id");
        }
      }
      HeatPlanComputation computation = plan.buildings().source().heatPlans().orElseThrow(() -> new ConfigException(
          at + ".buildings: the source of '" + plan.buildings().id() + "' (" + plan.buildings().source().label()
              + ") cannot compute heat plans"));
      List<Collection> layers = computation.layers(plan);
      LiveHeatPlan livePlan = new LiveHeatPlan(plan, computation);
      // computed before the server answers, so that the first request does not wait, and the descriptions can tell
      // what the computation merged and withheld
      HeatPlanSummary first = livePlan.summary();
      FeatureSource layerSource = new LayerSource(layers.get(0).source(), livePlan);
      for (Collection layer : layers) {
        collections.add(published(layer, livePlan, layerSource, first));
      }
      live.add(livePlan);
    }
    return new HeatPlans(live, new Catalog(collections));
  }

  /** The layer as the catalog publishes it: read through the live plan, described. */
  private static Collection published(Collection layer, LiveHeatPlan plan, FeatureSource layerSource,
      HeatPlanSummary first) {
    HeatPlanLayer kind = kind(plan.plan(), layer.id());
    Collection[] served = new Collection[1];
    LayerData data = new LayerData(plan, () -> served[0].source().extent(served[0]));
    served[0] = new Collection(layer.id(), "Heat plan " + plan.plan().id() + ": " + kind.suffix(),
        HeatPlanDescriptions.of(plan.plan(), kind, first), layer.table(), layer.idColumn(), layer.idType(),
        layer.geometryColumn(), layer.geometryType(), layer.srid(), layer.is3d(), layer.properties(),
        layer.temporalProperty(), data, layerSource);
    return served[0];
  }

  private static HeatPlanLayer kind(HeatPlan plan, String layerId) {
    for (HeatPlanLayer layer : HeatPlanLayer.values()) {
      if (plan.layerId(layer).equals(layerId)) {
        return layer;
      }
    }
    throw new IllegalStateException("not a layer of heat plan " + plan.id() + ": " + layerId);
  }

  static HeatPlan resolve(HeatPlanConfig config, String at, Catalog catalog,
      Function<Collection, Optional<String>> heightColumns) {
    Collection buildings = collection(catalog, at + ".buildings", config.buildings(), POLYGONS, "polygons");
    if (buildings.srid() == 4326 || buildings.srid() == 0) {
      throw new ConfigException(at + ".buildings: '" + buildings.id() + "' is stored in "
          + (buildings.srid() == 0 ? "no known CRS" : "longitude and latitude") + "; heat plans measure areas and"
          + " lengths in the storage CRS, which must be projected in metres (e.g. EPSG:25832)");
    }
    Collection streets = optional(catalog, at + ".streets", config.streets(), LINES, "lines", buildings);
    Collection blocks = optional(catalog, at + ".blocks", config.blocks(), POLYGONS, "polygons", buildings);
    Collection boundary = optional(catalog, at + ".boundary", config.boundary(), POLYGONS, "polygons", buildings);
    HeatPlanConfig.Columns columns = config.columns();
    for (String address : columns.address()) {
      requireColumn(buildings, at + ".columns.address", address);
    }
    requireColumn(buildings, at + ".columns.buildingType", columns.buildingType());
    requireColumn(buildings, at + ".columns.yearBuilt", columns.yearBuilt());
    requireColumn(buildings, at + ".columns.storeys", columns.storeys());
    requireColumn(buildings, at + ".columns.heatDemand", columns.heatDemand());
    requireColumn(buildings, at + ".columns.energyCarrier", columns.energyCarrier());
    requireColumn(buildings, at + ".columns.heatingSystem", columns.heatingSystem());
    Typology typology = typology(config, at);
    Map<String, String> types = new LinkedHashMap<>(typology.defaultBuildingTypes());
    config.buildingTypes().forEach((value, type) -> {
      requireKnown(typology.buildingTypes(), type, at + ".buildingTypes." + value, "building types");
      types.put(value, type);
    });
    config.energyCarriers().forEach((value, carrier) ->
        requireKnown(typology.carriers(), carrier, at + ".energyCarriers." + value, "energy carriers"));
    typology.carriers().forEach(carrier -> {
      if (!carrier.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalStateException("carrier key '" + carrier + "' cannot name a column");
      }
    });
    return new HeatPlan(config, buildings, streets, blocks, boundary, heightColumns.apply(buildings).orElse(null),
        typology, types, config.energyCarriers());
  }

  private static Typology typology(HeatPlanConfig config, String at) {
    Typology shipped = Typology.shipped();
    List<String> ageClasses = shipped.ageClasses().stream().map(Typology.AgeClass::key).toList();
    config.typology().forEach((type, byAge) -> {
      requireKnown(shipped.buildingTypes(), type, at + ".typology." + type, "building types");
      if (byAge == null) {
        throw new ConfigException(at + ".typology." + type + " is empty: give age classes and kWh/(m²·a)");
      }
      byAge.forEach((ageClass, demand) -> {
        requireKnown(ageClasses, ageClass, at + ".typology." + type + "." + ageClass, "age classes");
        if (demand == null || demand < 0) {
          throw new ConfigException(at + ".typology." + type + "." + ageClass + " must be a specific heat demand in"
              + " kWh/(m²·a), not negative");
        }
      });
    });
    return config.typology().isEmpty() ? shipped : shipped.withOverrides(config.typology());
  }

  private static Collection collection(Catalog catalog, String key, String id, Set<GeometryType> types,
      String kind) {
    Collection collection = catalog.find(id).orElseThrow(() -> new ConfigException(key + ": there is no collection '"
        + id + "'; collections: " + catalog.collections().stream().map(Collection::id).toList()));
    if (!types.contains(collection.geometryType())) {
      throw new ConfigException(key + ": '" + id + "' holds " + collection.geometryType().name().toLowerCase(
          Locale.ROOT) + " geometries; it must hold " + kind);
    }
    return collection;
  }

  private static Collection optional(Catalog catalog, String key, String id, Set<GeometryType> types, String kind,
      Collection buildings) {
    if (id == null) {
      return null;
    }
    Collection collection = collection(catalog, key, id, types, kind);
    if (collection.source() != buildings.source()) {
      throw new ConfigException(key + ": '" + id + "' is of " + collection.source().label() + ", the buildings '"
          + buildings.id() + "' of " + buildings.source().label() + "; a heat plan's collections must be of one"
          + " source");
    }
    return collection;
  }

  private static void requireColumn(Collection collection, String key, String column) {
    if (column != null && collection.property(column).isEmpty()) {
      throw new ConfigException(key + ": '" + column + "' is not a property of " + collection.id() + "; it has "
          + collection.properties().stream().map(Property::name).toList());
    }
  }

  private static void requireKnown(List<String> known, String value, String key, String what) {
    if (!known.contains(value)) {
      throw new ConfigException(key + ": '" + value + "' is none of the typology's " + what + " " + known);
    }
  }
}
