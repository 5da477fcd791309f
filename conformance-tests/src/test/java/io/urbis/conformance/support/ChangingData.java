package io.urbis.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Data that tests change while it is served, apart from the fixture the other tests read: the table
 * {@code changing.places} in the test database, and a GeoPackage exported from it, each served by a server of its
 * own whose {@code filteredCountLimit} is {@value #FILTERED_COUNT_LIMIT}. A change goes to both, so PostGIS stays the
 * truth for both, as for the fixture.
 */
public final class ChangingData implements AutoCloseable {

  /** Filtered requests expected to match more than this many places do not state numberMatched. */
  public static final int FILTERED_COUNT_LIMIT = 5;
  /** The places at the start: 3 of kind {@code rare}, the others {@code common}, in a row near 6.96°E 50.94°N. */
  public static final int PLACES = 40;

  private static final String SCHEMA = "changing";

  private final Urbis urbis;
  private final Path geoPackage = Urbis.target("changing.gpkg");
  private final Map<Source, UrbisServer> servers = new EnumMap<>(Source.class);
  private final Map<Source, RuntimeException> failures = new EnumMap<>(Source.class);

  private ChangingData(Urbis urbis) {
    this.urbis = urbis;
  }

  /** Creates the table, exports the GeoPackage and starts a server for each selected source. */
  public static ChangingData start(Urbis urbis) {
    ChangingData data = new ChangingData(urbis);
    urbis.database().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA + ";"
        + " CREATE TABLE " + SCHEMA + ".places (id serial PRIMARY KEY, name text, kind text,"
        + " geom geometry(Point, 25832));"
        + " INSERT INTO " + SCHEMA + ".places (name, kind, geom) SELECT 'place ' || i,"
        + " CASE WHEN i <= 3 THEN 'rare' ELSE 'common' END, ST_SetSRID(ST_MakePoint(356000 + i * 20, 5645000), 25832)"
        + " FROM generate_series(1, " + PLACES + ") i;"
        + " CREATE INDEX ON " + SCHEMA + ".places USING gist (geom); ANALYZE " + SCHEMA + ".places");
    for (Source source : Source.selected()) {
      try {
        data.servers.put(source, data.serve(source));
      } catch (RuntimeException e) {
        data.failures.put(source, e);
      }
    }
    return data;
  }

  private UrbisServer serve(Source source) {
    String served = source == Source.POSTGIS ? urbis.database().serverUrl() : exportGeoPackage().toString();
    Path config = Urbis.target("urbis-changing-" + source + ".yaml");
    try {
      Files.writeString(config, "sources: ['" + served.replace("'", "''") + "']\nschemas: [" + SCHEMA
          + "]\nfilteredCountLimit: " + FILTERED_COUNT_LIMIT + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return urbis.launch("changing-" + source, List.of("--config", config.toString()));
  }

  private Path exportGeoPackage() {
    try {
      Files.deleteIfExists(geoPackage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FixtureGeoPackage.ogr2ogr(urbis.database(), List.of("-f", "GPKG", geoPackage.toString(),
        urbis.database().gdalDataSource(), SCHEMA + ".places", "-nln", "places", "-lco", "FID=id", "-preserve_fid"));
    return geoPackage;
  }

  /** The client of the server of this source; fails, saying why, when it did not start. */
  public Api api(Source source) {
    RuntimeException failure = failures.get(source);
    if (failure != null) {
      throw new IllegalStateException(source.label() + " no server of the changing data: " + failure.getMessage(),
          failure);
    }
    return new Api(servers.get(source).baseUri(), source);
  }

  /** {@code /collections/{id}} of the places: PostGIS names the schema, a GeoPackage has none. */
  public String collection(Source source) {
    return "/collections/" + (source == Source.POSTGIS ? SCHEMA + "." : "") + "places";
  }

  /** How many places PostGIS finds with the SQL condition. */
  public long count(String condition) {
    return urbis.database().number("SELECT count(*) FROM " + SCHEMA + ".places WHERE " + condition);
  }

  /**
   * Adds a place (named in letters, digits and spaces) at the given longitude and latitude to both sources: committed in PostGIS, appended to the
   * GeoPackage by GDAL (which keeps its R-tree current), as another program would while the servers run.
   */
  public void addPlace(String name, double lon, double lat) {
    String point = "ST_Transform(ST_SetSRID(ST_MakePoint(" + lon + ", " + lat + "), 4326), 25832)";
    urbis.database().execute("INSERT INTO " + SCHEMA + ".places (name, kind, geom) VALUES ('" + name.replace("'", "''")
        + "', 'added', " + point + ")");
    if (servers.containsKey(Source.GEOPACKAGE)) {
      appendToGeoPackage(name, lon, lat);
    }
  }

  private void appendToGeoPackage(String name, double lon, double lat) {
    try {
      Path feature = Files.createTempFile("place", ".geojson");
      try {
        Files.writeString(feature, "{\"type\": \"Feature\", \"properties\": {\"name\": \"" + name
            + "\", \"kind\": \"added\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [" + lon + ", " + lat
            + "]}}");
        FixtureGeoPackage.ogr2ogr(urbis.database(), List.of("-append", "-update", "-nln", "places", "-t_srs",
            "EPSG:25832", geoPackage.toString(), feature.toString()));
      } finally {
        Files.delete(feature);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the servers and drops the table; the GeoPackage is deleted. */
  @Override
  public void close() {
    try {
      servers.values().forEach(UrbisServer::close);
    } finally {
      urbis.database().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      try {
        Files.deleteIfExists(geoPackage);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
