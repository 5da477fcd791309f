package io.urbis.heatplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Specific heat demand by building type and age class, shipped as a resource (typology.yaml) with its source named;
 * overridable. Both sources of a heat plan estimate demand with the same instance, so they agree to the last digit.
 */
public final class Typology {

  /** The age class of buildings without a construction year. */
  public static final String UNKNOWN = "unknown";

  /** A construction-year class; firstYear or lastYear is null where the class is open. */
  public record AgeClass(String key, Integer firstYear, Integer lastYear) {

    boolean holds(int year) {
      return (firstYear == null || year >= firstYear) && (lastYear == null || year <= lastYear);
    }
  }

  private static final String RESOURCE = "typology.yaml";
  private static final Typology SHIPPED = read();

  private final String source;
  private final List<AgeClass> ageClasses;
  private final List<String> buildingTypes;
  /** type -> age class -> kWh/(m2*a), every cell filled (fallbacks, overrides and the unknown age class applied). */
  private final Map<String, Map<String, Double>> specificDemand;
  private final double floorAreaFactor;
  private final Map<String, String> defaultBuildingTypes;
  private final Map<String, Double> efficiencies;

  private Typology(String source, List<AgeClass> ageClasses, List<String> buildingTypes,
      Map<String, Map<String, Double>> specificDemand, double floorAreaFactor, Map<String, String> defaultBuildingTypes,
      Map<String, Double> efficiencies) {
    this.source = source;
    this.ageClasses = List.copyOf(ageClasses);
    this.buildingTypes = List.copyOf(buildingTypes);
    this.specificDemand = specificDemand;
    this.floorAreaFactor = floorAreaFactor;
    this.defaultBuildingTypes = Collections.unmodifiableMap(defaultBuildingTypes);
    this.efficiencies = Collections.unmodifiableMap(efficiencies);
  }

  public static Typology shipped() {
    return SHIPPED;
  }

  /**
   * This typology with some cells replaced: type -> age class -> kWh/(m2*a). The unknown age class, unless overridden
   * itself, is the mean of the type's age classes again.
   *
   * @throws IllegalArgumentException naming the type or age class that the typology does not know, or a value that
   *     is not a positive number
   */
  public Typology withOverrides(Map<String, Map<String, Double>> overrides) {
    Map<String, Map<String, Double>> known = new LinkedHashMap<>();
    for (String type : buildingTypes) {
      Map<String, Double> byAge = new LinkedHashMap<>(specificDemand.get(type));
      byAge.remove(UNKNOWN);
      known.put(type, byAge);
    }
    Map<String, Map<String, Double>> explicitUnknown = new LinkedHashMap<>();
    overrides.forEach((type, byAge) -> {
      if (!known.containsKey(type)) {
        throw new IllegalArgumentException("unknown building type '" + type + "'; known: " + buildingTypes);
      }
      byAge.forEach((age, value) -> {
        if (!known.get(type).containsKey(age) && !UNKNOWN.equals(age)) {
          throw new IllegalArgumentException("unknown age class '" + age + "' of building type '" + type
              + "'; known: " + ageClassKeys());
        }
        if (value == null || !(value > 0) || value.isInfinite()) {
          throw new IllegalArgumentException("specific demand of " + type + " " + age + " must be a positive number,"
              + " not " + value);
        }
        (UNKNOWN.equals(age) ? explicitUnknown.computeIfAbsent(type, t -> new LinkedHashMap<>()) : known.get(type))
            .put(age, value);
      });
    });
    known.forEach((type, byAge) -> byAge.put(UNKNOWN,
        explicitUnknown.getOrDefault(type, Map.of()).getOrDefault(UNKNOWN, mean(byAge))));
    return new Typology(source, ageClasses, buildingTypes, freeze(known), floorAreaFactor, defaultBuildingTypes,
        efficiencies);
  }

  /** Where the values come from, for the layers' descriptions. */
  public String source() {
    return source;
  }

  public List<AgeClass> ageClasses() {
    return ageClasses;
  }

  /** The key of the age class the year falls in; {@value #UNKNOWN} for null. */
  public String ageClassOf(Integer yearBuilt) {
    if (yearBuilt == null) {
      return UNKNOWN;
    }
    return ageClasses.stream().filter(a -> a.holds(yearBuilt)).findFirst().orElseThrow().key();
  }

  public List<String> buildingTypes() {
    return buildingTypes;
  }

