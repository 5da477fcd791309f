package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorThingsConfigTest {

  @TempDir Path folder;

  @Test
  void offUnlessEnabled() throws Exception {
    assertFalse(read("title: City\n").sensorThings().isEnabled());
  }

  @Test
  void theSourceDefaultsToTheFirstDatabaseOfSources() throws Exception {
    UrbisConfig config = read("sources: [city.gpkg, 'postgresql://u:p@db/city']\nsensorThings: {enabled: true}\n");
    assertEquals("postgresql://u:p@db/city", config.sensorThings().sourceUrl(config.sources()));
    assertEquals("sensorthings", config.sensorThings().schemaName());
  }

  @Test
  void errorsNameTheKey() throws Exception {
    assertEquals("sensorThings.source is missing: name a PostgreSQL URL such as"
        + " postgresql://user:password@host/database, or add one to sources",
        error("sources: [city.gpkg]\nsensorThings: {enabled: true}\n"));
    assertEquals("sensorThings.source must be a PostgreSQL URL such as postgresql://user:password@host/database,"
        + " got 'city.gpkg'", error("sensorThings: {enabled: true, source: city.gpkg}\n"));
    assertEquals("sensorThings.schema must be a lower-case identifier (letters, digits, _), such as sensorthings,"
        + " got 'Sensor-Things'",
        error("sensorThings: {enabled: true, source: 'postgresql://u:p@db/x', schema: Sensor-Things}\n"));
  }

  private String error(String yaml) throws Exception {
    UrbisConfig config = read(yaml);
    return assertThrows(ConfigException.class, config::validated).getMessage();
  }

  private UrbisConfig read(String yaml) throws Exception {
    return ConfigYaml.read(folder, yaml).orElse(UrbisConfig.DEFAULTS);
  }
}
