package io.urbis.source.postgis;

import static io.urbis.source.postgis.SqlIdentifier.quote;
import static io.urbis.source.postgis.SqlIdentifier.quoteTable;

import io.urbis.config.HeatPlanConfig;
import io.urbis.heatplan.HeatPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a heat plan's layers in schema {@value #SCHEMA}, which Urbis creates and owns. The plan's tables there
 * are named after its id: the units the data is cut into ({@code _section_units}, {@code _block_units}), each
 * building's assignment and values ({@code _building_units}, one row per building, kept with a hash of the building's
 * row so that a change to some buildings reassigns only them), the groups data protection made
 * ({@code _block_groups}, {@code _section_groups}), and the published layers ({@code _blocks}, {@code _sections},
 * {@code _areas} tables and the {@code _buildings} view over the buildings table). Identifiers come from the catalog
 * and the plan id (letters, digits, underscore); values are bind parameters.
 */
final class PostgisHeatPlanSql {

  static final String SCHEMA = "urbis_heatplan";
  /** Changes whenever the tables below change shape, so that tables of an older Urbis are made again. */
  static final String LAYOUT = "4";

  private final HeatPlan plan;
  private final PostgisTable buildings;
  private final PostgisTable streets;
  private final PostgisTable blocks;
  private final PostgisTable boundary;
  private final int srid;

  PostgisHeatPlanSql(HeatPlan plan, PostgisTable buildings, PostgisTable streets, PostgisTable blocks,
      PostgisTable boundary) {
    this.plan = plan;
    this.buildings = buildings;
    this.streets = streets;
    this.blocks = blocks;
    this.boundary = boundary;
    this.srid = buildings.srid();
  }

  /** The plan's table (or view) {@code <plan id>_<name>} in the schema, quoted. */
  String table(String name) {
    return quoteTable(SCHEMA, tableName(name));
  }

  String tableName(String name) {
    return plan.id().toLowerCase(java.util.Locale.ROOT) + "_" + name;
  }

  /** Every table and view of the plan, dropped before they are made again for other settings. */
  List<String> drop() {
    List<String> statements = new ArrayList<>();
    statements.add("DROP VIEW IF EXISTS " + table("buildings"));
    for (String name : List.of("areas", "blocks", "sections", "block_groups", "section_groups", "building_units",
        "block_units", "section_units", "block_neighbours", "section_neighbours", "types", "carriers", "efficiency",
        "age_classes", "specific", "state")) {
      statements.add("DROP TABLE IF EXISTS " + table(name) + " CASCADE");
    }
    return statements;
  }

  /** The plan's tables, empty, and the buildings view. */
  List<String> create() {
    String id = buildings.idSqlType();
    String carrierColumns = carrierColumns();
    List<String> statements = new ArrayList<>(List.of(
        "CREATE TABLE " + table("state") + " (fingerprint text NOT NULL, inputs text NOT NULL)",
        "CREATE TABLE " + table("types") + " (value text PRIMARY KEY, building_type text NOT NULL)",
        "CREATE TABLE " + table("carriers") + " (value text PRIMARY KEY, carrier text NOT NULL)",
        "CREATE TABLE " + table("efficiency") + " (carrier text PRIMARY KEY, efficiency float8 NOT NULL)",
        "CREATE TABLE " + table("age_classes") + " (ord int PRIMARY KEY, age_class text NOT NULL, first_year int,"
            + " last_year int)",
        "CREATE TABLE " + table("specific") + " (building_type text, age_class text, kwh_m2_a float8 NOT NULL,"
            + " PRIMARY KEY (building_type, age_class))",
        "CREATE TABLE " + table("section_units") + " (id bigint PRIMARY KEY, length_m float8 NOT NULL,"
            + " geom geometry(LineString, " + srid + ") NOT NULL)",
        "CREATE INDEX ON " + table("section_units") + " USING gist (geom)",
        "CREATE TABLE " + table("block_units") + " (id bigint PRIMARY KEY, area_m2 float8 NOT NULL,"
            + " gross geometry(Geometry, " + srid + ") NOT NULL, net geometry(Geometry, " + srid + ") NOT NULL)",
        "CREATE INDEX ON " + table("block_units") + " USING gist (gross)",
        "CREATE INDEX ON " + table("block_units") + " USING gist (net)",
        "CREATE TABLE " + table("block_neighbours") + " (a bigint, b bigint, PRIMARY KEY (a, b))",
        "CREATE TABLE " + table("section_neighbours") + " (a bigint, b bigint, PRIMARY KEY (a, b))",
        "CREATE TABLE " + table("building_units") + " (id " + id + " PRIMARY KEY, row_hash text NOT NULL,"
            + " block_id bigint, section_id bigint, address text, building_type text NOT NULL, age_class text NOT NULL,"
            + " demand_kwh_a float8, demand_estimated boolean NOT NULL, carrier text NOT NULL,"
            + " final_energy_kwh_a float8, heating_system text)",
        "CREATE TABLE " + table("block_groups") + " (unit_id bigint PRIMARY KEY, group_id bigint NOT NULL,"
            + " unit_addresses int NOT NULL, addresses int NOT NULL, protection text NOT NULL)",
        "CREATE TABLE " + table("section_groups") + " (unit_id bigint PRIMARY KEY, group_id bigint NOT NULL,"
            + " unit_addresses int NOT NULL, addresses int NOT NULL, protection text NOT NULL)",
        "CREATE TABLE " + table("sections") + " (id bigint PRIMARY KEY, unit_ids text NOT NULL, length_m float8,"
            + " buildings bigint, addresses bigint, estimated_buildings bigint, heat_demand_mwh_a float8,"
            + " heat_line_density_kwh_m_a float8, candidate boolean, protection text NOT NULL,"
            + " geom geometry(MultiLineString, " + srid + ") NOT NULL)",
        "CREATE INDEX ON " + table("sections") + " USING gist (geom)",
        "CREATE TABLE " + table("blocks") + " (id bigint PRIMARY KEY, unit_ids text NOT NULL, area_ha float8,"
            + " buildings bigint, addresses bigint, estimated_buildings bigint, heat_demand_mwh_a float8,"
            + " heat_density_mwh_ha_a float8, final_energy_mwh_a float8, " + carrierColumns
            + " predominant_building_type text, predominant_age_class text, candidate boolean,"
            + " protection text NOT NULL, geom geometry(MultiPolygon, " + srid + ") NOT NULL)",
        "CREATE INDEX ON " + table("blocks") + " USING gist (geom)",
        "CREATE TABLE " + table("areas") + " (id bigint PRIMARY KEY, block_ids text NOT NULL, area_ha float8,"
            + " buildings bigint, addresses bigint, heat_demand_mwh_a float8, heat_density_mwh_ha_a float8,"
            + " geom geometry(MultiPolygon, " + srid + ") NOT NULL)",
        "CREATE INDEX ON " + table("areas") + " USING gist (geom)"));
    statements.add(buildingsView());
    return statements;
  }

