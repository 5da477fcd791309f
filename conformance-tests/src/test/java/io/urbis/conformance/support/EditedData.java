package io.urbis.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Tables that tests change through the API (OGC API - Features Part 4), in the schema {@value #SCHEMA} of the test
 * database apart from the fixture, served by a PostGIS server of their own with API keys and access rules:
 *
 * <ul>
 *   <li>{@code editing.buildings}: {@value #BUILDINGS} buildings in UTM 32N near Wesel, every other one municipal;
 *       {@code name} and {@code owner_type} NOT NULL (the latter with a default); the public reads them without
 *       {@code heat_demand}; the planner writes them all; the surveyor writes the municipal ones and does not see
 *       {@code heat_demand}; the viewer reads them.
 *   <li>{@code editing.counters}: {@value #COUNTERS} points with a counter each, which the planner writes.
 *   <li>{@code editing.locked}: points the planner writes only with If-Match ({@code editing.requireIfMatch}).
 * </ul>
 */
public final class EditedData implements AutoCloseable {

  public static final String SCHEMA = "editing";
  public static final String BUILDINGS = "20";
  public static final String COUNTERS = "50";
  public static final String PLANNER = "planner-key-" + HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6});
  public static final String SURVEYOR = "surveyor-key-" + HexFormat.of().formatHex(new byte[] {6, 5, 4, 3, 2, 1});
  public static final String VIEWER = "viewer-key-" + HexFormat.of().formatHex(new byte[] {9, 8, 7, 6, 5, 4});
  /** A place near Wesel in UTM 32N (EPSG:25832) and in CRS84, as PostGIS transforms it. */
  public static final double EASTING = 332200;
  public static final double NORTHING = 5725200;
  public static final double LON = 6.5742949;
  public static final double LAT = 51.65271672;

  private final Urbis urbis;
  private final UrbisServer server;

  private EditedData(Urbis urbis, UrbisServer server) {
    this.urbis = urbis;
    this.server = server;
  }

  /** Creates the tables and starts their server. */
  public static EditedData start(Urbis urbis) {
    urbis.database().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA + ";"
        + " CREATE TABLE editing.buildings (id serial PRIMARY KEY, name text NOT NULL, height double precision,"
        + " storeys integer, owner_type text NOT NULL DEFAULT 'private', heat_demand numeric, attributes jsonb,"
        + " updated timestamptz, geom geometry(MultiPolygon, 25832) NOT NULL);"
        + " INSERT INTO editing.buildings (name, height, storeys, owner_type, heat_demand, attributes, geom)"
        + " SELECT 'building ' || i, 3.5 * i, i % 5, CASE WHEN i % 2 = 0 THEN 'municipal' ELSE 'private' END,"
        + " 100 + i, jsonb_build_object('n', i), ST_Multi(ST_MakeEnvelope(332000 + i * 30, 5725000,"
        + " 332020 + i * 30, 5725020, 25832)) FROM generate_series(1, " + BUILDINGS + ") i;"
        + " CREATE INDEX ON editing.buildings USING gist (geom);"
        + " CREATE TABLE editing.counters (id integer PRIMARY KEY, counter integer NOT NULL DEFAULT 0,"
        + " geom geometry(Point, 25832));"
        + " INSERT INTO editing.counters (id, geom) SELECT i, ST_SetSRID(ST_MakePoint(333000 + i * 10, 5726000),"
        + " 25832) FROM generate_series(1, " + COUNTERS + ") i;"
        + " CREATE TABLE editing.locked (id serial PRIMARY KEY, name text, geom geometry(Point, 4326));"
        + " INSERT INTO editing.locked (name, geom) VALUES ('locked', ST_SetSRID(ST_MakePoint(6.6, 51.6), 4326));"
        + " ANALYZE editing.buildings");
    Path config = Urbis.target("urbis-editing.yaml");
    try {
      Files.writeString(config, """
          sources: ['%s']
          schemas: [%s]
          security:
            apiKeys:
              - {name: planning-office, sha256: %s, roles: [planner]}
              - {name: survey-office, sha256: %s, roles: [surveyor]}
              - {name: viewer, sha256: %s, roles: [viewer]}
          access:
            default:
              "*": read
            collections:
              editing.buildings:
                public: {access: read, hiddenProperties: [heat_demand]}
                viewer: read
                planner: write
                surveyor: {access: write, hiddenProperties: [heat_demand], rowFilter: "owner_type = 'municipal'"}
              editing.counters:
                "*": read
                planner: write
              editing.locked:
                "*": read
                planner: write
          editing:
            collections:
              editing.locked: {requireIfMatch: true}
          """.formatted(urbis.database().serverUrl().replace("'", "''"), SCHEMA, sha256(PLANNER),
          sha256(SURVEYOR), sha256(VIEWER)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EditedData(urbis, urbis.launch("editing", List.of("--config", config.toString())));
  }

  public Api api() {
    return new Api(server.baseUri(), Source.POSTGIS);
  }

  public TestDatabase database() {
    return urbis.database();
  }

  /** The environment the server runs in. */
  public Urbis urbis() {
    return urbis;
  }

  /** What the server printed last, for failure messages. */
  public String serverOutput() {
    return server.output();
  }

  /**
   * The buildings table and the audit table as one hash each, in one string, to tell that nothing stored changed.
   */
  public String stored() {
    return database().column("SELECT (SELECT md5(coalesce(string_agg(b::text, ',' ORDER BY id), ''))"
        + " FROM editing.buildings b) || ' ' || (SELECT count(*) FROM urbis_audit)").get(0);
  }

  /** The latest audit rows, newest first: caller, operation, collection, feature id, before, after (JSON text). */
  public List<List<String>> latestAudit(int rows) {
    return database().rows("SELECT caller, operation, collection, feature_id, before::text, after::text"
        + " FROM urbis_audit ORDER BY id DESC LIMIT " + rows);
  }

  /** The SHA-256 of an API key in hex, as {@code security.apiKeys} keeps it. */
  static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
