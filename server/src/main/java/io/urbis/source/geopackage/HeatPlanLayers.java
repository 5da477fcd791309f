package io.urbis.source.geopackage;

import io.urbis.config.HeatPlanConfig;
import io.urbis.heatplan.Disclosure;
import io.urbis.heatplan.Disclosure.Group;
import io.urbis.heatplan.Disclosure.Status;
import io.urbis.heatplan.HeatPlan;
import io.urbis.heatplan.HeatPlanSummary;
import io.urbis.source.geopackage.HeatPlanUnits.Block;
import io.urbis.source.geopackage.HeatPlanUnits.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The four layers of a heat plan from its buildings and units: the buildings with their block and section (the
 * units' own ids; the published values of the rows holding them), the blocks and sections grouped by
 * {@link Disclosure} (each row's id its smallest unit id, unit_ids all of them), and the candidate areas. Values of withheld groups are null; values
 * about heating systems are null in groups of fewer than {@code minimumAddressesHeating} addresses.
 */
final class HeatPlanLayers {

  /** A building as the plan sees it: the address it counts as (null: one of its own), its estimated values. */
  record Building(long id, Geometry footprint, String address, String buildingType, String ageClass,
      boolean estimated, double heatDemandKwhA, String carrier, String heatingSystem, Object height) {

    double finalEnergyKwhA(HeatPlan plan) {
      return heatDemandKwhA / plan.typology().efficiency(carrier);
    }
  }

  /** One feature table of the derived GeoPackage: its columns after fid and geom, and its rows. */
  record Table(String name, String geometryType, List<Column> columns, List<Row> rows) {}

  /** A column and its GeoPackage data type. */
  record Column(String name, String type) {}

  /** A row: its fid, its geometry, one value per column. */
  record Row(long id, Geometry geometry, List<Object> values) {}

  /** The layers, in {@link io.urbis.heatplan.HeatPlanLayer} order, and the summary of the computation. */
  record Result(List<Table> tables, HeatPlanSummary summary) {}

  private final HeatPlan plan;
  private final HeatPlanUnits units;
  private final List<Building> buildings;
  private final GeometryFactory factory;
  private final Map<Long, Block> blockUnit = new HashMap<>();
  private final Map<Long, Section> sectionUnit = new HashMap<>();

  HeatPlanLayers(HeatPlan plan, HeatPlanUnits units, List<Building> buildings, GeometryFactory factory) {
    this.plan = plan;
    this.units = units;
    this.buildings = buildings;
    this.factory = factory;
  }

  Result compute() {
    for (Building building : buildings) {
      var point = building.footprint().getInteriorPoint();
      Block block = units.blockOf(point);
      if (block != null) {
        blockUnit.put(building.id(), block);
      }
      Section section = units.sectionOf(point);
      if (section != null) {
        sectionUnit.put(building.id(), section);
      }
    }
    HeatPlanConfig.Protection protection = plan.config().protection();
    HeatPlanConfig.Candidates thresholds = plan.config().candidates();
    Grouping sectionGrouping = grouping(units.sections().stream().map(Section::id).toList(), sectionUnit,
        units.sectionNeighbours());
    List<Group> sectionGroups = sectionGrouping.groups();
    Map<Long, Group> sectionGroupOfUnit = sectionGrouping.ofUnit();
    Map<Long, Section> sectionsById = new HashMap<>();
    units.sections().forEach(s -> sectionsById.put(s.id(), s));
    Set<Long> candidateSectionGroups = new HashSet<>();
    List<Row> sectionRows = new ArrayList<>();
    Map<Long, List<Building>> bySectionGroup = byGroup(sectionUnit, sectionGroupOfUnit);
    for (Group group : sectionGroups) {
      Totals totals = totals(bySectionGroup.getOrDefault(group.id(), List.of()));
      double length = group.unitIds().stream().mapToDouble(id -> sectionsById.get(id).line().getLength()).sum();
      Double density = length > 0 ? totals.heatDemandKwhA / length : null;
      boolean candidate = group.status() != Status.WITHHELD && density != null
          && density >= thresholds.heatLineDensity();
      if (candidate) {
        candidateSectionGroups.add(group.id());
      }
      Geometry lines = factory.createMultiLineString(group.unitIds().stream()
          .map(id -> sectionsById.get(id).line()).toArray(LineString[]::new));
      sectionRows.add(new Row(group.id(), lines, withheld(group, Arrays.asList(unitIds(group), length,
          totals.buildings, group.addresses(), totals.estimated, totals.heatDemandKwhA / 1000, density, candidate))));
    }

    Grouping blockGrouping = grouping(units.blocks().stream().map(Block::id).toList(), blockUnit,
        units.blockNeighbours());
    List<Group> blockGroups = blockGrouping.groups();
    Map<Long, Group> blockGroupOfUnit = blockGrouping.ofUnit();
    Map<Long, Block> blocksById = new HashMap<>();
    units.blocks().forEach(b -> blocksById.put(b.id(), b));
    Map<Long, Double> blockDensity = new HashMap<>();
    Set<Long> candidateBlockGroups = new HashSet<>();
    List<Row> blockRows = new ArrayList<>();
    List<String> carriers = plan.typology().carriers();
    Map<Long, List<Building>> byBlockGroup = byGroup(blockUnit, blockGroupOfUnit);
    for (Group group : blockGroups) {
      List<Building> inGroup = byBlockGroup.getOrDefault(group.id(), List.of());
      Totals totals = totals(inGroup);
      double areaHa = group.unitIds().stream().mapToDouble(id -> blocksById.get(id).net().getArea()).sum() / 10_000;
      Double density = areaHa > 0 ? totals.heatDemandKwhA / 1000 / areaHa : null;
      double onCandidateSections = inGroup.stream()
          .filter(b -> sectionUnit.containsKey(b.id())
              && candidateSectionGroups.contains(sectionGroupOfUnit.get(sectionUnit.get(b.id()).id()).id()))
          .mapToDouble(Building::heatDemandKwhA).sum();
      boolean candidate = group.status() != Status.WITHHELD
          && (density != null && density >= thresholds.heatDensity()
              || totals.heatDemandKwhA > 0 && 2 * onCandidateSections >= totals.heatDemandKwhA);
      if (candidate) {
        candidateBlockGroups.add(group.id());
      }
      if (group.status() != Status.WITHHELD) {
        blockDensity.put(group.id(), density);
      }
      boolean heatingShown = group.addresses() >= protection.minimumAddressesHeating() || group.addresses() == 0;
      List<Object> values = new ArrayList<>(List.of(unitIds(group), areaHa, totals.buildings, group.addresses(),
          totals.estimated, totals.heatDemandKwhA / 1000));
      values.add(density);
      values.add(heatingShown ? totals.finalEnergyKwhA / 1000 : null);
      for (String carrier : carriers) {
        values.add(heatingShown ? totals.finalByCarrier.getOrDefault(carrier, 0.0) / 1000 : null);
      }
      for (String carrier : carriers) {
        values.add(heatingShown && totals.finalEnergyKwhA > 0
            ? totals.finalByCarrier.getOrDefault(carrier, 0.0) / totals.finalEnergyKwhA : null);
      }
      values.add(predominant(totals.types));
      values.add(predominant(totals.ageClasses));
      values.add(candidate);
      blockRows.add(new Row(group.id(), union(group.unitIds().stream().map(id -> blocksById.get(id).gross()).toList()),
          withheld(group, values)));
    }

    List<Row> areaRows = areas(blockGroups, candidateBlockGroups, blockGroupOfUnit, blocksById, byBlockGroup);
    List<Row> buildingRows = new ArrayList<>();
    for (Building building : buildings) {
      Block block = blockUnit.get(building.id());
      Section section = sectionUnit.get(building.id());
      Long blockGroup = block == null ? null : blockGroupOfUnit.get(block.id()).id();
      List<Object> values = new ArrayList<>();
      values.add(block == null ? null : block.id());
      values.add(section == null ? null : section.id());
      values.add(building.buildingType());
      values.add(building.ageClass());
      values.add(building.estimated());
      if (plan.heightColumn() != null) {
        values.add(building.height());
      }
      values.add(blockGroup == null ? null : blockDensity.get(blockGroup));
      values.add(blockGroup != null && candidateBlockGroups.contains(blockGroup));
      values.add(building.heatDemandKwhA());
      values.add(building.carrier());
      values.add(building.finalEnergyKwhA(plan));
      if (plan.config().columns().heatingSystem() != null) {
        values.add(building.heatingSystem());
      }
      buildingRows.add(new Row(building.id(), building.footprint(), values));
    }

    List<Table> tables = List.of(
        new Table(tableName(plan, "buildings"), "MULTIPOLYGON", buildingColumns(), buildingRows),
        new Table(tableName(plan, "blocks"), "MULTIPOLYGON", blockColumns(carriers), blockRows),
        new Table(tableName(plan, "sections"), "MULTILINESTRING", sectionColumns(), sectionRows),
        new Table(tableName(plan, "areas"), "MULTIPOLYGON", areaColumns(), areaRows));
    double demand = buildings.stream().mapToDouble(Building::heatDemandKwhA).sum() / 1000;
    HeatPlanSummary summary = new HeatPlanSummary(buildings.size(), buildings.stream().filter(Building::estimated)
        .count(), blockUnit.size(), demand, units.blocks().size(), blockGroups.size(), count(blockGroups,
        Status.MERGED), count(blockGroups, Status.WITHHELD), units.sections().size(), sectionGroups.size(),
        count(sectionGroups, Status.MERGED), count(sectionGroups, Status.WITHHELD), areaRows.size(), buildings.size());
    return new Result(tables, summary);
  }

  /** The table of a layer in the derived GeoPackage: the plan id and the layer's suffix. */
  static String tableName(HeatPlan plan, String suffix) {
    return (plan.id() + "_" + suffix).toLowerCase(Locale.ROOT);
  }

  /**
   * Connected groups of candidate blocks (the blocks of candidate rows of the blocks layer, adjacent as Disclosure
   * sees them), dissolved, numbered like derived units; block_ids are the blocks' own ids, as the buildings' block_id.
   */
  private List<Row> areas(List<Group> blockGroups, Set<Long> candidates, Map<Long, Group> groupOfUnit,
      Map<Long, Block> blocksById, Map<Long, List<Building>> byGroup) {
    Map<Long, long[]> unitNeighbours = units.blockNeighbours();
    Set<Long> seen = new HashSet<>();
    List<List<Group>> components = new ArrayList<>();
    for (Group start : blockGroups) {
      if (!candidates.contains(start.id()) || !seen.add(start.id())) {
        continue;
      }
      List<Group> component = new ArrayList<>(List.of(start));
      for (int i = 0; i < component.size(); i++) {
        for (long unit : component.get(i).unitIds()) {
          for (long neighbour : unitNeighbours.get(unit)) {
            Group next = groupOfUnit.get(neighbour);
            if (candidates.contains(next.id()) && seen.add(next.id())) {
              component.add(next);
            }
          }
        }
      }
      component.sort(Comparator.comparingLong(Group::id));
      components.add(component);
    }
    List<Row> unnumbered = new ArrayList<>();
    for (List<Group> component : components) {
      List<Long> unitIds = component.stream().flatMap(g -> g.unitIds().stream()).toList();
      Geometry dissolved = union(unitIds.stream().map(id -> blocksById.get(id).gross()).toList());
      double areaHa = unitIds.stream().mapToDouble(id -> blocksById.get(id).net().getArea()).sum() / 10_000;
      List<Building> inside = component.stream().flatMap(g -> byGroup.getOrDefault(g.id(), List.of()).stream())
          .toList();
      double demandMwh = inside.stream().mapToDouble(Building::heatDemandKwhA).sum() / 1000;
      unnumbered.add(new Row(0, dissolved, List.of(
          unitIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")), areaHa,
          (long) inside.size(), (long) component.stream().mapToInt(Group::addresses).sum(), demandMwh,
          areaHa > 0 ? demandMwh / areaHa : 0.0)));
    }
    unnumbered.sort(Comparator.comparing((Row r) -> r.geometry(), Comparator
        .comparingDouble((Geometry g) -> g.getEnvelopeInternal().getMinX())
        .thenComparingDouble(g -> g.getEnvelopeInternal().getMinY())
        .thenComparingDouble(g -> g.getEnvelopeInternal().getMaxX())
        .thenComparingDouble(g -> g.getEnvelopeInternal().getMaxY())
        .thenComparingDouble(Geometry::getArea)));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < unnumbered.size(); i++) {
      rows.add(new Row(i + 1, unnumbered.get(i).geometry(), unnumbered.get(i).values()));
    }
    return rows;
  }

  /** The groups of units {@link Disclosure} publishes, and the group of each unit. */
  private record Grouping(List<Group> groups, Map<Long, Group> ofUnit) {}

  private Grouping grouping(List<Long> unitIds, Map<Long, ? extends Object> unitOfBuilding,
      Map<Long, long[]> neighbours) {
    List<Group> groups = Disclosure.groups(disclosureUnits(unitIds, unitOfBuilding, neighbours),
        plan.config().protection().minimumAddresses());
    Map<Long, Group> ofUnit = new HashMap<>();
    groups.forEach(g -> g.unitIds().forEach(id -> ofUnit.put(id, g)));
    return new Grouping(groups, ofUnit);
  }

  /** The units for {@link Disclosure}: each with the addresses of the buildings assigned to it. */
  private List<Disclosure.Unit> disclosureUnits(List<Long> unitIds, Map<Long, ? extends Object> unitOfBuilding,
      Map<Long, long[]> neighbours) {
    Map<Long, List<Building>> byUnit = new HashMap<>();
    for (Building building : buildings) {
      Object unit = unitOfBuilding.get(building.id());
      if (unit != null) {
        byUnit.computeIfAbsent(idOf(unit), id -> new ArrayList<>()).add(building);
      }
    }
    return unitIds.stream().map(id -> new Disclosure.Unit(id, addresses(byUnit.getOrDefault(id, List.of())),
        neighbours.get(id))).toList();
  }

  /** Distinct addresses, each building without one counting as one of its own. */
  static int addresses(List<Building> buildings) {
    Set<String> distinct = new HashSet<>();
    int own = 0;
    for (Building building : buildings) {
      if (building.address() == null) {
        own++;
      } else {
        distinct.add(building.address());
      }
    }
    return distinct.size() + own;
  }

  private static long idOf(Object unit) {
    return unit instanceof Block block ? block.id() : ((Section) unit).id();
  }

  /** What a group's buildings add up to. */
  private static final class Totals {
    long buildings;
    long estimated;
    double heatDemandKwhA;
    double finalEnergyKwhA;
    final Map<String, Double> finalByCarrier = new HashMap<>();
    final Map<String, Long> types = new TreeMap<>();
    final Map<String, Long> ageClasses = new TreeMap<>();
  }

  private Totals totals(List<Building> inGroup) {
    Totals totals = new Totals();
    for (Building building : inGroup) {
      totals.buildings++;
      totals.estimated += building.estimated() ? 1 : 0;
      totals.heatDemandKwhA += building.heatDemandKwhA();
      double finalEnergy = building.finalEnergyKwhA(plan);
      totals.finalEnergyKwhA += finalEnergy;
      totals.finalByCarrier.merge(building.carrier(), finalEnergy, Double::sum);
      totals.types.merge(building.buildingType(), 1L, Long::sum);
      totals.ageClasses.merge(building.ageClass(), 1L, Long::sum);
    }
    return totals;
  }

  /** The buildings of each group, by group id, in building order. */
  private Map<Long, List<Building>> byGroup(Map<Long, ? extends Object> unitOfBuilding,
      Map<Long, Group> groupOfUnit) {
    Map<Long, List<Building>> byGroup = new HashMap<>();
    for (Building building : buildings) {
      Object unit = unitOfBuilding.get(building.id());
      if (unit != null) {
        byGroup.computeIfAbsent(groupOfUnit.get(idOf(unit)).id(), id -> new ArrayList<>()).add(building);
      }
    }
    return byGroup;
  }

  /** The most frequent key, the first in key order of equally frequent ones; null when there is none. */
  private static String predominant(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .max(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue())
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse(null);
  }

  /** The values, or of a withheld group all but the first (its unit ids) null, then the protection. */
  private static List<Object> withheld(Group group, List<Object> values) {
    List<Object> published = new ArrayList<>(values);
    if (group.status() == Status.WITHHELD) {
      for (int i = 1; i < published.size(); i++) {
        published.set(i, null);
      }
    }
    published.add(group.status().name().toLowerCase(Locale.ROOT));
    return published;
  }

  private static String unitIds(Group group) {
    return group.unitIds().stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static long count(List<Group> groups, Status status) {
    return groups.stream().filter(g -> g.status() == status).count();
  }

  private Geometry union(List<Geometry> polygons) {
    return UnaryUnionOp.union(polygons);
  }

  private List<Column> buildingColumns() {
    List<Column> columns = new ArrayList<>(List.of(new Column("block_id", "INTEGER"),
        new Column("section_id", "INTEGER"), new Column("building_type", "TEXT"), new Column("age_class", "TEXT"),
        new Column("demand_estimated", "BOOLEAN")));
    if (plan.heightColumn() != null) {
      columns.add(new Column(plan.heightColumn(), "REAL"));
    }
    columns.addAll(List.of(new Column("block_heat_density_mwh_ha_a", "REAL"), new Column("candidate", "BOOLEAN"),
        new Column("heat_demand_kwh_a", "REAL"), new Column("energy_carrier", "TEXT"),
        new Column("final_energy_kwh_a", "REAL")));
    if (plan.config().columns().heatingSystem() != null) {
      columns.add(new Column("heating_system", "TEXT"));
    }
    return columns;
  }

  private static List<Column> blockColumns(List<String> carriers) {
    List<Column> columns = new ArrayList<>(List.of(new Column("unit_ids", "TEXT"), new Column("area_ha", "REAL"),
        new Column("buildings", "INTEGER"), new Column("addresses", "INTEGER"),
        new Column("estimated_buildings", "INTEGER"), new Column("heat_demand_mwh_a", "REAL"),
        new Column("heat_density_mwh_ha_a", "REAL"), new Column("final_energy_mwh_a", "REAL")));
    carriers.forEach(c -> columns.add(new Column("final_energy_" + c + "_mwh_a", "REAL")));
    carriers.forEach(c -> columns.add(new Column("share_" + c, "REAL")));
    columns.addAll(List.of(new Column("predominant_building_type", "TEXT"),
        new Column("predominant_age_class", "TEXT"), new Column("candidate", "BOOLEAN"),
        new Column("protection", "TEXT")));
    return columns;
  }

  private static List<Column> sectionColumns() {
    return List.of(new Column("unit_ids", "TEXT"), new Column("length_m", "REAL"), new Column("buildings", "INTEGER"),
        new Column("addresses", "INTEGER"), new Column("estimated_buildings", "INTEGER"),
        new Column("heat_demand_mwh_a", "REAL"), new Column("heat_line_density_kwh_m_a", "REAL"),
        new Column("candidate", "BOOLEAN"), new Column("protection", "TEXT"));
  }

  private static List<Column> areaColumns() {
    return List.of(new Column("block_ids", "TEXT"), new Column("area_ha", "REAL"), new Column("buildings", "INTEGER"),
        new Column("addresses", "INTEGER"), new Column("heat_demand_mwh_a", "REAL"),
        new Column("heat_density_mwh_ha_a", "REAL"));
  }
}