  private String carrierColumns() {
    StringBuilder columns = new StringBuilder();
    for (String carrier : plan.typology().carriers()) {
      columns.append(quote("final_energy_" + carrier + "_mwh_a")).append(" float8, ")
          .append(quote("share_" + carrier)).append(" float8, ");
    }
    return columns.toString();
  }

  /**
   * The buildings layer: each building's footprint (read from the buildings table, so that it is never a copy that
   * lags), its block and section (unit ids, as the blocks and sections layers list them in {@code unit_ids}), the
   * published values of its block, and its own values (personal data, hidden by the automatic access rules).
   */
  private String buildingsView() {
    String height = plan.heightColumn() == null ? "" : "b." + quote(plan.heightColumn()) + ", ";
    return "CREATE VIEW " + table("buildings") + " AS SELECT b." + quote(buildings.idColumn()) + " AS id,"
        + " u.block_id, u.section_id, u.building_type, u.age_class, u.demand_estimated, " + height
        + "l.heat_density_mwh_ha_a AS block_heat_density_mwh_ha_a, l.candidate, u.demand_kwh_a AS heat_demand_kwh_a,"
        + " u.carrier AS energy_carrier, u.final_energy_kwh_a"
        + (plan.config().columns().heatingSystem() == null ? "" : ", u.heating_system")
        + ", b." + quote(buildings.geometryColumn()) + " AS geom"
        + " FROM " + buildings.qualifiedName() + " b JOIN " + table("building_units") + " u ON u.id = b."
        + quote(buildings.idColumn()) + " LEFT JOIN " + table("block_groups") + " g ON g.unit_id = u.block_id"
        + " LEFT JOIN " + table("blocks") + " l ON l.id = g.group_id";
  }

  SqlQuery state() {
    return new SqlQuery("SELECT fingerprint, inputs FROM " + table("state"), List.of());
  }

  SqlQuery saveState(String fingerprint, String inputs) {
    return new SqlQuery("INSERT INTO " + table("state") + " (fingerprint, inputs) VALUES (?, ?)",
        List.of(fingerprint, inputs));
  }

  /** Whether the plan's state table exists: its tables were made before. */
  SqlQuery stateExists() {
    return new SqlQuery("SELECT to_regclass(?) IS NOT NULL", List.of(SCHEMA + "." + tableName("state")));
  }

  SqlQuery insertType() {
    return new SqlQuery("INSERT INTO " + table("types") + " (value, building_type) VALUES (?, ?)", List.of());
  }

  SqlQuery insertCarrier() {
    return new SqlQuery("INSERT INTO " + table("carriers") + " (value, carrier) VALUES (?, ?)", List.of());
  }

  SqlQuery insertEfficiency() {
    return new SqlQuery("INSERT INTO " + table("efficiency") + " (carrier, efficiency) VALUES (?, ?)", List.of());
  }

  SqlQuery insertAgeClass() {
    return new SqlQuery("INSERT INTO " + table("age_classes") + " (ord, age_class, first_year, last_year)"
        + " VALUES (?, ?, ?, ?)", List.of());
  }

  SqlQuery insertSpecific() {
    return new SqlQuery("INSERT INTO " + table("specific") + " (building_type, age_class, kwh_m2_a) VALUES (?, ?, ?)",
        List.of());
  }

  /** A geometry of an input table in the buildings' CRS, without Z. */
  private String inStorageCrs(PostgisTable table, String alias) {
    String geometry = "ST_Force2D(" + alias + "." + quote(table.geometryColumn()) + ")";
    return table.srid() == srid ? geometry : "ST_Transform(" + geometry + ", " + srid + ")";
  }

