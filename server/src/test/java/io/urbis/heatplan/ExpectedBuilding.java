package io.urbis.heatplan;

import io.urbis.config.HeatPlanConfig;
import io.urbis.source.postgis.PostgisTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A building's heat plan values computed in Java from its raw row and the plan's typology, independently of the SQL
 * that computes the layers.
 */
record ExpectedBuilding(long id, String address, String type, String ageClass, double demand, boolean estimated,
    String carrier, double finalEnergy) {

  /** Every building of the plan's buildings table, read raw. */
  static Map<Long, ExpectedBuilding> read(PostgisTestDatabase database, HeatPlan plan) throws SQLException {
    HeatPlanConfig.Columns columns = plan.config().columns();
    String address = columns.address().isEmpty() ? "NULL"
        : "concat_ws(' ', " + String.join(", ", columns.address()) + ")";
    String sql = "SELECT id, " + address + ", " + or(columns.buildingType()) + ", " + or(columns.yearBuilt()) + ", "
        + or(columns.storeys()) + ", " + or(plan.heightColumn()) + ", " + or(columns.heatDemand()) + ", "
        + or(columns.energyCarrier()) + ", ST_Area(geom) FROM " + plan.config().buildings();
    Map<Long, ExpectedBuilding> buildings = new TreeMap<>();
    Typology typology = plan.typology();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        long id = rows.getLong(1);
        String type = plan.buildingType(rows.getString(3));
        Integer year = (Integer) rows.getObject(4, Integer.class);
        String ageClass = typology.ageClassOf(year);
        Double storeys = rows.getObject(5) != null ? rows.getDouble(5)
            : rows.getObject(6) != null ? rows.getDouble(6) / 3 : 2.0;
        Double given = rows.getObject(7) == null ? null : rows.getDouble(7);
        double demand = given != null ? given
            : rows.getDouble(9) * storeys * typology.floorAreaFactor() * typology.specificDemand(type, ageClass);
        String carrier = plan.carrier(rows.getString(8));
        String text = rows.getString(2);
        buildings.put(id, new ExpectedBuilding(id, text == null || text.isBlank() ? null : text, type, ageClass,
            demand, given == null, carrier, demand / typology.efficiency(carrier)));
      }
    }
    return buildings;
  }

  private static String or(String column) {
    return column == null ? "NULL" : column;
  }

  /** The addresses of buildings: distinct addresses, and one of its own for each building without one. */
  static long addresses(Collection<ExpectedBuilding> buildings) {
    Set<String> distinct = new HashSet<>();
    long without = 0;
    for (ExpectedBuilding building : buildings) {
      if (building.address() == null) {
        without++;
      } else {
        distinct.add(building.address());
      }
    }
    return distinct.size() + without;
  }

  /** The most frequent value by building count, ties by the lowest value. */
  static String mode(List<ExpectedBuilding> buildings, Function<ExpectedBuilding, String> value) {
    Map<String, Long> counts = buildings.stream().collect(Collectors.groupingBy(value, Collectors.counting()));
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder()))).findFirst().orElseThrow().getKey();
  }
}
