package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of the {@code heatPlans} key: the layers of a municipal heat plan (Wärmeplanungsgesetz, Anlage 2) computed
 * from a buildings collection and, optionally, streets, blocks and a municipal boundary of the same source. Only the
 * buildings are required; every other key has a default. The collections and columns are checked against the catalog
 * when the server starts ({@code io.urbis.heatplan.HeatPlans}).
 *
 * @param id prefix of the layer collections' ids ({@code <id>-buildings}, {@code -blocks}, {@code -sections},
 *     {@code -areas}); {@code heatplan} when not given
 * @param buildings the collection of building footprints (polygons)
 * @param columns which columns of the buildings hold what the plan needs
 * @param buildingTypes data values of the building type column mapped to the typology's types (added to its defaults)
 * @param energyCarriers data values of the energy carrier column mapped to carrier keys
 * @param streets the collection of street lines; without it there are no sections and blocks must be given
 * @param blocks the collection of block polygons; derived from the streets when not given
 * @param boundary the collection of polygons whose union is the municipality
 * @param streetHalfWidth metres; a block's net area is the block minus the streets buffered by this
 * @param candidates the thresholds above which blocks and sections are candidates for heat networks
 * @param protection the data protection thresholds and the roles that see single buildings' values
 * @param typology overrides of the typology's specific demand: type, then age class, then kWh/(m²·a)
 */