  /** The union of the boundary's polygons, as a CTE {@code bnd(g)}; null without a boundary. */
  private String boundaryUnion() {
    return boundary == null ? null
        : "bnd AS (SELECT ST_UnaryUnion(ST_Collect(" + inStorageCrs(boundary, "x") + ")) AS g FROM "
            + boundary.qualifiedName() + " x)";
  }

  /**
   * The street sections: the street lines (clipped to the boundary when there is one) noded at every crossing, each
   * piece one section, numbered by envelope (minX, minY, maxX, maxY), then length. Noded by {@code ST_UnaryUnion}:
   * the same pieces as {@code ST_Node} (dissolved, split at every crossing), but 30 times as fast on 10,000 streets
   * and not quadratic in their number.
   */
  List<String> sectionUnits() {
    String line = inStorageCrs(streets, "s");
    String lines = boundary == null
        ? "SELECT (ST_Dump(" + line + ")).geom AS g FROM " + streets.qualifiedName() + " s"
        : "SELECT (ST_Dump(ST_CollectionExtract(ST_Intersection(" + line + ", bnd.g), 2))).geom AS g FROM "
            + streets.qualifiedName() + " s, bnd WHERE ST_Intersects(" + line + ", bnd.g)";
    String with = boundary == null ? "WITH " : "WITH " + boundaryUnion() + ", ";
    return List.of("TRUNCATE " + table("section_units"),
        "INSERT INTO " + table("section_units") + " (id, length_m, geom) " + with + "lines AS (" + lines + "),"
            + " pieces AS (SELECT (ST_Dump(ST_UnaryUnion(ST_Collect(g)))).geom AS g FROM lines)"
            + " SELECT row_number() OVER (ORDER BY ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g), ST_Length(g)),"
            + " ST_Length(g), g FROM pieces WHERE ST_Length(g) > 0",
        "ANALYZE " + table("section_units"));
  }

  /**
   * The blocks with their gross polygon (from the blocks table, or polygonised from the sections and the boundary's
   * outline, kept where their interior point is within the boundary) and their net polygon: the gross minus the
   * streets buffered by the half width.
   */
  List<String> blockUnits() {
    String halfWidth = String.valueOf(plan.config().streetHalfWidth());
    String minus = "coalesce(ST_Difference(u.gross, (SELECT ST_Buffer(ST_Collect(s.geom), " + halfWidth + ") FROM "
        + table("section_units") + " s WHERE ST_DWithin(s.geom, u.gross, " + halfWidth + "))), u.gross)";
    // a derived block whose outline is streets only: a street outside it is never nearer to a point inside than the
    // outline is, so the difference is the block shrunk by the half width minus the streets inside it (dead ends),
    // a tenth of the time of buffering every street around it
    String inside = "(SELECT ST_Buffer(ST_Collect(s.geom), " + halfWidth + ") FROM " + table("section_units")
        + " s WHERE s.geom && u.gross AND ST_Relate(s.geom, u.gross, '1********'))";
    String shrunk = "ST_Buffer(u.gross, -" + halfWidth + ")";
    String withinStreets = "coalesce(ST_Difference(" + shrunk + ", " + inside + "), " + shrunk + ")";
    String net = streets == null ? "u.gross" : blocks != null ? minus : boundary == null ? withinStreets
        : "CASE WHEN ST_Relate(ST_Boundary(u.gross), (SELECT ST_Boundary(g) FROM bnd), '1********') THEN " + minus
            + " ELSE " + withinStreets + " END";
    String gross;
    if (blocks != null) {
      gross = "SELECT x." + quote(blocks.idColumn()) + " AS id, " + inStorageCrs(blocks, "x") + " AS gross FROM "
          + blocks.qualifiedName() + " x";
    } else {
      String outline = boundary == null ? ""
          : " UNION ALL SELECT (ST_Dump(ST_Boundary(g))).geom FROM bnd";
      String noded = boundary == null ? "SELECT ST_Collect(geom) AS g FROM " + table("section_units")
          : "SELECT ST_UnaryUnion(ST_Collect(g)) AS g FROM (SELECT geom AS g FROM " + table("section_units") + outline
              + ") l";
      String within = boundary == null ? "" : " WHERE ST_Intersects(ST_PointOnSurface(p.g), (SELECT g FROM bnd))";
      gross = (boundary == null ? "WITH " : "WITH " + boundaryUnion() + ", ") + "noded AS (" + noded + "),"
          + " polygons AS (SELECT (ST_Dump(ST_Polygonize(g))).geom AS g FROM noded)"
          + " SELECT row_number() OVER (ORDER BY ST_XMin(p.g), ST_YMin(p.g), ST_XMax(p.g), ST_YMax(p.g), ST_Area(p.g))"
          + " AS id, p.g AS gross FROM polygons p" + within;
    }
    return List.of("TRUNCATE " + table("block_units"),
        "INSERT INTO " + table("block_units") + " (id, area_m2, gross, net) SELECT id, 0, gross, gross FROM ("
            + gross + ") blocks",
        (boundary == null || blocks != null ? "" : "WITH " + boundaryUnion() + " ") + "UPDATE "
            + table("block_units") + " u SET net = " + net,
        "UPDATE " + table("block_units") + " SET area_m2 = ST_Area(net)",
        "ANALYZE " + table("block_units"));
  }