  /**
   * Useful heat for space heating and hot water per m2 of heated floor area and year, kWh/(m2*a).
   *
   * @throws IllegalArgumentException for a type or age class the typology does not know
   */
  public double specificDemand(String buildingType, String ageClass) {
    Map<String, Double> byAge = specificDemand.get(buildingType);
    if (byAge == null) {
      throw new IllegalArgumentException("unknown building type '" + buildingType + "'; known: " + buildingTypes);
    }
    Double value = byAge.get(ageClass);
    if (value == null) {
      throw new IllegalArgumentException("unknown age class '" + ageClass + "'; known: " + ageClassKeys());
    }
    return value;
  }

  /** Heated floor area = footprint area x storeys x this. */
  public double floorAreaFactor() {
    return floorAreaFactor;
  }

  /** Data value -> building type: the demo city's functions and ALKIS building function codes. */
  public Map<String, String> defaultBuildingTypes() {
    return defaultBuildingTypes;
  }

  /** The fixed carrier keys, in the order the layers list their columns. */
  public List<String> carriers() {
    return List.copyOf(efficiencies.keySet());
  }

  /**
   * Final energy = heat demand / this, for the carrier.
   *
   * @throws IllegalArgumentException for a carrier key that is not one of {@link #carriers()}
   */
  public double efficiency(String carrier) {
    Double efficiency = efficiencies.get(carrier);
    if (efficiency == null) {
      throw new IllegalArgumentException("unknown energy carrier '" + carrier + "'; known: " + carriers());
    }
    return efficiency;
  }

  private List<String> ageClassKeys() {
    List<String> keys = new ArrayList<>(ageClasses.stream().map(AgeClass::key).toList());
    keys.add(UNKNOWN);
    return keys;
  }

  private static double mean(Map<String, Double> byAge) {
    return byAge.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static Map<String, Map<String, Double>> freeze(Map<String, Map<String, Double>> table) {
    Map<String, Map<String, Double>> frozen = new LinkedHashMap<>();
    table.forEach((type, byAge) -> frozen.put(type, Collections.unmodifiableMap(byAge)));
    return Collections.unmodifiableMap(frozen);
  }

  private static Typology read() {
    JsonNode root;
    try (InputStream in = Typology.class.getResourceAsStream(RESOURCE)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the shipped typology cannot be read", e);
    }
    List<AgeClass> ageClasses = new ArrayList<>();
    root.get("ageClasses").forEach(a -> ageClasses.add(new AgeClass(a.get("key").asText(),
        a.hasNonNull("firstYear") ? a.get("firstYear").asInt() : null,
        a.hasNonNull("lastYear") ? a.get("lastYear").asInt() : null)));
    List<String> types = new ArrayList<>();
    root.get("buildingTypes").forEach(t -> types.add(t.asText()));
    Map<String, Map<String, Double>> table = new LinkedHashMap<>();
    for (String type : types) {
      Map<String, Double> byAge = new LinkedHashMap<>();
      JsonNode sourced = root.get("usefulHeat").path(type);
      String fallback = root.get("fallbacks").path(type).asText(null);
      for (AgeClass age : ageClasses) {
        JsonNode cell = sourced.path(age.key());
        byAge.put(age.key(), cell.isMissingNode()
            ? table.get(fallback).get(age.key())
            : cell.get("heating").asDouble() + cell.get("hotWater").asDouble());
      }
      table.put(type, byAge);
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    root.get("defaultBuildingTypes").fields().forEachRemaining(e -> defaults.put(e.getKey(), e.getValue().asText()));
    String prefix = root.get("alkisCodePrefix").asText();
    root.get("alkisBuildingFunctions").fields().forEachRemaining(e -> {
      defaults.put(e.getKey(), e.getValue().asText());
      defaults.put(prefix + e.getKey(), e.getValue().asText());
    });
    Map<String, Double> efficiencies = new LinkedHashMap<>();
    root.get("carriers").fields().forEachRemaining(e -> efficiencies.put(e.getKey(),
        e.getValue().has("efficiency") ? e.getValue().get("efficiency").asDouble()
            : 1 / e.getValue().get("expenditureFactor").asDouble()));
    Typology withoutUnknownAge = new Typology(root.get("source").asText(), ageClasses, types, table,
        root.get("floorAreaFactor").asDouble(), defaults, efficiencies);
    return withoutUnknownAge.withOverrides(Map.of());
  }
}
