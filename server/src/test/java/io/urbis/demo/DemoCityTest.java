package io.urbis.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.catalog.Collection;
import io.urbis.query.FeatureQuery;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
import io.urbis.testdata.Gdal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCityTest {

  @TempDir Path folder;

  @Test
  void generatesTheSameFileEveryTime() throws Exception {
    Path first = DemoCity.ensure(folder.resolve("a/urbis-demo.gpkg"));
    Path second = DemoCity.ensure(folder.resolve("b/urbis-demo.gpkg"));
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void generatesAPlausibleTownQuickly() throws Exception {
    long start = System.nanoTime();
    Path file = DemoCity.ensure(folder.resolve("urbis-demo.gpkg"));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "generation took 10 s or more");
    Map<String, Long> counts = featureCounts(file);
    assertEquals(8, counts.get("districts"));
    assertTrue(counts.get("streets") > 300, counts.toString());
    assertTrue(counts.get("buildings") >= 3000 && counts.get("buildings") <= 5000, counts.toString());
    assertEquals(0x47504B47, pragma(file, "application_id"));
    assertEquals(GeoPackageSchema.USER_VERSION, pragma(file, "user_version"));
    try (Stream<Path> leftovers = Files.list(folder)) {
      assertEquals(1, leftovers.count(), "no temporary file is left behind");
    }
  }

  @Test
  void keepsAnExistingFile() throws Exception {
    Path file = DemoCity.ensure(folder.resolve("urbis-demo.gpkg"));
    FileTime written = FileTime.fromMillis(0);
    Files.setLastModifiedTime(file, written);
    assertEquals(file, DemoCity.ensure(file));
    assertEquals(written, Files.getLastModifiedTime(file));
  }

  @Test
  void opensInGdalWithoutWarningsAndTheSameCounts() {
    assumeTrue(Gdal.has("ogrinfo"), "ogrinfo not on PATH");
    Path file = DemoCity.ensure(folder.resolve("urbis-demo.gpkg"));
    String summary = Gdal.summary(file);
    assertFalse(summary.contains("Warning") || summary.contains("ERROR"), summary);
    assertTrue(summary.contains("ID[\"EPSG\",25832]"), summary);
    assertEquals(Gdal.featureCounts(file), featureCounts(file));
  }

  @Test
  void livesInUrbisHomeOrTheUsersHome() {
    Path location = DemoCity.defaultLocation();
    assertEquals("urbis-demo.gpkg", location.getFileName().toString());
    String home = System.getenv("URBIS_HOME");
    Path expectedFolder = home == null || home.isBlank()
        ? Path.of(System.getProperty("user.home"), ".urbis")
        : Path.of(home);
    assertEquals(expectedFolder, location.getParent());
  }

  private static Map<String, Long> featureCounts(Path file) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (GeoPackageFeatureSource source = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS)) {
      for (Collection collection : source.discover()) {
        try (FeatureStream stream = source.query(collection, new FeatureQuery(null, null, 1, null))) {
          counts.put(collection.id(), stream.numberMatched().orElseThrow());
        }
      }
    }
    return counts;
  }

  private static int pragma(Path file, String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