  /** Pairs of blocks whose net polygons are within 2 x half width + 1 m of each other (a < b). */
  List<String> blockNeighbours() {
    String distance = String.valueOf(2 * plan.config().streetHalfWidth() + 1);
    return List.of("TRUNCATE " + table("block_neighbours"),
        "INSERT INTO " + table("block_neighbours") + " (a, b) SELECT x.id, y.id FROM " + table("block_units")
            + " x JOIN " + table("block_units") + " y ON x.id < y.id AND ST_DWithin(x.net, y.net, " + distance + ")"
            + " WHERE NOT ST_IsEmpty(x.net) AND NOT ST_IsEmpty(y.net)");
  }

  /** Pairs of sections that share an end point (a < b). */
  List<String> sectionNeighbours() {
    return List.of("TRUNCATE " + table("section_neighbours"),
        "INSERT INTO " + table("section_neighbours") + " (a, b) WITH ends AS (SELECT id, ST_StartPoint(geom) AS p"
            + " FROM " + table("section_units") + " UNION ALL SELECT id, ST_EndPoint(geom) FROM "
            + table("section_units") + ") SELECT DISTINCT x.id, y.id FROM ends x JOIN ends y"
            + " ON x.p = y.p AND x.id < y.id");
  }

  SqlQuery neighbours(String kind) {
    return new SqlQuery("SELECT a, b FROM " + table(kind + "_neighbours"), List.of());
  }

  /** Every building assigned again. */
  List<String> unassignAll() {
    return List.of("TRUNCATE " + table("building_units"));
  }

  /**
   * The buildings whose row changed since they were assigned, new ones and deleted ones, in a temporary table
   * {@code changed_buildings(id)}, and their assignments removed.
   */
  List<String> unassignChanged() {
    String id = quote(buildings.idColumn());
    return List.of("DROP TABLE IF EXISTS pg_temp.changed_buildings",
        "CREATE TEMP TABLE changed_buildings ON COMMIT DROP AS SELECT b." + id + " AS id FROM "
            + buildings.qualifiedName() + " b LEFT JOIN " + table("building_units") + " u ON u.id = b." + id
            + " WHERE u.id IS NULL OR u.row_hash <> md5(b::text) UNION ALL SELECT u.id FROM "
            + table("building_units") + " u WHERE NOT EXISTS (SELECT 1 FROM " + buildings.qualifiedName()
            + " b WHERE b." + id + " = u.id)",
        "DROP TABLE IF EXISTS pg_temp.affected_units",
        "CREATE TEMP TABLE affected_units ON COMMIT DROP AS " + unitsOfChanged(),
        "DELETE FROM " + table("building_units") + " WHERE id IN (SELECT id FROM changed_buildings)");
  }

  /**
   * After the changed buildings were assigned again: the groups of the blocks and sections they were and are in, and
   * of the blocks of buildings on those sections (whose candidacy may follow a section's), in a temporary table
   * {@code affected_groups(kind, group_id)}.
   */
  List<String> affectedGroups() {
    return List.of("INSERT INTO affected_units " + unitsOfChanged(),
        "INSERT INTO affected_units SELECT DISTINCT 'block', b.block_id FROM " + table("building_units") + " b JOIN "
            + table("section_groups") + " sg ON sg.unit_id = b.section_id JOIN " + table("section_groups")
            + " ag ON ag.group_id = sg.group_id JOIN affected_units a ON a.kind = 'section' AND a.unit_id = ag.unit_id"
            + " WHERE b.block_id IS NOT NULL",
        "DROP TABLE IF EXISTS pg_temp.affected_groups",
        "CREATE TEMP TABLE affected_groups ON COMMIT DROP AS SELECT DISTINCT a.kind, g.group_id FROM affected_units a"
            + " JOIN " + table("block_groups") + " g ON a.kind = 'block' AND g.unit_id = a.unit_id UNION SELECT"
            + " DISTINCT a.kind, g.group_id FROM affected_units a JOIN " + table("section_groups")
            + " g ON a.kind = 'section' AND g.unit_id = a.unit_id");
  }

  /** The blocks and sections of the changed buildings, as rows (kind, unit_id). */
  private String unitsOfChanged() {
    String changed = " FROM " + table("building_units") + " WHERE id IN (SELECT id FROM changed_buildings)";
    return "SELECT 'block'::text AS kind, block_id AS unit_id" + changed + " AND block_id IS NOT NULL UNION ALL"
        + " SELECT 'section', section_id" + changed + " AND section_id IS NOT NULL";
  }

  /**
   * How many of the affected blocks and sections now have other addresses than data protection grouped them with:
   * none means the groups stand.
   */
  SqlQuery regroupedUnits() {
    StringBuilder sql = new StringBuilder("SELECT 0");
    for (String kind : List.of("block", "section")) {
      sql.append(" + (SELECT count(*) FROM ").append(table(kind + "_groups")).append(" g WHERE g.unit_id IN"
          + " (SELECT unit_id FROM affected_units WHERE kind = '").append(kind).append("') AND g.unit_addresses <>"
          + " (SELECT count(DISTINCT address) + count(*) FILTER (WHERE address IS NULL) FROM ")
          .append(table("building_units")).append(" b WHERE b.").append(kind).append("_id = g.unit_id))");
    }
    return new SqlQuery(sql.toString(), List.of());
  }

