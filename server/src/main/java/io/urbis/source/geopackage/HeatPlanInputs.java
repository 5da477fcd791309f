package io.urbis.source.geopackage;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import io.urbis.catalog.Collection;
import io.urbis.config.HeatPlanConfig;
import io.urbis.heatplan.HeatPlan;
import io.urbis.heatplan.Typology;
import io.urbis.source.geopackage.HeatPlanLayers.Building;
import io.urbis.source.geopackage.HeatPlanUnits.GivenBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;

/** Reads what a heat plan is computed from out of a GeoPackage: its buildings, streets, blocks and boundary. */
final class HeatPlanInputs {

  /** Storeys of a building with neither a storeys value nor a height (the rule both sources share). */
  static final double DEFAULT_STOREYS = 2;
  /** Metres per storey when storeys are estimated from the 3D height. */
  static final double STOREY_HEIGHT = 3;

  private final GeoPackageGeometryReader geometries = new GeoPackageGeometryReader();
  private final Connection connection;
  private final HeatPlan plan;

  HeatPlanInputs(Connection connection, HeatPlan plan) {
    this.connection = connection;
    this.plan = plan;
  }

  /** The buildings, in id order, with their estimated values. */
  List<Building> buildings() throws SQLException {
    HeatPlanConfig.Columns columns = plan.config().columns();
    List<String> read = new ArrayList<>(columns.address());
    List<String> named = new ArrayList<>();
    named.add(columns.buildingType());
    named.add(columns.yearBuilt());
    named.add(columns.storeys());
    named.add(columns.heatDemand());
    named.add(columns.energyCarrier());
    named.add(columns.heatingSystem());
    named.add(plan.heightColumn());
    read.addAll(named.stream().filter(Objects::nonNull).toList());
    Collection table = plan.buildings();
    String sql = "SELECT " + quote(table.idColumn()) + ", " + quote(table.geometryColumn())
        + read.stream().map(c -> ", " + quote(c)).collect(Collectors.joining()) + " FROM " + quote(table.table())
        + " WHERE " + quote(table.geometryColumn()) + " IS NOT NULL ORDER BY " + quote(table.idColumn());
    Typology typology = plan.typology();
    List<Building> buildings = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Geometry footprint = geometries.read(rows.getBytes(2));
        String address = address(rows, columns.address());
        String type = plan.buildingType(text(rows, columns.buildingType()));
        Double year = number(rows, columns.yearBuilt());
        String ageClass = typology.ageClassOf(year == null ? null : (int) Math.floor(year));
        Double given = number(rows, columns.heatDemand());
        Object height = plan.heightColumn() == null ? null : rows.getObject(plan.heightColumn());
        double demand = given != null ? given
            : footprint.getArea() * storeys(rows, columns.storeys(), height) * typology.floorAreaFactor()
                * typology.specificDemand(type, ageClass);
        buildings.add(new Building(rows.getLong(1), footprint, address, type, ageClass, given == null, demand,
            plan.carrier(text(rows, columns.energyCarrier())), text(rows, columns.heatingSystem()), height));
      }
    }
    return buildings;
  }

  /** The geometries of a collection of lines or polygons, in id order; empty for no collection. */
  List<Geometry> geometries(Collection collection) throws SQLException {
    List<Geometry> read = new ArrayList<>();
    for (GivenBlock row : rows(collection)) {
      read.add(row.polygon());
    }
    return read;
  }

  /** The rows of a collection with their ids; empty for no collection. */
  List<GivenBlock> rows(Collection collection) throws SQLException {
    if (collection == null) {
      return List.of();
    }
    String sql = "SELECT " + quote(collection.idColumn()) + ", " + quote(collection.geometryColumn()) + " FROM "
        + quote(collection.table()) + " WHERE " + quote(collection.geometryColumn()) + " IS NOT NULL ORDER BY "
        + quote(collection.idColumn());
    List<GivenBlock> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(new GivenBlock(result.getLong(1), geometries.read(result.getBytes(2))));
      }
    }
    return rows;
  }

  /** Storeys from the column, else the height over 3 m, else 2. */
  private static double storeys(ResultSet rows, String column, Object height) throws SQLException {
    Double storeys = number(rows, column);
    if (storeys != null && storeys > 0) {
      return storeys;
    }
    if (height instanceof Number metres && metres.doubleValue() > 0) {
      return metres.doubleValue() / STOREY_HEIGHT;
    }
    return DEFAULT_STOREYS;
  }

  /** The address columns' values joined with a space, or null when all are empty. */
  private static String address(ResultSet rows, List<String> columns) throws SQLException {
    List<String> parts = new ArrayList<>();
    for (String column : columns) {
      String value = text(rows, column);
      if (value != null && !value.isBlank()) {
        parts.add(value.trim());
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static String text(ResultSet rows, String column) throws SQLException {
    if (column == null) {
      return null;
    }
    Object value = rows.getObject(column);
    return value == null ? null : value.toString();
  }

  private static Double number(ResultSet rows, String column) throws SQLException {
    if (column == null) {
      return null;
    }
    Object value = rows.getObject(column);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
