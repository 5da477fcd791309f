package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.config.ConfigException;
import io.urbis.crs.Crs;
import io.urbis.demo.DemoCity;
import io.urbis.error.NotFoundException;
import io.urbis.error.PreconditionFailedException;
import io.urbis.error.UrbisException;
import io.urbis.query.FeatureQuery;
import io.urbis.security.Caller;
import io.urbis.source.EncodedFeature;
import io.urbis.source.ExpectedVersion;
import io.urbis.source.FeatureContent;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeaturePatch;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.source.WriteRules;
import io.urbis.source.WrittenFeature;
import io.urbis.source.postgis.AuditCommand;
import io.urbis.testdata.Gdal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The GeoPackage editor on a copy of the demo town (a new copy for every test): each write is one transaction that
 * keeps the row, its R-tree entry, gpkg_contents and the audit trail in step, compares versions, keeps what the
 * caller does not see, and moves the data version on.
 */
class GeoPackageEditorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HIDDEN = "heat_demand_kwh_a";

  @TempDir static Path demoFolder;
  private static Path demo;

  @TempDir Path folder;
  private Path file;
  private GeoPackageFeatureSource source;
  private Collection buildings;
  private FeatureEditor editor;

  @BeforeAll
  static void makeTheDemoTown() {
    demo = DemoCity.ensure(demoFolder.resolve("demo.gpkg"));
  }

  @BeforeEach
  void openACopy() throws Exception {
    file = Files.copy(demo, folder.resolve("town.gpkg"));
    source = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    buildings = GeoPackageFeatureSourceTest.collection(source, "buildings");
    editor = source.editor().orElseThrow();
    editor.open(List.of(buildings));
  }

  @AfterEach
  void close() {
    source.close();
  }

  @Test
  void aCreatedFeatureReadsBackWithItsVersionIndexEntryContentsAndAuditEntry() throws Exception {
    long before = count("SELECT COUNT(*) FROM buildings");
    Geometry footprint = movedFootprint(1, 5_000);
    WrittenFeature written = editor.create(buildings, content(null, footprint, Map.of("function", text("school"),
        "storeys", new IntNode(3))), "planner-anna");

    long id = Long.parseLong(written.id());
    assertEquals(before + 1, count("SELECT COUNT(*) FROM buildings"));
    assertEquals(count("SELECT max(fid) FROM buildings"), id, "the table assigns the id");
    EncodedFeature read = source.get(buildings, written.id(), Crs.CRS84).orElseThrow();
    assertEquals(written.version(), read.version());
    JsonNode properties = JSON.readTree(read.propertiesJson());
    assertEquals("school", properties.get("function").asText());
    assertEquals(3, properties.get("storeys").asInt());
    assertTrue(properties.get(HIDDEN).isNull());

    assertRtreeHolds(id, footprint);
    String[] contents = SqliteValues.firstRow(file,
        "SELECT last_change, min_x, max_x FROM gpkg_contents WHERE table_name = 'buildings'");
    assertNotEquals("2025-01-01T00:00:00.000Z", contents[0]);
    assertTrue(Double.parseDouble(contents[2]) >= footprint.getEnvelopeInternal().getMaxX(), "extent widened");

    String[] audit = lastAudit();
    assertEquals(List.of("planner-anna", "buildings", written.id(), "create"), Arrays.asList(audit).subList(1, 5));
    assertNull(audit[5]);
    JsonNode after = JSON.readTree(audit[6]);
    assertEquals(id, after.get("fid").asLong());
    assertEquals("school", after.get("function").asText());
    assertEquals("Polygon", after.get("geom").get("type").asText());
    assertTrue(audit[0].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), audit[0]);
  }

  @Test
  void aCreatedFeatureMayAskForAFreeId() {
    WrittenFeature written = editor.create(buildings, content("900001", movedFootprint(2, 5_000), Map.of()), "a");
    assertEquals("900001", written.id());
    long audited = count("SELECT COUNT(*) FROM urbis_audit");

    UrbisException taken = assertThrows(UrbisException.class,
        () -> editor.create(buildings, content("900001", movedFootprint(3, 5_000), Map.of()), "a"));
    assertEquals(409, taken.status());
    assertEquals(400, assertThrows(UrbisException.class,
        () -> editor.create(buildings, content("B-12", movedFootprint(3, 5_000), Map.of()), "a")).status());
    assertEquals(audited, count("SELECT COUNT(*) FROM urbis_audit"), "nothing recorded for refused writes");
  }

  @Test
  void replaceKeepsWhatTheCallerDoesNotSeeAndComparesVersions() throws Exception {
    Collection planners = view(new Rule("write", List.of(HIDDEN), null));
    long heatDemand = count("SELECT " + HIDDEN + " FROM buildings WHERE fid = 7");
    String version = source.get(planners, "7", Crs.CRS84).orElseThrow().version();
    assertNotEquals(version, source.get(buildings, "7", Crs.CRS84).orElseThrow().version(),
        "audiences that see different properties see different versions");

    PreconditionFailedException stale = assertThrows(PreconditionFailedException.class,
        () -> editor.replace(planners, "7", content(null, movedFootprint(7, 1), Map.of("storeys", new IntNode(9))),
            new ExpectedVersion(false, Set.of("0123")), "b"));
    assertEquals(412, stale.status());

    Geometry moved = movedFootprint(7, 2);
    WrittenFeature written = editor.replace(planners, "7", content(null, moved, Map.of("storeys", new IntNode(9))),
        new ExpectedVersion(false, Set.of(version)), "b");
    assertEquals(heatDemand, count("SELECT " + HIDDEN + " FROM buildings WHERE fid = 7"), "the hidden value stays");
    assertEquals(9, count("SELECT storeys FROM buildings WHERE fid = 7"));
    assertEquals(written.version(), source.get(planners, "7", Crs.CRS84).orElseThrow().version());
    assertNotEquals(version, written.version());
    assertRtreeHolds(7, moved);
    String[] audit = lastAudit();
    assertEquals("replace", audit[4]);
    assertEquals(heatDemand, JSON.readTree(audit[5]).get(HIDDEN).asLong(), "the audit sees all");
    assertEquals(9, JSON.readTree(audit[6]).get("storeys").asInt());
  }

  @Test
  void aPatchChangesWhatItNamesOnly() throws Exception {
    JsonNode before = JSON.readTree(source.get(buildings, "11", Crs.CRS84).orElseThrow().propertiesJson());
    Map<String, JsonNode> changes = new HashMap<>();
    changes.put("function", text("library"));
    changes.put("last_renovation", NullNode.getInstance());
    editor.update(buildings, "11", new FeaturePatch(false, null, changes), ExpectedVersion.ANY, "c");

    JsonNode after = JSON.readTree(source.get(buildings, "11", Crs.CRS84).orElseThrow().propertiesJson());
    assertEquals("library", after.get("function").asText());
    assertTrue(after.get("last_renovation").isNull());
    assertEquals(before.get("storeys"), after.get("storeys"));
    assertEquals(before.get(HIDDEN), after.get(HIDDEN));
    assertRtreeHolds(11, footprint(11));

    Geometry moved = movedFootprint(11, 30);
    editor.update(buildings, "11", new FeaturePatch(true, moved, Map.of()), ExpectedVersion.NONE, "c");
    assertRtreeHolds(11, moved);
    assertEquals("library", JSON.readTree(source.get(buildings, "11", Crs.CRS84).orElseThrow().propertiesJson())
        .get("function").asText());
  }

  @Test
  void deleteRemovesTheRowAndItsIndexEntryAndRecordsWhatWasThere() throws Exception {
    editor.delete(buildings, "5", ExpectedVersion.ANY, "d");
    assertTrue(source.get(buildings, "5", Crs.CRS84).isEmpty());
    assertEquals(0, count("SELECT COUNT(*) FROM rtree_buildings_geom WHERE id = 5"));
    String[] audit = lastAudit();
    assertEquals("delete", audit[4]);
    assertEquals(5, JSON.readTree(audit[5]).get("fid").asLong());
    assertNull(audit[6]);
  }

  @Test
  void anAbsentFeatureIsNotFoundOrFailsTheCondition() {
    FeaturePatch patch = new FeaturePatch(false, null, Map.of("storeys", new IntNode(1)));
    assertThrows(NotFoundException.class, () -> editor.update(buildings, "99999", patch, ExpectedVersion.NONE, "e"));
    assertThrows(NotFoundException.class, () -> editor.delete(buildings, "house-1", ExpectedVersion.NONE, "e"));
    assertThrows(PreconditionFailedException.class,
        () -> editor.update(buildings, "99999", patch, ExpectedVersion.ANY, "e"));
    assertThrows(PreconditionFailedException.class,
        () -> editor.delete(buildings, "99999", new ExpectedVersion(false, Set.of("x")), "e"));
  }

  @Test
  void theRowFilterHoldsBeforeAndAfterAWrite() {
    Collection lowDemand = view(new Rule("write", List.of(), HIDDEN + " < 60000"));
    long inside = count("SELECT min(fid) FROM buildings WHERE " + HIDDEN + " < 60000");
    long outside = count("SELECT min(fid) FROM buildings WHERE " + HIDDEN + " >= 60000");
    FeaturePatch raise = new FeaturePatch(false, null, Map.of(HIDDEN, new IntNode(70_000)));

    assertThrows(NotFoundException.class, () -> editor.update(lowDemand, String.valueOf(outside), raise,
        ExpectedVersion.NONE, "f"));
    assertThrows(PreconditionFailedException.class, () -> editor.delete(lowDemand, String.valueOf(outside),
        ExpectedVersion.ANY, "f"));
    long audited = count("SELECT COUNT(*) FROM urbis_audit");
    UrbisException forbidden = assertThrows(UrbisException.class, () -> editor.update(lowDemand,
        String.valueOf(inside), raise, ExpectedVersion.NONE, "f"));
    assertEquals(403, forbidden.status());
    assertTrue(count("SELECT " + HIDDEN + " FROM buildings WHERE fid = " + inside) < 60_000, "rolled back");
    assertEquals(audited, count("SELECT COUNT(*) FROM urbis_audit"));
    assertEquals(403, assertThrows(UrbisException.class, () -> editor.create(lowDemand,
        content(null, movedFootprint(1, 9_000), Map.of(HIDDEN, new IntNode(80_000))), "f")).status());
  }

  @Test
  void theDataVersionCountsAndExtentMoveOnWithEveryWrite() {
    String version = source.dataVersion(buildings);
    long matched = matched();
    Map<String, JsonNode> storeys = Map.of("storeys", new IntNode(4));
    for (int i = 0; i < 5; i++) {
      // quick writes of the same size leave the file's time and size alone within a clock tick
      editor.update(buildings, "3", new FeaturePatch(false, null, Map.of("storeys", new IntNode(i))),
          ExpectedVersion.NONE, "g");
      String next = source.dataVersion(buildings);
      assertNotEquals(version, next);
      version = next;
    }
    Geometry far = movedFootprint(1, 20_000);
    editor.create(buildings, content(null, far, storeys), "g");
    assertEquals(matched + 1, matched());
    assertNotEquals(version, source.dataVersion(buildings));
    double maxLon = buildings.data().extent().spatial().maxLon();
    Geometry crs84 = Crs84Reprojector.forSrid(buildings.srid()).toCrs84(far.copy());
    assertTrue(maxLon >= crs84.getEnvelopeInternal().getMaxX(), "the extent holds the new feature");
  }

  @Test
  void valuesThatDoNotFitTheirColumnsAreAllNamedAndNothingIsWritten() {
    long audited = count("SELECT COUNT(*) FROM urbis_audit");
    Map<String, JsonNode> wrong = Map.of("last_renovation", text("2024-13-01"),
        "storeys", JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e30")));
    UrbisException refused = assertThrows(UrbisException.class,
        () -> editor.create(buildings, content(null, movedFootprint(1, 9_000), wrong), "h"));
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().contains("'last_renovation'") && refused.getMessage().contains("'storeys'"),
        refused.getMessage());
    assertEquals(audited, count("SELECT COUNT(*) FROM urbis_audit"));
  }

  @Test
  void aPropertyTheCallerDoesNotSeeIsNeverWritten() {
    Collection planners = view(new Rule("write", List.of(HIDDEN), null));
    long heatDemand = count("SELECT " + HIDDEN + " FROM buildings WHERE fid = 2");
    assertEquals(400, assertThrows(UrbisException.class, () -> editor.update(planners, "2",
        new FeaturePatch(false, null, Map.of(HIDDEN, new IntNode(1))), ExpectedVersion.NONE, "i")).status());
    assertEquals(heatDemand, count("SELECT " + HIDDEN + " FROM buildings WHERE fid = 2"));
    WriteRules rules = editor.rules(planners);
    assertFalse(rules.notNull().contains(HIDDEN) || rules.defaulted().contains(HIDDEN));
    assertTrue(rules.idAssigned());
  }

  @Test
  void withoutTheRtreeTriggersTheEditorKeepsTheIndex() throws Exception {
    source.close();
    sql("DROP TRIGGER rtree_buildings_geom_insert", "DROP TRIGGER rtree_buildings_geom_update1",
        "DROP TRIGGER rtree_buildings_geom_update2", "DROP TRIGGER rtree_buildings_geom_update3",
        "DROP TRIGGER rtree_buildings_geom_update4", "DROP TRIGGER rtree_buildings_geom_delete");
    openACopyAgain();
    Geometry footprint = movedFootprint(1, 7_000);
    long id = Long.parseLong(editor.create(buildings, content(null, footprint, Map.of()), "j").id());
    assertRtreeHolds(id, footprint);
    Geometry moved = movedFootprint(1, 8_000);
    editor.update(buildings, String.valueOf(id), new FeaturePatch(true, moved, Map.of()), ExpectedVersion.NONE, "j");
    assertRtreeHolds(id, moved);
    editor.delete(buildings, String.valueOf(id), ExpectedVersion.NONE, "j");
    assertEquals(0, count("SELECT COUNT(*) FROM rtree_buildings_geom WHERE id = " + id));
  }

  @Test
  void aFileNotToBeWrittenIsAConfigurationAnswer() throws Exception {
    source.close();
    sql("CREATE TRIGGER buildings_checked AFTER INSERT ON buildings BEGIN SELECT ST_Buffer(NEW.geom, 1); END");
    ConfigException trigger = assertThrows(ConfigException.class, this::openACopyAgain);
    assertTrue(trigger.getMessage().contains("ST_Buffer")
        && trigger.getMessage().startsWith("access.collections.buildings: "),
        trigger.getMessage());
  }

  @Test
  void aReadOnlyFileIsAConfigurationAnswer() {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write any file");
    source.close();
    assertTrue(file.toFile().setWritable(false));
    ConfigException readOnly = assertThrows(ConfigException.class, this::openACopyAgain);
    assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());
  }

  @Test
  void theFileIsInWalModeWhileWritableSoReadsGoOnDuringAWrite() throws Exception {
    assertEquals("wal", SqliteValues.firstRow(file, "PRAGMA journal_mode")[0]);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      GeometryFunctions.addTo(other);
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("UPDATE buildings SET storeys = 99 WHERE fid = 1");
      // another program holds the write lock: reads go on and see the last commit
      assertNotEquals("99", JSON.readTree(source.get(buildings, "1", Crs.CRS84).orElseThrow().propertiesJson())
          .get("storeys").asText());
      assertTrue(matched() > 0);
      statement.execute("COMMIT");
    }
    source.close();
    assertEquals("delete", SqliteValues.firstRow(file, "PRAGMA journal_mode")[0], "one file again");
    assertFalse(Files.exists(folder.resolve("town.gpkg-wal")));
  }

  @Test
  void writersOfTwoServersTakeTurnsAndLoseNoUpdate() throws Exception {
    GeoPackageFeatureSource second = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    Collection secondBuildings = GeoPackageFeatureSourceTest.collection(second, "buildings");
    second.editor().orElseThrow().open(List.of(secondBuildings));
    editor.update(buildings, "20", new FeaturePatch(false, null, Map.of("storeys", new IntNode(0))),
        ExpectedVersion.NONE, "k");
    int writers = 4;
    int increments = 15;
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    for (int w = 0; w < writers; w++) {
      GeoPackageFeatureSource server = w % 2 == 0 ? source : second;
      Collection collection = w % 2 == 0 ? buildings : secondBuildings;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < increments; i++) {
          EncodedFeature current = server.get(collection, "20", Crs.CRS84).orElseThrow();
          int storeys = readStoreys(current);
          try {
            server.editor().orElseThrow().update(collection, "20", new FeaturePatch(false, null,
                Map.of("storeys", new IntNode(storeys + 1))), new ExpectedVersion(false, Set.of(current.version())),
                "writer");
            accepted.incrementAndGet();
          } catch (PreconditionFailedException lost) {
            refused.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    second.close();
    assertEquals(writers * increments, accepted.get() + refused.get());
    assertEquals(accepted.get(), count("SELECT storeys FROM buildings WHERE fid = 20"));
    assertEquals(accepted.get() + 1, count("SELECT COUNT(*) FROM urbis_audit WHERE feature_id = '20'"));
  }

  @Test
  void gdalReadsWhatWasWrittenFromAValidGeoPackage() throws Exception {
    assumeTrue(Gdal.has("ogr2ogr"), "GDAL's ogr2ogr reads the file");
    Geometry footprint = movedFootprint(1, 6_000);
    Map<String, JsonNode> values = Map.of("function", text("depot"), "storeys", new IntNode(2),
        "height_m", JSON.getNodeFactory().numberNode(7.25), "last_renovation", text("2023-11-30"));
    String id = editor.create(buildings, content(null, footprint, values), "l").id();
    editor.update(buildings, "9", new FeaturePatch(true, movedFootprint(9, 3), Map.of()), ExpectedVersion.NONE, "l");
    editor.delete(buildings, "10", ExpectedVersion.NONE, "l");
    source.close();

    JsonNode feature = JSON.readTree(Gdal.feature(file, "buildings", Long.parseLong(id))).get("features").get(0);
    JsonNode properties = feature.get("properties");
    assertEquals("depot", properties.get("function").asText());
    assertEquals(2, properties.get("storeys").asInt());
    assertEquals(7.25, properties.get("height_m").asDouble());
    assertEquals("2023-11-30", properties.get("last_renovation").asText());
    JsonNode ring = feature.get("geometry").get("coordinates").get(0);
    org.locationtech.jts.geom.Coordinate[] written = footprint.getCoordinates();
    assertEquals(written.length, ring.size());
    for (int i = 0; i < written.length; i++) {
      assertEquals(written[i].getX(), ring.get(i).get(0).asDouble(), 0.001);
      assertEquals(written[i].getY(), ring.get(i).get(1).asDouble(), 0.001);
    }
    assumeTrue(Gdal.hasGeoPackageValidator(), "GDAL's validate_gpkg.py (python3-gdal) is not installed");
    assertEquals("", Gdal.validateGeoPackage(file).strip());
  }

  @Test
  void urbisAuditListsTheLatestWritesOfTheFile() {
    String id = editor.create(buildings, content(null, movedFootprint(1, 4_000), Map.of()), "surveyor").id();
    editor.update(buildings, id, new FeaturePatch(false, null, Map.of("storeys", new IntNode(5))),
        ExpectedVersion.NONE, "planner");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = new AuditCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
        .run(new String[] {"audit", file.toString(), "--limit", "2"});

    assertEquals(0, status);
    List<String[]> lines = out.toString(StandardCharsets.UTF_8).lines().map(line -> line.split("\t", -1)).toList();
    assertEquals(List.of("id", "at", "caller", "operation", "collection/feature", "changed"), List.of(lines.get(0)));
    assertEquals(List.of("planner", "update", "buildings/" + id, "storeys"), List.of(lines.get(1)).subList(2, 6));
    assertEquals(List.of("surveyor", "create", "buildings/" + id, ""), List.of(lines.get(2)).subList(2, 6));
    assertEquals(3, lines.size());

    Path withoutTrail = demoFolder.resolve("demo.gpkg");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, new AuditCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
        .run(new String[] {"audit", withoutTrail.toString()}));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no audit table urbis_audit"), err.toString());
  }

  private static int readStoreys(EncodedFeature feature) {
    try {
      return JSON.readTree(feature.propertiesJson()).get("storeys").asInt();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void openACopyAgain() {
    source = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    buildings = GeoPackageFeatureSourceTest.collection(source, "buildings");
    editor = source.editor().orElseThrow();
    editor.open(List.of(buildings));
  }

  private long matched() {
    try (FeatureStream stream = source.query(buildings, new FeatureQuery(null, null, 1, null))) {
      return stream.numberMatched().orElseThrow();
    }
  }

  private Collection view(Rule rule) {
    AccessConfig config = new AccessConfig(null, Map.of("buildings", Map.of("editor", rule)));
    return AccessPolicy.of(config, new Catalog(source.discover())).viewOf(new Caller("someone", Set.of("editor")))
        .catalog().find("buildings").orElseThrow();
  }

  private static FeatureContent content(String id, Geometry geometry, Map<String, JsonNode> properties) {
    return new FeatureContent(id, geometry, properties);
  }

  private static TextNode text(String value) {
    return new TextNode(value);
  }

  /** The stored footprint of a building, in the storage CRS (EPSG:25832). */
  private Geometry footprint(long id) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT geom FROM buildings WHERE fid = " + id)) {
      rows.next();
      return new GeoPackageGeometryReader().read(rows.getBytes(1));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A building's footprint moved {@code metres} east. */
  private Geometry movedFootprint(long id, double metres) {
    Geometry moved = AffineTransformation.translationInstance(metres, 0).transform(footprint(id));
    moved.setSRID(buildings.srid());
    return moved;
  }

  private void assertRtreeHolds(long id, Geometry geometry) {
    String[] box = SqliteValues.firstRow(file,
        "SELECT minx, maxx, miny, maxy FROM rtree_buildings_geom WHERE id = " + id);
    var envelope = geometry.getEnvelopeInternal();
    double[] expected = {envelope.getMinX(), envelope.getMaxX(), envelope.getMinY(), envelope.getMaxY()};
    double[] actual = new double[4];
    for (int i = 0; i < 4; i++) {
      actual[i] = Double.parseDouble(box[i]);
    }
    // the R-tree keeps single-precision boxes, rounded outwards
    assertArrayEquals(expected, actual, 0.5);
    assertTrue(actual[0] <= expected[0] && actual[1] >= expected[1] && actual[2] <= expected[2]
        && actual[3] >= expected[3]);
  }

  private String[] lastAudit() {
    return SqliteValues.firstRow(file, "SELECT at, caller, collection, feature_id, operation, before, after"
        + " FROM urbis_audit ORDER BY id DESC LIMIT 1");
  }

  private long count(String sql) {
    return SqliteValues.number(file, sql);
  }

  private void sql(String... statements) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