  /**
   * Assigns buildings (all, or those of {@code changed_buildings}) to the block whose gross polygon holds their
   * interior point (the lowest id of several) and the nearest section (ties: the lowest id among the 8 nearest), with
   * their type, age class, carrier, heat demand (from the column, else estimated) and final energy.
   */
  SqlQuery assign(boolean onlyChanged) {
    HeatPlanConfig.Columns columns = plan.config().columns();
    List<Object> binds = new ArrayList<>();
    String id = quote(buildings.idColumn());
    String geometry = "b." + quote(buildings.geometryColumn());
    String address = columns.address().isEmpty() ? "NULL::text"
        : "nullif(concat_ws(' ', " + String.join(", ", columns.address().stream()
            .map(c -> "nullif(trim(b." + quote(c) + "::text), '')").toList()) + "), '')";
    String type = columns.buildingType() == null ? "NULL::text" : "b." + quote(columns.buildingType()) + "::text";
    String year = columns.yearBuilt() == null ? "NULL::int" : "round(b." + quote(columns.yearBuilt()) + ")::int";
    String height = plan.heightColumn() == null ? "NULL" : "b." + quote(plan.heightColumn()) + "::float8 / 3";
    String storeys = "coalesce(" + (columns.storeys() == null ? "" : "b." + quote(columns.storeys()) + "::float8, ")
        + height + ", 2)";
    String demand = columns.heatDemand() == null ? "NULL::float8" : "b." + quote(columns.heatDemand()) + "::float8";
    String carrier = columns.energyCarrier() == null ? "NULL::text" : "b." + quote(columns.energyCarrier()) + "::text";
    String heating = columns.heatingSystem() == null ? "NULL::text" : "b." + quote(columns.heatingSystem()) + "::text";
    String sql = "INSERT INTO " + table("building_units") + " (id, row_hash, block_id, section_id, address,"
        + " building_type, age_class, demand_kwh_a, demand_estimated, carrier, final_energy_kwh_a, heating_system)"
        + " SELECT b." + id + ", md5(b::text), blk.id, sec.id, " + address + ", k.building_type, k.age_class,"
        + " coalesce(v.demand, ST_Area(" + geometry + ") * " + storeys + " * ? * sp.kwh_m2_a), v.demand IS NULL,"
        + " k.carrier, coalesce(v.demand, ST_Area(" + geometry + ") * " + storeys + " * ? * sp.kwh_m2_a)"
        + " / ef.efficiency, " + heating
        + " FROM " + buildings.qualifiedName() + " b"
        + " CROSS JOIN LATERAL (SELECT ST_PointOnSurface(" + geometry + ") AS p, " + demand + " AS demand) v"
        + " LEFT JOIN LATERAL (SELECT u.id FROM " + table("block_units") + " u WHERE ST_Intersects(u.gross, v.p)"
        + " ORDER BY u.id LIMIT 1) blk ON true"
        + " LEFT JOIN LATERAL (SELECT n.id FROM (SELECT s.id, s.geom <-> v.p AS d FROM " + table("section_units")
        + " s ORDER BY s.geom <-> v.p LIMIT 8) n ORDER BY n.d, n.id LIMIT 1) sec ON true"
        + " CROSS JOIN LATERAL (SELECT coalesce((SELECT t.building_type FROM " + table("types") + " t WHERE t.value = "
        + type + "), ?) AS building_type,"
        + " coalesce((SELECT a.age_class FROM " + table("age_classes") + " a WHERE (a.first_year IS NULL OR " + year
        + " >= a.first_year) AND (a.last_year IS NULL OR " + year + " <= a.last_year) ORDER BY a.ord LIMIT 1), ?)"
        + " AS age_class,"
        + " CASE WHEN " + carrier + " IS NULL THEN ? ELSE coalesce((SELECT c.carrier FROM " + table("carriers")
        + " c WHERE c.value = " + carrier + "), ?) END AS carrier) k"
        + " JOIN " + table("specific") + " sp ON sp.building_type = k.building_type AND sp.age_class = k.age_class"
        + " JOIN " + table("efficiency") + " ef ON ef.carrier = k.carrier"
        + (onlyChanged ? " WHERE b." + id + " IN (SELECT id FROM changed_buildings)" : "");
    double factor = plan.typology().floorAreaFactor();
    binds.add(factor);
    binds.add(factor);
    binds.add(HeatPlan.UNKNOWN);
    binds.add(HeatPlan.UNKNOWN);
    binds.add(HeatPlan.UNKNOWN);
    binds.add(HeatPlan.OTHER_CARRIER);
    return new SqlQuery(sql, binds);
  }

  /**
   * Each unit of a kind ({@code block} or {@code section}) with its addresses: the distinct addresses of its buildings
   * and one for each building without an address.
   */
  SqlQuery unitAddresses(String kind) {
    return new SqlQuery("SELECT u.id, coalesce(a.addresses, 0) FROM " + table(kind + "_units") + " u LEFT JOIN"
        + " (SELECT " + kind + "_id AS id, count(DISTINCT address) + count(*) FILTER (WHERE address IS NULL)"
        + " AS addresses FROM " + table("building_units") + " WHERE " + kind + "_id IS NOT NULL GROUP BY " + kind
        + "_id) a ON a.id = u.id ORDER BY u.id", List.of());
  }

