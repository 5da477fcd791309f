package io.urbis.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data that tests write through the API, apart from the fixture the other tests read: the table
 * {@code <schema>.parcels} in the test database and a GeoPackage exported from it by {@code ogr2ogr} (so that it has
 * GDAL's R-tree triggers, as files QGIS users edit have), each served by a server of its own. Every caller the test
 * names gets an API key with the role {@code editor}, which may write {@code parcels}; everyone else reads it.
 *
 * <p>{@code parcels}: {@value #PARCELS} squares of 20 m in EPSG:25832 near 356000 E 5645000 N, with {@code name}
 * (NOT NULL), {@code area_m2}, {@code storeys}, {@code surveyed} (a date), {@code checked_at} (a time),
 * {@code public} (a boolean) and {@code counter} (NOT NULL, 0 by default).
 */
public final class EditedParcels implements AutoCloseable {

  public static final String COLLECTION = "parcels";
  public static final int PARCELS = 20;
  public static final String STORAGE_CRS = "http://www.opengis.net/def/crs/EPSG/0/25832";

  private final Urbis urbis;
  private final String schema;
  private final Path geoPackage;
  private final Map<String, String> apiKeys = new LinkedHashMap<>();
  private final Map<Source, UrbisServer> servers = new EnumMap<>(Source.class);
  private final Map<Source, RuntimeException> failures = new EnumMap<>(Source.class);

  private EditedParcels(Urbis urbis, String name, List<String> callers) {
    this.urbis = urbis;
    this.schema = "edited_" + name;
    this.geoPackage = Urbis.target("edited-" + name + ".gpkg");
    SecureRandom random = new SecureRandom();
    callers.forEach(caller -> apiKeys.put(caller, HexFormat.of().formatHex(bytes(random))));
  }

  /**
   * Creates the table in the schema {@code edited_<name>}, exports the GeoPackage {@code target/edited-<name>.gpkg}
   * and starts a server for each selected source, which {@code callers} may write through.
   */
  public static EditedParcels start(Urbis urbis, String name, List<String> callers) {
    return start(urbis, name, callers, Source.selected());
  }

  /** {@link #start(Urbis, String, List)} with servers of {@code sources} only. */
  public static EditedParcels start(Urbis urbis, String name, List<String> callers, List<Source> sources) {
    EditedParcels data = new EditedParcels(urbis, name, callers);
    urbis.database().execute("DROP SCHEMA IF EXISTS " + data.schema + " CASCADE; CREATE SCHEMA " + data.schema + ";"
        + " CREATE TABLE " + data.table() + " (id serial PRIMARY KEY, name text NOT NULL,"
        + " area_m2 double precision, storeys integer, surveyed date, checked_at timestamptz, public boolean,"
        + " counter integer NOT NULL DEFAULT 0, geom geometry(Polygon, 25832) NOT NULL);"
        + " INSERT INTO " + data.table() + " (name, area_m2, storeys, surveyed, checked_at, public, geom)"
        + " SELECT 'parcel ' || i, 400 + i, i % 4, DATE '2020-01-01' + i,"
        + " TIMESTAMPTZ '2024-01-01 08:00:00+00' + i * INTERVAL '1 hour', i % 2 = 0,"
        + " ST_MakeEnvelope(356000 + i * 30, 5645000, 356020 + i * 30, 5645020, 25832)"
        + " FROM generate_series(1, " + PARCELS + ") i;"
        + " CREATE INDEX ON " + data.table() + " USING gist (geom); ANALYZE " + data.table());
    // the export before any server holds database connections of its pool: the database may be short of them
    RuntimeException notExported = null;
    if (sources.contains(Source.GEOPACKAGE)) {
      try {
        data.exportGeoPackage();
      } catch (RuntimeException e) {
        notExported = e;
      }
    }
    for (Source source : sources) {
      if (source == Source.GEOPACKAGE && notExported != null) {
        data.failures.put(source, notExported);
        continue;
      }
      try {
        data.servers.put(source, data.serve(source));
      } catch (RuntimeException e) {
        data.failures.put(source, e);
      }
    }
    return data;
  }

  /** The collection's id on the server of {@code source}: PostGIS names tables outside {@code public} by schema. */
  public String collection(Source source) {
    return source == Source.POSTGIS ? table() : COLLECTION;
  }

  /** The path of the collection's items on the server of {@code source}. */
  public String items(Source source) {
    return "/collections/" + collection(source) + "/items";
  }

  /** The table in the test database, schema-qualified. */
  public String table() {
    return schema + "." + COLLECTION;
  }

  /** The exported GeoPackage the GeoPackage server writes. */
  public Path geoPackage() {
    return geoPackage;
  }

  /** The API key of a caller named at the start. */
  public String apiKey(String caller) {
    return apiKeys.get(caller);
  }

  /** The client of the server of this source; fails, saying why, when it did not start. */
  public Api api(Source source) {
    RuntimeException failure = failures.get(source);
    if (failure != null) {
      throw new IllegalStateException("No " + source + " server of edited data: " + failure.getMessage(), failure);
    }
    return new Api(servers.get(source).baseUri(), source);
  }

  /** Kills the server of this source at once (SIGKILL), as a crash would. */
  public void kill(Source source) {
    servers.get(source).kill();
  }

  /**
   * The stored data as GDAL reads it, as {@code ogr2ogr} arguments: the data source (the database or the file) and
   * the layer.
   */
  public List<String> gdalLayer(Source source) {
    return source == Source.POSTGIS ? List.of(urbis.database().gdalDataSource(), table())
        : List.of(geoPackage.toString(), COLLECTION);
  }

  /** Runs {@code ogr2ogr} or {@code ogrinfo} on the stored data with the database's password at hand. */
  public String gdal(List<String> command) {
    return Gdal.run(urbis.database().clientEnvironment(), command);
  }

  private UrbisServer serve(Source source) {
    String served = source == Source.POSTGIS ? urbis.database().serverUrl() : geoPackage.toString();
    Path config = Urbis.target("urbis-" + schema + "-" + source + ".yaml");
    StringBuilder keys = new StringBuilder();
    apiKeys.forEach((caller, key) -> keys.append("    - name: ").append(caller).append("\n      sha256: ")
        .append(EditedData.sha256(key)).append("\n      roles: [editor]\n"));
    try {
      Files.writeString(config, """
          sources: ['%s']
          schemas: [%s]
          security:
            apiKeys:
          %saccess:
            default:
              "*": read
            collections:
              '%s':
                "*": read
                editor: write
          """.formatted(served.replace("'", "''"), schema, keys, collection(source)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return urbis.launch(schema + "-" + source, List.of("--config", config.toString()));
  }

  private void exportGeoPackage() {
    try {
      Files.deleteIfExists(geoPackage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FixtureGeoPackage.ogr2ogr(urbis.database(), new ArrayList<>(List.of("-f", "GPKG", geoPackage.toString(),
        urbis.database().gdalDataSource(), table(), "-nln", COLLECTION, "-lco", "FID=id", "-preserve_fid")));
  }

  private static byte[] bytes(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }

  @Override
  public void close() {
    servers.values().forEach(UrbisServer::close);
    urbis.database().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }
}
