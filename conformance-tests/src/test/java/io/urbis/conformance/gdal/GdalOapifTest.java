package io.urbis.conformance.gdal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Gdal;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GDAL's OGC API – Features client (the OAPIF driver) as an independent reader of the whole server. */
@UrbisTest
@DisplayName("GDAL OAPIF driver")
class GdalOapifTest {

  private static final Pattern LAYER_LINE = Pattern.compile("(?m)^\\d+: (\\S+)");
  private static final Pattern GDAL_VERSION = Pattern.compile("GDAL (\\d+)\\.(\\d+)");

  private final Api api;
  private final Truth truth;

  GdalOapifTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @BeforeAll
  static void gdalInstalled() {
    Assumptions.assumeTrue(Gdal.onPath("ogrinfo") && Gdal.onPath("ogr2ogr"),
        "GDAL (ogrinfo, ogr2ogr) is not on the PATH");
  }

  @Test
  @DisplayName("ogrinfo lists every collection")
  void listsEveryCollection() {
    String output = Gdal.run("ogrinfo", "-ro", "-so", dataset());
    Set<String> layers = new TreeSet<>();
    Matcher matcher = LAYER_LINE.matcher(output);
    while (matcher.find()) {
      layers.add(matcher.group(1));
    }
    assertEquals(truth.collectionIds(), layers, output);
  }

  @Test
  @DisplayName("ogr2ogr reads every feature of every collection")
  void readsEveryFeature(@TempDir Path directory) {
    assertAll(Arrays.stream(Layer.values()).map(layer -> () -> {
      Path copy = directory.resolve(layer.id() + ".geojson");
      Gdal.run("ogr2ogr", "-f", "GeoJSON", copy.toString(), dataset(), "-oo", "PAGE_SIZE=1000", layer.id());
      long features = Json.parse(Files.readAllBytes(copy)).path("features").size();
      assertEquals(truth.count(layer), features, layer + ": features GDAL read");
    }));
  }

  @Test
  @DisplayName("ogr2ogr -where is sent to the server as a filter and selects what PostGIS selects")
  void pushesWhereToTheServer(@TempDir Path directory) throws IOException {
    String where = "floors > 6 AND height < 30";
    assertSelects(directory, where, where);
  }

  @Test
  @DisplayName("ogr2ogr -where with ILIKE, dates, times and booleans, sent in the draft forms of cql-text, selects what "
      + "PostGIS selects")
  void pushesDraftCqlFormsToTheServer(@TempDir Path directory) throws IOException {
    String printed = assertSelects(directory, "name ILIKE 'GEBÄUDE 1%' AND construction_date > '1990-01-01'",
        "name ILIKE 'GEBÄUDE 1%' AND construction_date > DATE '1990-01-01'");
    assertTrue(printed.contains("ILIKE") && printed.contains("1990-01-01T'"), "GDAL sent other forms:\n" + printed);
    assertSelects(directory, "last_survey >= '2020-06-01T12:30:00' AND residential = 1",
        "last_survey >= TIMESTAMPTZ '2020-06-01T12:30:00Z' AND residential");
  }

  /**
   * Copies buildings with {@code ogr2ogr -where}, asserting that GDAL left the whole condition to the server and got the
   * buildings PostGIS selects with {@code condition}; returns what GDAL printed (its debug output has the URLs).
   */
  private String assertSelects(Path directory, String where, String condition) throws IOException {
    Path copy = Files.createTempFile(directory, "buildings", ".geojson");
    Files.delete(copy);
    String printed = Gdal.run("ogr2ogr", "--config", "CPL_DEBUG", "ON", "-f", "GeoJSON", copy.toString(), dataset(),
        "-where", where, Layer.BUILDINGS.id());
    assertTrue(printed.contains("filter=") && !printed.contains("evaluated on client side")
        && !printed.contains("Only part of the filter"),
        "GDAL filtered on its side:\n" + printed);
    Set<String> names = new TreeSet<>();
    Json.parse(Files.readAllBytes(copy)).path("features")
        .forEach(feature -> names.add(feature.path("properties").path("name").asText()));
    Set<String> expected = new TreeSet<>(truth.column("SELECT name FROM buildings WHERE " + condition));
    assertTrue(!expected.isEmpty(), "no building matches " + condition);
    assertEquals(expected, names, where);
    return printed;
  }

  /** The OAPIF driver's CRS open option came with GDAL 3.7; Debian bookworm's gdal-bin is 3.6, trixie's 3.10. */
  @Test
  @DisplayName("a GDAL with the CRS open option reads streets in EPSG:25832 as ST_Transform gives them (1 mm)")
  void readsInTheCrsItAsksFor(@TempDir Path directory) throws IOException {
    Matcher version = GDAL_VERSION.matcher(Gdal.run("ogr2ogr", "--version"));
    Assumptions.assumeTrue(version.find() && Integer.parseInt(version.group(1)) * 100
        + Integer.parseInt(version.group(2)) >= 307, "GDAL before 3.7 has no CRS open option for OAPIF");
    Path copy = directory.resolve("streets.geojson");
    String printed = Gdal.run("ogr2ogr", "--config", "CPL_DEBUG", "ON", "-f", "GeoJSON", "-preserve_fid",
        copy.toString(), dataset(), "-oo", "CRS=EPSG:25832", Layer.STREETS.id());
    assertTrue(printed.contains("crs=http://www.opengis.net/def/crs/EPSG/0/25832"), printed);
    Map<String, String> expected = new TreeMap<>();
    truth.rows("SELECT id::text, ST_AsGeoJSON(ST_Transform(geom, 25832), 6) FROM streets")
        .forEach(row -> expected.put(row.get(0), row.get(1)));
    JsonNode features = Json.parse(Files.readAllBytes(copy)).path("features");
    assertEquals(expected.size(), features.size(), "features GDAL read");
    List<String> differences = new ArrayList<>();
    features.forEach(feature -> {
      String id = feature.path("id").asText();
      differences.addAll(Geometries.differences(Json.parse(expected.get(id)),
          feature.path("geometry"), 0.001, "street " + id));
    });
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
  }

  private String dataset() {
    return "OAPIF:" + api.base();
  }

}