  String clearGroups(String kind) {
    return "TRUNCATE " + table(kind + "_groups");
  }

  /** The groups of a kind, as arrays of unit id, group id, unit addresses, group addresses and protection. */
  String insertGroups(String kind) {
    return "INSERT INTO " + table(kind + "_groups") + " (unit_id, group_id, unit_addresses, addresses, protection)"
        + " SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::text[])";
  }

  /** The sections layer: per group, its length, buildings, addresses, heat demand and heat line density. */
  List<SqlQuery> sectionsLayer(boolean affectedOnly) {
    String withheld = "g.protection = 'withheld'";
    String sql = "INSERT INTO " + table("sections") + " (id, unit_ids, length_m, buildings, addresses,"
        + " estimated_buildings, heat_demand_mwh_a, heat_line_density_kwh_m_a, candidate, protection, geom)"
        + " WITH stats AS (SELECT section_id AS id, count(*) AS buildings, count(*) FILTER (WHERE demand_estimated)"
        + " AS estimated, sum(demand_kwh_a) AS demand FROM " + table("building_units")
        + " WHERE section_id IS NOT NULL" + (affectedOnly ? " AND section_id IN (SELECT unit_id FROM "
            + table("section_groups") + " WHERE " + affected("section", "group_id") + ")" : "")
        + " GROUP BY section_id),"
        + " g AS (SELECT g.group_id, min(g.protection) AS protection, min(g.addresses) AS addresses,"
        + " string_agg(u.id::text, ',' ORDER BY u.id) AS unit_ids, sum(u.length_m) AS length_m,"
        + " coalesce(sum(s.buildings), 0) AS buildings, coalesce(sum(s.estimated), 0) AS estimated,"
        + " coalesce(sum(s.demand), 0) AS demand, ST_Multi(ST_Collect(u.geom ORDER BY u.id)) AS geom"
        + " FROM " + table("section_groups") + " g JOIN " + table("section_units") + " u ON u.id = g.unit_id"
        + " LEFT JOIN stats s ON s.id = u.id" + (affectedOnly ? " WHERE " + affected("section", "g.group_id") : "")
        + " GROUP BY g.group_id)"
        + " SELECT g.group_id, g.unit_ids, " + unless(withheld, "g.length_m") + ", " + unless(withheld, "g.buildings")
        + ", "
        + unless(withheld, "g.addresses") + ", " + unless(withheld, "g.estimated") + ", "
        + unless(withheld, "g.demand / 1000") + ", " + unless(withheld, "g.demand / nullif(g.length_m, 0)") + ", "
        + unless(withheld, "coalesce(g.demand / nullif(g.length_m, 0) >= ?, false)") + ", g.protection, g.geom FROM g";
    return List.of(new SqlQuery(clear("sections", "section", affectedOnly), List.of()),
        new SqlQuery(sql, List.of(plan.config().candidates().heatLineDensity())));
  }