public record HeatPlanConfig(
    @JsonProperty("id") String id,
    @JsonProperty("buildings") String buildings,
    @JsonProperty("columns") Columns columns,
    @JsonProperty("buildingTypes") Map<String, String> buildingTypes,
    @JsonProperty("energyCarriers") Map<String, String> energyCarriers,
    @JsonProperty("streets") String streets,
    @JsonProperty("blocks") String blocks,
    @JsonProperty("boundary") String boundary,
    @JsonProperty("streetHalfWidth") Double streetHalfWidth,
    @JsonProperty("candidates") Candidates candidates,
    @JsonProperty("protection") Protection protection,
    @JsonProperty("typology") Map<String, Map<String, Double>> typology) {

  public static final String DEFAULT_ID = "heatplan";
  public static final double DEFAULT_STREET_HALF_WIDTH = 5;
  /** Collection ids are path segments: the plan id stays within what needs no escaping. */
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

  /**
   * The buildings' columns the plan reads; each may be absent.
   *
   * @param address one or more text columns joined with a space; a building without any counts as an address of its own
   * @param buildingType the column whose values {@code buildingTypes} maps to typology types
   * @param yearBuilt the integer year of construction, giving the typology's age class
   * @param storeys the number of storeys; else the buildings' 3D height column ({@code tiles3d}) over 3 m, else 2
   * @param heatDemand the heat demand in kWh/a; estimated where null or absent
   * @param energyCarrier the column whose values {@code energyCarriers} maps to carrier keys
   * @param heatingSystem data about the heating system, personal and published only in aggregates of at least
   *     {@code protection.minimumAddressesHeating} addresses
   */
  public record Columns(
      @JsonProperty("address") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> address,
      @JsonProperty("buildingType") String buildingType,
      @JsonProperty("yearBuilt") String yearBuilt,
      @JsonProperty("storeys") String storeys,
      @JsonProperty("heatDemand") String heatDemand,
      @JsonProperty("energyCarrier") String energyCarrier,
      @JsonProperty("heatingSystem") String heatingSystem) {

    static final Columns NONE = new Columns(List.of(), null, null, null, null, null, null);

    public Columns {
      address = address == null ? List.of() : List.copyOf(address);
    }
  }

  /**
   * The thresholds of candidate areas for heat networks.
   *
   * @param heatLineDensity kWh/(m·a); sections at or above are candidates
   * @param heatDensity MWh/(ha·a); blocks at or above are candidates
   */
  public record Candidates(@JsonProperty("heatLineDensity") Double heatLineDensity,
      @JsonProperty("heatDensity") Double heatDensity) {

    /** The defaults the README names the sources of. */
    public static final Candidates DEFAULTS = new Candidates(1500.0, 175.0);

    Candidates orElse(Candidates fallback) {
      return new Candidates(heatLineDensity != null ? heatLineDensity : fallback.heatLineDensity,
          heatDensity != null ? heatDensity : fallback.heatDensity);
    }
  }

  /**
   * Data protection (WPG § 10, Anlage 1).
   *
   * @param minimumAddresses aggregates of fewer addresses are never published to roles outside
   *     {@code personalDataRoles}
   * @param minimumAddressesHeating the same for data about heating systems
   * @param personalDataRoles roles that see single buildings' personal values
   */
  public record Protection(@JsonProperty("minimumAddresses") Integer minimumAddresses,
      @JsonProperty("minimumAddressesHeating") Integer minimumAddressesHeating,
      @JsonProperty("personalDataRoles") List<String> personalDataRoles) {

    public static final Protection DEFAULTS = new Protection(5, 3, List.of());

    Protection orElse(Protection fallback) {
      return new Protection(minimumAddresses != null ? minimumAddresses : fallback.minimumAddresses,
          minimumAddressesHeating != null ? minimumAddressesHeating : fallback.minimumAddressesHeating,
          personalDataRoles != null ? List.copyOf(personalDataRoles) : fallback.personalDataRoles);
    }
  }

  /**
   * This entry, the {@code index}th of the list, with every default filled in and its values checked.
   *
   * @throws ConfigException naming the key ({@code heatPlans[i].…}) and the fix
   */
  public HeatPlanConfig completed(int index) {
    String at = "heatPlans[" + index + "]";
    String planId = id == null ? DEFAULT_ID : id;
    require(ID.matcher(planId).matches(), at + ".id must start with a letter and hold only letters, digits and _"
        + " (at most 40), got '" + planId + "'");
    require(buildings != null && !buildings.isBlank(), at + ".buildings is missing: name the collection of building"
        + " footprints");
    require(streets != null || blocks != null, at + ": name streets (blocks are derived from them) or blocks");
    double halfWidth = streetHalfWidth == null ? DEFAULT_STREET_HALF_WIDTH : streetHalfWidth;
    require(halfWidth >= 0, at + ".streetHalfWidth must not be negative, got " + halfWidth);
    Candidates thresholds = candidates == null ? Candidates.DEFAULTS : candidates.orElse(Candidates.DEFAULTS);
    require(thresholds.heatLineDensity() >= 0, at + ".candidates.heatLineDensity must not be negative");
    require(thresholds.heatDensity() >= 0, at + ".candidates.heatDensity must not be negative");
    Protection rules = protection == null ? Protection.DEFAULTS : protection.orElse(Protection.DEFAULTS);
    require(rules.minimumAddresses() >= 1, at + ".protection.minimumAddresses must be at least 1");
    require(rules.minimumAddressesHeating() >= 1, at + ".protection.minimumAddressesHeating must be at least 1");
    Columns given = columns == null ? Columns.NONE : columns;
    require(given.address().stream().noneMatch(c -> c == null || c.isBlank()), at + ".columns.address names an"
        + " empty column");
    return new HeatPlanConfig(planId, buildings, given, buildingTypes == null ? Map.of() : Map.copyOf(buildingTypes),
        energyCarriers == null ? Map.of() : Map.copyOf(energyCarriers), streets, blocks, boundary, halfWidth,
        thresholds, rules, typology == null ? Map.of() : typology);
  }

  /** The entries of the {@code heatPlans} list completed, their ids unique. */
  public static List<HeatPlanConfig> completed(List<HeatPlanConfig> plans) {
    List<HeatPlanConfig> done = new java.util.ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      require(plans.get(i) != null, "heatPlans[" + i + "] is empty: give at least buildings");
      HeatPlanConfig plan = plans.get(i).completed(i);
      int index = i;
      require(done.stream().noneMatch(p -> p.id().equals(plan.id())), "heatPlans[" + index + "].id '" + plan.id()
          + "' is taken by an earlier heat plan; give each its own id");
      done.add(plan);
    }
    return List.copyOf(done);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
