package io.urbis.source.postgis;

import static io.urbis.source.postgis.PostgisFeatureSource.prepare;

import io.urbis.catalog.Collection;
import io.urbis.heatplan.Disclosure;
import io.urbis.heatplan.HeatPlan;
import io.urbis.heatplan.HeatPlanComputation;
import io.urbis.heatplan.HeatPlanLayer;
import io.urbis.heatplan.HeatPlanSummary;
import io.urbis.heatplan.Typology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes heat plans in the database ({@link PostgisHeatPlanSql}): the streets are noded into sections and
 * polygonised into blocks, every building is assigned to its block and nearest section with its values, data
 * protection ({@link Disclosure}, in Java, the same rule as the GeoPackage source's) groups the units, and the layer
 * tables are filled from the groups. Everything runs in one transaction, under an advisory lock per plan, so that
 * readers see the old layers until the new ones are complete and servers sharing the database compute once.
 *
 * <p>When only buildings changed since the last computation (the streets, blocks and boundary have the versions they
 * had then), only the buildings whose row changed are assigned again: the assignment is kept per building with a hash
 * of its row. The aggregates are then made again from the assignments, which is quick; sections, blocks and their
 * neighbours, the slow part, stay.
 */
final class PostgisHeatPlan implements HeatPlanComputation {

  private static final Logger LOG = LoggerFactory.getLogger(PostgisHeatPlan.class);

  private final DataSource pool;
  private final Function<Collection, PostgisTable> tables;
  private final BiFunction<String, List<String>, List<Collection>> publish;

  /**
   * @param tables the table of one of the source's collections
   * @param publish the tables of a schema with the given names as collections of the source, in that order
   */
  PostgisHeatPlan(DataSource pool, Function<Collection, PostgisTable> tables,
      BiFunction<String, List<String>, List<Collection>> publish) {
    this.pool = pool;
    this.tables = tables;
    this.publish = publish;
  }

  private PostgisHeatPlanSql sql(HeatPlan plan) {
    return new PostgisHeatPlanSql(plan, tables.apply(plan.buildings()), table(plan.streets()),
        table(plan.blocks()), table(plan.boundary()));
  }

  private PostgisTable table(Collection collection) {
    return collection == null ? null : tables.apply(collection);
  }

  @Override
  public List<Collection> layers(HeatPlan plan) {
    PostgisHeatPlanSql sql = sql(plan);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        lock(connection, plan);
        prepareTables(connection, sql, plan);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("preparing the tables of heat plan " + plan.id(), e);
    }
    List<String> names = new ArrayList<>();
    for (HeatPlanLayer layer : HeatPlanLayer.values()) {
      names.add(sql.tableName(layer.suffix()));
    }
    List<Collection> found = publish.apply(PostgisHeatPlanSql.SCHEMA, names);
    List<Collection> layers = new ArrayList<>();
    for (HeatPlanLayer layer : HeatPlanLayer.values()) {
      layers.add(found.get(layer.ordinal()).withId(plan.layerId(layer)));
    }
    return layers;
  }

  /**
   * Makes the plan's tables, empty, unless they were made for the same settings (then they hold layers computed
   * before, which stay until the data changes).
   */
  private static void prepareTables(Connection connection, PostgisHeatPlanSql sql, HeatPlan plan)
      throws SQLException {
    String fingerprint = fingerprint(plan);
    execute(connection, List.of("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifier.quote(PostgisHeatPlanSql.SCHEMA)));
    if (!fingerprint.equals(storedFingerprint(connection, sql))) {
      execute(connection, sql.drop());
      execute(connection, sql.create());
      fillParameters(connection, sql, plan);
      update(connection, sql.saveState(fingerprint, ""));
    }
  }

  private static String fingerprint(HeatPlan plan) {
    return plan.fingerprint() + "/" + PostgisHeatPlanSql.LAYOUT;
  }

  private static String storedFingerprint(Connection connection, PostgisHeatPlanSql sql) throws SQLException {
    if (!queryBoolean(connection, sql.stateExists())) {
      return null;
    }
    try (PreparedStatement statement = prepare(connection, sql.state()); ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** The typology and value mappings as tables, so that the SQL estimates with the very numbers Java has. */
  private static void fillParameters(Connection connection, PostgisHeatPlanSql sql, HeatPlan plan)
      throws SQLException {
    Typology typology = plan.typology();
    List<List<Object>> types = new ArrayList<>();
    plan.buildingTypes().forEach((value, type) -> types.add(List.of(value, type)));
    batch(connection, sql.insertType(), types);
    List<List<Object>> carriers = new ArrayList<>();
    plan.energyCarriers().forEach((value, carrier) -> carriers.add(List.of(value, carrier)));
    batch(connection, sql.insertCarrier(), carriers);
    List<List<Object>> efficiencies = new ArrayList<>();
    typology.carriers().forEach(carrier -> efficiencies.add(List.of(carrier, typology.efficiency(carrier))));
    batch(connection, sql.insertEfficiency(), efficiencies);
    List<List<Object>> ageClasses = new ArrayList<>();
    for (Typology.AgeClass ageClass : typology.ageClasses()) {
      List<Object> row = new ArrayList<>();
      row.add(ageClasses.size());
      row.add(ageClass.key());
      row.add(ageClass.firstYear());
      row.add(ageClass.lastYear());
      ageClasses.add(row);
    }
    batch(connection, sql.insertAgeClass(), ageClasses);
    List<List<Object>> specific = new ArrayList<>();
    for (String type : typology.buildingTypes()) {
      for (String ageClass : plan.ageClassKeys()) {
        specific.add(List.of(type, ageClass, typology.specificDemand(type, ageClass)));
      }
    }
    batch(connection, sql.insertSpecific(), specific);
  }

  @Override
  public HeatPlanSummary compute(HeatPlan plan, String inputs) {
    PostgisHeatPlanSql sql = sql(plan);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        execute(connection, List.of("SET LOCAL statement_timeout = 0"));
        lock(connection, plan);
        prepareTables(connection, sql, plan);
        String stored = storedInputs(connection, sql);
        if (inputs.equals(stored)) {
          HeatPlanSummary summary = summary(connection, sql, 0);
          connection.commit();
          return summary;
        }
        Steps steps = new Steps();
        boolean onlyBuildings = stored != null && !stored.isEmpty()
            && HeatPlan.withoutBuildings(stored).equals(HeatPlan.withoutBuildings(inputs));
        long assigned = onlyBuildings ? assignChanged(connection, sql, steps)
            : computeUnits(connection, sql, plan, steps);
        // when the changed buildings leave every block's and section's addresses as they were, data protection
        // groups them as before, and only the rows of the groups around the change are made again
        boolean sameGroups = onlyBuildings && queryLong(connection, sql.regroupedUnits()) == 0;
        if (!sameGroups) {
          disclose(connection, sql, "section", plan.config().protection().minimumAddresses());
          disclose(connection, sql, "block", plan.config().protection().minimumAddresses());
          steps.done("data protection");
        }
        if (sameGroups) {
          execute(connection, sql.rememberCandidates());
        }
        for (SqlQuery statement : sql.sectionsLayer(sameGroups)) {
          update(connection, statement);
        }
        steps.done("sections layer");
        for (SqlQuery statement : sql.blocksLayer(sameGroups)) {
          update(connection, statement);
        }
        steps.done("blocks layer");
        // the same candidate blocks make the same areas, whose values follow their blocks'
        if (sameGroups && queryLong(connection, sql.changedCandidates()) == 0) {
          update(connection, sql.areaValues());
        } else {
          for (SqlQuery statement : sql.areasLayer()) {
            update(connection, statement);
          }
        }
        steps.done("areas layer");
        LOG.info("heat plan {}: {}", plan.id(), steps);
        execute(connection, List.of("DELETE FROM " + sql.table("state")));
        update(connection, sql.saveState(fingerprint(plan), inputs));
        HeatPlanSummary summary = summary(connection, sql, assigned);
        connection.commit();
        return summary;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("computing heat plan " + plan.id(), e);
    }
  }

  /** Sections, blocks, their neighbours and every building's assignment; returns how many buildings were assigned. */
  private static long computeUnits(Connection connection, PostgisHeatPlanSql sql, HeatPlan plan, Steps steps)
      throws SQLException {
    execute(connection, plan.streets() == null ? List.of("TRUNCATE " + sql.table("section_units"))
        : sql.sectionUnits());
    steps.done("sections");
    execute(connection, sql.blockUnits());
    steps.done("blocks");
    execute(connection, sql.blockNeighbours());
    execute(connection, sql.sectionNeighbours());
    steps.done("neighbours");
    execute(connection, sql.unassignAll());
    long assigned = update(connection, sql.assign(false));
    steps.done("buildings");
    return assigned;
  }

  /** Assigns the buildings whose row changed; returns how many rows changed (new, changed or deleted). */
  private static long assignChanged(Connection connection, PostgisHeatPlanSql sql, Steps steps)
      throws SQLException {
    execute(connection, sql.unassignChanged());
    update(connection, sql.assign(true));
    execute(connection, sql.affectedGroups());
    steps.done("changed buildings");
    return queryLong(connection, new SqlQuery("SELECT count(*) FROM changed_buildings", List.of()));
  }

  /** How long each step of a computation took, for the log. */
  private static final class Steps {
    private final StringJoiner done = new StringJoiner(", ");
    private long start = System.nanoTime();

    void done(String step) {
      long now = System.nanoTime();
      done.add(step + " " + (now - start) / 1_000_000 + " ms");
      start = now;
    }

    @Override
    public String toString() {
      return done.toString();
    }
  }

  /**
   * Groups the units of a kind by {@link Disclosure} and stores the groups: every unit with its group, its own and
   * its group's addresses and the group's protection.
   */
  private static void disclose(Connection connection, PostgisHeatPlanSql sql, String kind, int minimumAddresses)
      throws SQLException {
    Map<Long, Integer> addresses = new LinkedHashMap<>();
    try (PreparedStatement statement = prepare(connection, sql.unitAddresses(kind));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        addresses.put(rows.getLong(1), rows.getInt(2));
      }
    }
    Map<Long, List<Long>> neighbours = new HashMap<>();
    try (PreparedStatement statement = prepare(connection, sql.neighbours(kind));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        neighbours.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getLong(2));
      }
    }
    List<Disclosure.Unit> units = new ArrayList<>(addresses.size());
    addresses.forEach((id, count) -> units.add(new Disclosure.Unit(id, count,
        neighbours.getOrDefault(id, List.of()).stream().mapToLong(Long::longValue).toArray())));
    List<Disclosure.Group> groups = Disclosure.groups(units, minimumAddresses);
    int size = units.size();
    Long[] unitIds = new Long[size];
    Long[] groupIds = new Long[size];
    Integer[] unitAddresses = new Integer[size];
    Integer[] groupAddresses = new Integer[size];
    String[] protection = new String[size];
    int i = 0;
    for (Disclosure.Group group : groups) {
      for (long unitId : group.unitIds()) {
        unitIds[i] = unitId;
        groupIds[i] = group.id();
        unitAddresses[i] = addresses.get(unitId);
        groupAddresses[i] = group.addresses();
        protection[i] = group.status().name().toLowerCase(Locale.ROOT);
        i++;
      }
    }
    execute(connection, List.of(sql.clearGroups(kind)));
    try (PreparedStatement statement = connection.prepareStatement(sql.insertGroups(kind))) {
      statement.setArray(1, connection.createArrayOf("bigint", unitIds));
      statement.setArray(2, connection.createArrayOf("bigint", groupIds));
      statement.setArray(3, connection.createArrayOf("integer", unitAddresses));
      statement.setArray(4, connection.createArrayOf("integer", groupAddresses));
      statement.setArray(5, connection.createArrayOf("text", protection));
      statement.executeUpdate();
    }
  }

  private static String storedInputs(Connection connection, PostgisHeatPlanSql sql) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql.state()); ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getString(2) : null;
    }
  }

  private static HeatPlanSummary summary(Connection connection, PostgisHeatPlanSql sql, long assigned)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql.summary()); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return new HeatPlanSummary(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getDouble(4),
          rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getLong(10),
          rows.getLong(11), rows.getLong(12), rows.getLong(13), assigned);
    }
  }

  /** One computation of a plan at a time in the database, whichever server starts it. */
  private static void lock(Connection connection, HeatPlan plan) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      statement.setString(1, PostgisHeatPlanSql.SCHEMA + "." + plan.id());
      statement.execute();
    }
  }

  private static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static long update(Connection connection, SqlQuery query) throws SQLException {
    try (PreparedStatement statement = prepare(connection, query)) {
      return statement.executeLargeUpdate();
    }
  }

  private static long queryLong(Connection connection, SqlQuery query) throws SQLException {
    try (PreparedStatement statement = prepare(connection, query); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static boolean queryBoolean(Connection connection, SqlQuery query) throws SQLException {
    try (PreparedStatement statement = prepare(connection, query); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  private static void batch(Connection connection, SqlQuery insert, List<List<Object>> rows) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(insert.sql())) {
      for (List<Object> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          statement.setObject(i + 1, row.get(i));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