  /**
   * The blocks layer: per group, its net area, buildings, addresses, heat demand and density, final energy by
   * carrier and shares (withheld below the heating threshold), predominant type and age class, and whether it is a
   * candidate (by its density, or by half its buildings' demand lying on candidate sections).
   */
  List<SqlQuery> blocksLayer(boolean affectedOnly) {
    List<Object> binds = new ArrayList<>();
    HeatPlanConfig.Protection protection = plan.config().protection();
    String withheld = "g.protection = 'withheld'";
    String heatingWithheld = withheld + " OR (g.addresses > 0 AND g.addresses < ?)";
    StringBuilder carrierSums = new StringBuilder();
    StringBuilder carrierColumns = new StringBuilder();
    StringBuilder carrierValues = new StringBuilder();
    StringBuilder carrierFields = new StringBuilder();
    for (String carrier : plan.typology().carriers()) {
      String sum = quote("final_" + carrier);
      carrierSums.append(", coalesce(sum(b.final_energy_kwh_a) FILTER (WHERE b.carrier = ?), 0) AS ").append(sum);
      carrierFields.append(", coalesce(s.").append(sum).append(", 0) AS ").append(sum);
      binds.add(carrier);
      carrierColumns.append(quote("final_energy_" + carrier + "_mwh_a")).append(", ")
          .append(quote("share_" + carrier)).append(", ");
    }
    for (String carrier : plan.typology().carriers()) {
      String sum = quote("final_" + carrier);
      carrierValues.append(unless(heatingWithheld, "g." + sum + " / 1000")).append(", ")
          .append(unless(heatingWithheld, "g." + sum + " / nullif(g.final, 0)")).append(", ");
      binds.add(protection.minimumAddressesHeating());
      binds.add(protection.minimumAddressesHeating());
    }
    String perGroup = " FROM " + table("building_units") + " b JOIN " + table("block_groups")
        + " g ON g.unit_id = b.block_id" + (affectedOnly ? " AND " + affected("block", "g.group_id") : "");
    String sql = "INSERT INTO " + table("blocks") + " (id, unit_ids, area_ha, buildings, addresses,"
        + " estimated_buildings, heat_demand_mwh_a, heat_density_mwh_ha_a, final_energy_mwh_a, " + carrierColumns
        + "predominant_building_type, predominant_age_class, candidate, protection, geom)"
        + " WITH stats AS (SELECT g.group_id, count(*) AS buildings, count(*) FILTER (WHERE b.demand_estimated)"
        + " AS estimated, coalesce(sum(b.demand_kwh_a), 0) AS demand, coalesce(sum(b.final_energy_kwh_a), 0) AS final,"
        + " coalesce(sum(b.demand_kwh_a) FILTER (WHERE s.candidate), 0) AS on_candidates" + carrierSums
        + perGroup + " LEFT JOIN " + table("section_groups") + " sg ON sg.unit_id = b.section_id LEFT JOIN "
        + table("sections") + " s ON s.id = sg.group_id GROUP BY g.group_id),"
        + " types AS (SELECT DISTINCT ON (g.group_id) g.group_id, b.building_type AS value" + perGroup
        + " GROUP BY g.group_id, b.building_type ORDER BY g.group_id, count(*) DESC, b.building_type),"
        + " ages AS (SELECT DISTINCT ON (g.group_id) g.group_id, b.age_class AS value" + perGroup
        + " GROUP BY g.group_id, b.age_class ORDER BY g.group_id, count(*) DESC, b.age_class),"
        + " shapes AS (SELECT g.group_id, min(g.protection) AS protection, min(g.addresses) AS addresses,"
        + " string_agg(u.id::text, ',' ORDER BY u.id) AS unit_ids, sum(u.area_m2) / 10000 AS area_ha,"
        + " count(*) AS units, ST_Collect(u.gross ORDER BY u.id) AS gross FROM " + table("block_groups") + " g JOIN "
        + table("block_units") + " u ON u.id = g.unit_id" + (affectedOnly ? " WHERE " + affected("block", "g.group_id")
            : "") + " GROUP BY g.group_id),"
        + " g AS (SELECT p.*, coalesce(s.buildings, 0) AS buildings, coalesce(s.estimated, 0) AS estimated,"
        + " coalesce(s.demand, 0) AS demand, coalesce(s.final, 0) AS final, coalesce(s.on_candidates, 0)"
        + " AS on_candidates" + carrierFields + ", t.value AS building_type, a.value AS age_class FROM shapes p"
        + " LEFT JOIN stats s ON s.group_id = p.group_id LEFT JOIN types t ON t.group_id = p.group_id"
        + " LEFT JOIN ages a ON a.group_id = p.group_id)"
        + " SELECT g.group_id, g.unit_ids, " + unless(withheld, "g.area_ha") + ", " + unless(withheld, "g.buildings")
        + ", "
        + unless(withheld, "g.addresses") + ", " + unless(withheld, "g.estimated") + ", "
        + unless(withheld, "g.demand / 1000") + ", " + unless(withheld, "g.demand / 1000 / nullif(g.area_ha, 0)")
        + ", " + unless(heatingWithheld, "g.final / 1000") + ", " + carrierValues
        + unless(withheld, "g.building_type") + ", " + unless(withheld, "g.age_class") + ", "
        + unless(withheld, "coalesce(g.demand / 1000 / nullif(g.area_ha, 0) >= ?, false)"
            + " OR (g.demand > 0 AND g.on_candidates >= g.demand / 2)")
        + ", g.protection, ST_Multi(CASE WHEN g.units = 1 THEN ST_GeometryN(g.gross, 1) ELSE"
        + " ST_UnaryUnion(g.gross) END) FROM g";
    List<Object> ordered = new ArrayList<>(binds.subList(0, plan.typology().carriers().size()));
    ordered.add(protection.minimumAddressesHeating());
    ordered.addAll(binds.subList(plan.typology().carriers().size(), binds.size()));
    ordered.add(plan.config().candidates().heatDensity());
    return List.of(new SqlQuery(clear("blocks", "block", affectedOnly), List.of()), new SqlQuery(sql, ordered));
  }

  /**
   * The candidate areas: the blocks of candidate groups, clustered where their net polygons are within
   * 2 x half width + 1 m of each other (each block with an empty net polygon alone), dissolved, numbered by envelope;
   * {@code block_ids} are the blocks' own ids, as the buildings' {@code block_id}.
   */
  List<SqlQuery> areasLayer() {
    String distance = String.valueOf(2 * plan.config().streetHalfWidth() + 1);
    String sql = "INSERT INTO " + table("areas") + " (id, block_ids, area_ha, buildings, addresses,"
        + " heat_demand_mwh_a, heat_density_mwh_ha_a, geom)"
        + " WITH candidates AS (SELECT u.id, u.gross, u.net, u.area_m2, g.unit_addresses FROM " + table("block_units")
        + " u JOIN " + table("block_groups") + " g ON g.unit_id = u.id JOIN " + table("blocks")
        + " l ON l.id = g.group_id WHERE l.candidate),"
        + " clustered AS (SELECT c.*, coalesce(ST_ClusterDBSCAN(CASE WHEN ST_IsEmpty(c.net) THEN NULL ELSE c.net END,"
        + " " + distance + ", 1) OVER (), -c.id) AS cluster FROM candidates c),"
        + " " + areaStats() + ","
        + " areas AS (SELECT string_agg(c.id::text, ',' ORDER BY c.id) AS block_ids, sum(c.area_m2) / 10000 AS area_ha,"
        + " coalesce(sum(s.buildings), 0) AS buildings, sum(c.unit_addresses) AS addresses,"
        + " coalesce(sum(s.demand), 0) / 1000 AS demand, ST_Multi(ST_UnaryUnion(ST_Collect(c.gross))) AS geom"
        + " FROM clustered c LEFT JOIN stats s ON s.id = c.id GROUP BY c.cluster)"
        + " SELECT row_number() OVER (ORDER BY ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom),"
        + " ST_Area(geom)), block_ids, area_ha, buildings, addresses, demand, demand / nullif(area_ha, 0), geom"
        + " FROM areas";
    return List.of(new SqlQuery("TRUNCATE " + table("areas"), List.of()), new SqlQuery(sql, List.of()));
  }

