package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.config.ConfigException;
import io.urbis.crs.Crs;
import io.urbis.error.NotFoundException;
import io.urbis.error.PreconditionFailedException;
import io.urbis.error.UrbisException;
import io.urbis.security.Caller;
import io.urbis.source.ExpectedVersion;
import io.urbis.source.FeatureContent;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeaturePatch;
import io.urbis.source.SourceSettings;
import io.urbis.source.WrittenFeature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The PostGIS editor against a real database: each write one transaction with its audit row, versions that follow
 * what an audience sees, the row lock and version check, the row filter on both sides of a write, the data version
 * moving at commit, and start-up refusing what cannot be written.
 */
class PostgisEditorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();
  /** Surveyors write parcels of two storeys and do not see their area. */
  private static final AccessConfig RULES = new AccessConfig(Map.of("*", Rule.of("read")), Map.of("parcels", Map.of(
      "planner", Rule.of("write"),
      "surveyor", new Rule("write", List.of("area"), "storeys = 2"))));

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static FeatureEditor editor;
  private static Collection parcels;
  private static Collection surveyed;

  @BeforeAll
  static void open() throws Exception {
    database = new PostgisTestDatabase("fixture.sql");
    execute("CREATE VIEW parcel_counts AS SELECT min(id) AS id, count(*) AS n, ST_Collect(geom) AS geom"
        + " FROM parcels GROUP BY storeys");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public"));
    Catalog catalog = new Catalog(source.discover());
    AccessPolicy policy = AccessPolicy.of(RULES, catalog);
    parcels = policy.viewOf(new Caller("planning-office", Set.of("planner"))).catalog().find("parcels").orElseThrow();
    surveyed = policy.viewOf(new Caller("surveyor", Set.of("surveyor"))).catalog().find("parcels").orElseThrow();
    editor = source.editor().orElseThrow();
    editor.open(List.of(catalog.find("parcels").orElseThrow()));
  }

  @AfterAll
  static void close() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void theAuditTableIsCreatedAndNeverPublished() throws Exception {
    assertEquals(1, count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'urbis_audit'"),
        "in the user's current schema");
    assertTrue(source.discover().stream().noneMatch(c -> c.id().contains("audit")));
  }

  @Test
  void aFeatureIsCreatedUpdatedReplacedAndDeletedEachWithItsAuditRowAndVersion() throws Exception {
    long audited = count("SELECT count(*) FROM urbis_audit");
    WrittenFeature created = editor.create(parcels, new FeatureContent("5001", square(441000, 5761000),
        Map.of("name", json("\"new parcel\""), "storeys", json("2"), "tags", json("[\"x\", \"y \\\"z\\\"\"]"),
            "extra", json("{\"a\": {\"b\": 1}, \"c\": 2}"), "surveyed", json("\"2024-05-01\""),
            "updated", json("\"2024-05-01T10:00:00Z\""))), "planning-office");
    assertEquals("5001", created.id());
    assertEquals(created.version(), source.get(parcels, "5001", Crs.CRS84).orElseThrow().version());
    assertEquals("{x,\"y \\\"z\\\"\"}", text("SELECT tags::text FROM parcels WHERE id = 5001"));

    WrittenFeature updated = editor.update(parcels, "5001", new FeaturePatch(false, null,
        Map.of("extra", json("{\"a\": {\"d\": 3}, \"c\": null}"), "name", json("null"))),
        new ExpectedVersion(false, Set.of(created.version())), "planning-office");
    assertNotEquals(created.version(), updated.version());
    assertEquals("{\"a\": {\"b\": 1, \"d\": 3}}", text("SELECT extra::text FROM parcels WHERE id = 5001"));
    assertNull(text("SELECT name FROM parcels WHERE id = 5001"));

    Map<String, JsonNode> replacement = new HashMap<>();
    parcels.properties().forEach(property -> replacement.put(property.name(), json("null")));
    replacement.put("name", json("\"replaced\""));
    editor.replace(parcels, "5001", new FeatureContent(null, null, replacement), ExpectedVersion.ANY, "planner-2");
    assertEquals("replaced|true|true", text("SELECT name || '|' || (geom IS NULL) || '|' || (extra IS NULL)"
        + " FROM parcels WHERE id = 5001"));

    editor.delete(parcels, "5001", ExpectedVersion.NONE, "planner-2");
    assertEquals(0, count("SELECT count(*) FROM parcels WHERE id = 5001"));

    List<List<String>> audit = rows("SELECT caller, operation, feature_id, collection, before IS NULL,"
        + " after IS NULL, coalesce(after->>'name', 'null') FROM urbis_audit ORDER BY id OFFSET " + audited);
    assertEquals(List.of(
        List.of("planning-office", "create", "5001", "parcels", "t", "f", "new parcel"),
        List.of("planning-office", "update", "5001", "parcels", "f", "f", "null"),
        List.of("planner-2", "replace", "5001", "parcels", "f", "f", "replaced"),
        List.of("planner-2", "delete", "5001", "parcels", "f", "t", "null")), audit);
  }

  @Test
  void aStaleVersionOrAnAbsentFeatureChangesNothing() throws Exception {
    String before = table();
    long audited = count("SELECT count(*) FROM urbis_audit");
    String current = source.get(parcels, "3", Crs.CRS84).orElseThrow().version();
    FeaturePatch rename = new FeaturePatch(false, null, Map.of("name", json("\"renamed\"")));
    ExpectedVersion stale = new ExpectedVersion(false, Set.of("0" + current.substring(1)));
    assertThrows(PreconditionFailedException.class, () -> editor.update(parcels, "3", rename, stale, "planner"));
    assertThrows(PreconditionFailedException.class,
        () -> editor.update(parcels, "999999", rename, ExpectedVersion.ANY, "planner"));
    assertThrows(NotFoundException.class, () -> editor.update(parcels, "999999", rename, ExpectedVersion.NONE, "p"));
    assertThrows(NotFoundException.class, () -> editor.delete(parcels, "not a number", ExpectedVersion.NONE, "p"));
    assertEquals(before, table());
    assertEquals(audited, count("SELECT count(*) FROM urbis_audit"));
  }

  @Test
  void versionsAreTheSameOnEveryServerAndFollowOnlyWhatTheAudienceSees() throws Exception {
    try (PostgisFeatureSource another = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS,
        List.of("public"))) {
      another.discover();
      assertEquals(source.get(parcels, "7", Crs.CRS84).orElseThrow().version(),
          another.get(parcels, "7", Crs.CRS84).orElseThrow().version());
    }
    String whole = source.get(parcels, "7", Crs.CRS84).orElseThrow().version();
    String narrowed = source.get(surveyed, "7", Crs.CRS84).orElseThrow().version();
    assertNotEquals(whole, narrowed);
    assertEquals(whole, source.get(parcels, "7", Crs.epsg(25832)).orElseThrow().version(), "versions are of data");
    execute("UPDATE parcels SET area = area + 1 WHERE id = 7");
    assertNotEquals(whole, source.get(parcels, "7", Crs.CRS84).orElseThrow().version());
    assertEquals(narrowed, source.get(surveyed, "7", Crs.CRS84).orElseThrow().version(), "area is hidden");
  }

  @Test
  void theRowFilterBoundsWhatAWriterFindsAndWhatItLeaves() throws Exception {
    String outside = text("SELECT min(id)::text FROM parcels WHERE storeys = 3");
    String inside = text("SELECT min(id)::text FROM parcels WHERE storeys = 2 AND id > 100");
    String areaBefore = text("SELECT area::text FROM parcels WHERE id = " + inside);
    FeaturePatch rename = new FeaturePatch(false, null, Map.of("name", json("\"surveyed\"")));
    assertThrows(NotFoundException.class,
        () -> editor.update(surveyed, outside, rename, ExpectedVersion.NONE, "surveyor"));
    assertThrows(PreconditionFailedException.class,
        () -> editor.update(surveyed, outside, rename, ExpectedVersion.ANY, "surveyor"));
    String before = table();
    UrbisException leaving = assertThrows(UrbisException.class, () -> editor.update(surveyed, inside,
        new FeaturePatch(false, null, Map.of("storeys", json("3"))), ExpectedVersion.NONE, "surveyor"));
    assertEquals(403, leaving.status());
    UrbisException created = assertThrows(UrbisException.class, () -> editor.create(surveyed,
        new FeatureContent("5100", square(441000, 5762000), Map.of("storeys", json("1"))), "surveyor"));
    assertEquals(403, created.status());
    assertEquals(before, table());

    Map<String, JsonNode> replacement = new HashMap<>();
    surveyed.properties().forEach(property -> replacement.put(property.name(), json("null")));
    replacement.put("storeys", json("2"));
    editor.replace(surveyed, inside, new FeatureContent(null, square(441000, 5763000), replacement),
        ExpectedVersion.NONE, "surveyor");
    assertEquals(areaBefore, text("SELECT area::text FROM parcels WHERE id = " + inside), "area is hidden: kept");
    assertNull(text("SELECT name FROM parcels WHERE id = " + inside));
  }

  @Test
  void whatTheTableRefusesIsTheClientsToFixAndChangesNothing() throws Exception {
    String before = table();
    UrbisException taken = assertThrows(UrbisException.class, () -> editor.create(parcels,
        new FeatureContent("1", null, Map.of()), "planner"));
    assertEquals(409, taken.status());
    UrbisException tooMany = assertThrows(UrbisException.class, () -> editor.update(parcels, "1",
        new FeaturePatch(false, null, Map.of("storeys", json("70000"))), ExpectedVersion.NONE, "planner"));
    assertEquals(400, tooMany.status());
    assertTrue(tooMany.getMessage().contains("out of range"), tooMany.getMessage());
    assertEquals(before, table());
  }

  @Test
  void aCommittedWriteMovesTheDataVersionAtOnce() throws Exception {
    String version = source.dataVersion(parcels);
    editor.update(parcels, "5", new FeaturePatch(false, null, Map.of("name", json("\"moved\""))),
        ExpectedVersion.NONE, "planner");
    assertNotEquals(version, source.dataVersion(parcels), "the statistics count the write at its commit");
  }

  @Test
  void whatCannotBeWrittenFailsTheStartNamingTheFix() throws Exception {
    Collection view = source.discover().stream().filter(c -> c.id().equals("parcel_counts")).findFirst()
        .orElseThrow();
    ConfigException notUpdatable = assertThrows(ConfigException.class, () -> editor.open(List.of(view)));
    assertTrue(notUpdatable.getMessage().contains("access.collections.parcel_counts: public.parcel_counts is a"
        + " view PostgreSQL cannot insert into, update and delete from"), notUpdatable.getMessage());

    String role = "urbis_editor_" + UUID.randomUUID().toString().substring(0, 8);
    execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'; GRANT SELECT ON parcels TO " + role);
    String location = database.location().replaceFirst("//[^@]+@", "//" + role + ":secret@");
    try (PostgisFeatureSource restricted = new PostgisFeatureSource(DatabaseUrl.parse(location),
        SourceSettings.DEFAULTS, List.of("public"))) {
      Collection readOnly = restricted.discover().stream().filter(c -> c.id().equals("parcels")).findFirst()
          .orElseThrow();
      FeatureEditor restrictedEditor = restricted.editor().orElseThrow();
      ConfigException privileges = assertThrows(ConfigException.class,
          () -> restrictedEditor.open(List.of(readOnly)));
      assertTrue(privileges.getMessage().contains("GRANT SELECT, INSERT, UPDATE, DELETE ON \"public\".\"parcels\""),
          privileges.getMessage());
      execute("GRANT INSERT, UPDATE, DELETE ON parcels TO " + role);
      assertTrue(auditRefused(location, readOnly).contains("the audit table public.urbis_audit of the writable"
          + " collections cannot be written by " + role + "; GRANT INSERT ON public.urbis_audit to the user"));
      execute("CREATE SCHEMA " + role + " AUTHORIZATION postgres; GRANT USAGE ON SCHEMA " + role + " TO " + role
          + "; ALTER ROLE " + role + " SET search_path = " + role + ", public");
      String created = auditRefused(location, readOnly);
      assertTrue(created.contains("the audit table " + role + ".urbis_audit of the writable collections cannot be"
          + " created by " + role), created);
      assertTrue(created.contains("GRANT CREATE ON SCHEMA " + role), created);
    } finally {
      execute("DROP SCHEMA IF EXISTS " + role + "; DROP OWNED BY " + role + "; DROP ROLE " + role);
    }
  }

  /** Why a source of {@code location} cannot write {@code collection}: the start's message. */
  private static String auditRefused(String location, Collection collection) {
    try (PostgisFeatureSource restricted = new PostgisFeatureSource(DatabaseUrl.parse(location),
        SourceSettings.DEFAULTS, List.of("public"))) {
      restricted.discover();
      return assertThrows(ConfigException.class, () -> restricted.editor().orElseThrow().open(List.of(collection)))
          .getMessage();
    }
  }

  @Test
  void theAuditCommandListsTheLatestWritesNewestFirst() throws Exception {
    editor.update(parcels, "6", new FeaturePatch(false, null, Map.of("name", json("\"audited\""),
        "storeys", json("4"))), ExpectedVersion.NONE, "planning-office");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new AuditCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
        StandardCharsets.UTF_8), Map.of()).run(new String[] {"audit", database.location(), "--limit", "1"});
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(List.of("id", "at", "caller", "operation", "collection/feature", "changed"),
        List.of(lines.get(0).split("\t")));
    List<String> entry = List.of(lines.get(1).split("\t"));
    assertEquals(List.of("planning-office", "update", "parcels/6", "name, storeys"), entry.subList(2, 6));
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("secret"));
  }

  private static Geometry square(double x, double y) {
    Geometry square = GEOMETRIES.toGeometry(new Envelope(x, x + 20, y, y + 20));
    square.setSRID(25832);
    return square;
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** The whole table as one hash, to tell that nothing changed. */
  private static String table() throws Exception {
    return text("SELECT md5(string_agg(p::text, ',' ORDER BY id)) FROM parcels p");
  }

  private static String text(String sql) throws Exception {
    return rows(sql).get(0).get(0);
  }

  private static long count(String sql) throws Exception {
    return Long.parseLong(text(sql));
  }

  private static List<List<String>> rows(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<List<String>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(rows.getString(c));
        }
        result.add(row);
      }
      return result;
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
