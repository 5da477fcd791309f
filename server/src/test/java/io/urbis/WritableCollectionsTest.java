package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.config.ConfigException;
import io.urbis.config.EditingConfig;
import io.urbis.demo.DemoCity;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableCollectionsTest {

  @TempDir Path folder;

  @Test
  void aWritableCollectionOfASourceThatCannotWriteFailsTheStart() {
    // a source without an editor: the counting wrapper does not pass its GeoPackage's on
    try (FeatureSource city = new CountingSource(Sources.open(DemoCity.ensure(folder.resolve("city.gpkg")).toString(),
        SourceSettings.DEFAULTS, List.of()))) {
      Catalog catalog = new CatalogBuilder().add("city", city).build();
      String id = catalog.collections().get(0).id();
      AccessPolicy readOnly = AccessPolicy.of(AccessConfig.OPEN, catalog);
      WritableCollections.open(catalog, readOnly, EditingConfig.DEFAULTS);
      AccessPolicy writing = AccessPolicy.of(new AccessConfig(Map.of("*", Rule.of("read")),
          Map.of(id, Map.of("planner", Rule.of("write")))), catalog);
      ConfigException error = assertThrows(ConfigException.class,
          () -> WritableCollections.open(catalog, writing, EditingConfig.DEFAULTS));
      assertEquals("access.collections." + id + ": " + city.label() + " cannot change its features; give no role"
          + " write access to [" + id + "]", error.getMessage());
    }
  }

  @Test
  void aWritableCollectionOfAGeoPackageIsReadiedForWriting() throws SQLException {
    Path file = DemoCity.ensure(folder.resolve("town.gpkg"));
    try (FeatureSource town = Sources.open(file.toString(), SourceSettings.DEFAULTS, List.of())) {
      Catalog catalog = new CatalogBuilder().add("town", town).build();
      String id = catalog.collections().get(0).id();
      WritableCollections.open(catalog, AccessPolicy.of(new AccessConfig(Map.of("*", Rule.of("read")),
          Map.of(id, Map.of("planner", Rule.of("write")))), catalog), EditingConfig.DEFAULTS);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE name = 'urbis_audit'")) {
      assertTrue(rows.next(), "the audit trail is ready in the file");
    }
  }
}