  /** The candidacy of the affected block rows before they are made again, in {@code old_candidates(id, candidate)}. */
  List<String> rememberCandidates() {
    return List.of("DROP TABLE IF EXISTS pg_temp.old_candidates", "CREATE TEMP TABLE old_candidates ON COMMIT DROP AS"
        + " SELECT id, candidate FROM " + table("blocks") + " WHERE " + affected("block", "id"));
  }

  /** How many affected block rows became or ceased to be candidates: none means the areas keep their shapes. */
  SqlQuery changedCandidates() {
    return new SqlQuery("SELECT count(*) FROM (SELECT id, candidate FROM " + table("blocks") + " WHERE "
        + affected("block", "id") + ") n FULL JOIN old_candidates o USING (id) WHERE n.candidate IS DISTINCT FROM"
        + " o.candidate", List.of());
  }

  /** The areas' values made again from their blocks, their shapes kept. */
  SqlQuery areaValues() {
    return new SqlQuery("UPDATE " + table("areas") + " a SET area_ha = v.area_ha, buildings = v.buildings,"
        + " addresses = v.addresses, heat_demand_mwh_a = v.demand, heat_density_mwh_ha_a = v.demand"
        + " / nullif(v.area_ha, 0) FROM (WITH " + areaStats() + " SELECT a.id, sum(u.area_m2) / 10000 AS area_ha,"
        + " coalesce(sum(s.buildings), 0) AS buildings, sum(g.unit_addresses) AS addresses,"
        + " coalesce(sum(s.demand), 0) / 1000 AS demand FROM " + table("areas") + " a CROSS JOIN LATERAL"
        + " unnest(string_to_array(a.block_ids, ',')::bigint[]) AS r(unit_id) JOIN " + table("block_groups")
        + " g ON g.unit_id = r.unit_id JOIN " + table("block_units")
        + " u ON u.id = g.unit_id LEFT JOIN stats s ON s.id = u.id GROUP BY a.id) v WHERE v.id = a.id", List.of());
  }

  /** Each block's buildings and heat demand, as a CTE {@code stats(id, buildings, demand)}. */
  private String areaStats() {
    return "stats AS (SELECT block_id AS id, count(*) AS buildings, coalesce(sum(demand_kwh_a), 0) AS demand FROM "
        + table("building_units") + " WHERE block_id IS NOT NULL GROUP BY block_id)";
  }

  /** What the layers hold, for the summary. */
  SqlQuery summary() {
    return new SqlQuery("SELECT (SELECT count(*) FROM " + table("building_units") + "),"
        + " (SELECT count(*) FILTER (WHERE demand_estimated) FROM " + table("building_units") + "),"
        + " (SELECT count(*) FILTER (WHERE block_id IS NOT NULL) FROM " + table("building_units") + "),"
        + " (SELECT coalesce(sum(demand_kwh_a), 0) / 1000 FROM " + table("building_units") + "),"
        + " (SELECT count(*) FROM " + table("block_units") + "), (SELECT count(*) FROM " + table("blocks") + "),"
        + " (SELECT count(*) FILTER (WHERE protection = 'merged') FROM " + table("blocks") + "),"
        + " (SELECT count(*) FILTER (WHERE protection = 'withheld') FROM " + table("blocks") + "),"
        + " (SELECT count(*) FROM " + table("section_units") + "), (SELECT count(*) FROM " + table("sections") + "),"
        + " (SELECT count(*) FILTER (WHERE protection = 'merged') FROM " + table("sections") + "),"
        + " (SELECT count(*) FILTER (WHERE protection = 'withheld') FROM " + table("sections") + "),"
        + " (SELECT count(*) FROM " + table("areas") + ")", List.of());
  }

  /** Empties a layer table, or takes the rows of the affected groups out of it. */
  private String clear(String layer, String kind, boolean affectedOnly) {
    return affectedOnly ? "DELETE FROM " + table(layer) + " WHERE " + affected(kind, "id")
        : "TRUNCATE " + table(layer);
  }

  /** The condition that {@code groupId} is a group of {@code kind} in {@code affected_groups}. */
  private static String affected(String kind, String groupId) {
    return groupId + " IN (SELECT group_id FROM affected_groups WHERE kind = '" + kind + "')";
  }

  /** {@code value}, or NULL where {@code condition} holds. */
  private static String unless(String condition, String value) {
    return "CASE WHEN " + condition + " THEN NULL ELSE " + value + " END";
  }
}
