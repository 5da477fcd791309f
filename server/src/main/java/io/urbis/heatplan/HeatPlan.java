package io.urbis.heatplan;

import io.urbis.catalog.Collection;
import io.urbis.config.HeatPlanConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configured heat plan, resolved against the catalog: its input collections (all of one source), the buildings'
 * columns, and the typology and value mappings its numbers come from.
 *
 * @param config the completed configuration entry
 * @param buildings the building footprints
 * @param streets the street lines, or null
 * @param blocks the block polygons, or null (then derived from the streets)
 * @param boundary the polygons whose union is the municipality, or null
 * @param heightColumn the buildings' 3D height column, or null: storeys are estimated from it, and the buildings
 *     layer carries it so that it is extruded in 3D
 * @param typology the shipped typology with the configuration's overrides
 * @param buildingTypes data values of the building type column mapped to typology types
 * @param energyCarriers data values of the energy carrier column mapped to carrier keys
 */
public record HeatPlan(
    HeatPlanConfig config,
    Collection buildings,
    Collection streets,
    Collection blocks,
    Collection boundary,
    String heightColumn,
    Typology typology,
    Map<String, String> buildingTypes,
    Map<String, String> energyCarriers) {

  /** The carrier of buildings whose carrier value is not mapped. */
  public static final String OTHER_CARRIER = "other";
  /** The carrier of buildings without a carrier value, the type of unmapped type values, the age class of no year. */
  public static final String UNKNOWN = "unknown";
  /** Properties of the buildings layer that only {@code protection.personalDataRoles} see. */
  private static final List<String> PERSONAL = List.of("heat_demand_kwh_a", "energy_carrier", "final_energy_kwh_a");

  public HeatPlan {
    buildingTypes = Map.copyOf(buildingTypes);
    energyCarriers = Map.copyOf(energyCarriers);
  }

  public String id() {
    return config.id();
  }

  public String layerId(HeatPlanLayer layer) {
    return id() + "-" + layer.suffix();
  }

  /** The properties of the buildings layer that are personal data (single buildings' values). */
  public List<String> personalProperties() {
    List<String> personal = new ArrayList<>(PERSONAL);
    if (config.columns().heatingSystem() != null) {
      personal.add("heating_system");
    }
    return personal;
  }

  /** The input collections: buildings, then streets, blocks and boundary where given. */
  public List<Collection> inputCollections() {
    List<Collection> inputs = new ArrayList<>(List.of(buildings));
    for (Collection collection : new Collection[] {streets, blocks, boundary}) {
      if (collection != null) {
        inputs.add(collection);
      }
    }
    return inputs;
  }

  /**
   * The data the layers are computed from, as one value: the versions of the input collections, each by id, with a
   * fingerprint of the settings the numbers depend on, so that layers computed before a restart with other settings
   * count as outdated.
   */
  public String inputs() {
    StringBuilder versions = new StringBuilder(fingerprint());
    for (Collection input : inputCollections()) {
      versions.append('|').append(input.id()).append('@').append(input.data().version());
    }
    return versions.toString();
  }

  /** The part of {@link #inputs} that is not the buildings' version: equal when only the buildings changed. */
  public static String withoutBuildings(String inputs) {
    String[] parts = inputs.split("\\|", -1);
    StringBuilder rest = new StringBuilder(parts[0]);
    for (int i = 2; i < parts.length; i++) {
      rest.append('|').append(parts[i]);
    }
    return rest.toString();
  }

  /**
   * A short hash of every setting the layers' numbers depend on (the configuration entry, the mappings, the typology's
   * values).
   */
  public String fingerprint() {
    StringBuilder settings = new StringBuilder(String.join("|", config.id(), config.buildings(),
        String.valueOf(config.streets()), String.valueOf(config.blocks()), String.valueOf(config.boundary()),
        String.valueOf(heightColumn), config.columns().toString(), String.valueOf(config.streetHalfWidth()),
        config.candidates().toString(), config.protection().toString()));
    settings.append(new TreeMap<>(buildingTypes)).append(new TreeMap<>(energyCarriers));
    settings.append(typology.floorAreaFactor());
    for (String type : typology.buildingTypes()) {
      for (String ageClass : ageClassKeys()) {
        settings.append(type).append(ageClass).append(typology.specificDemand(type, ageClass));
      }
    }
    typology.carriers().forEach(c -> settings.append(c).append(typology.efficiency(c)));
    typology.ageClasses().forEach(settings::append);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(settings.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The keys of the typology's age classes and {@code unknown}, the age class of buildings without a year. */
  public List<String> ageClassKeys() {
    List<String> keys = new ArrayList<>(typology.ageClasses().stream().map(Typology.AgeClass::key).toList());
    if (!keys.contains(UNKNOWN)) {
      keys.add(UNKNOWN);
    }
    return keys;
  }

  /** The typology type of a value of the building type column; {@code unknown} for null and unmapped values. */
  public String buildingType(String value) {
    return value == null ? UNKNOWN : buildingTypes.getOrDefault(value, UNKNOWN);
  }

  /** The carrier of a value of the energy carrier column: unmapped values are {@code other}, null {@code unknown}. */
  public String carrier(String value) {
    return value == null ? UNKNOWN : energyCarriers.getOrDefault(value, OTHER_CARRIER);
  }
}
