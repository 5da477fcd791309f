package io.urbis.sensorthings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.source.postgis.PostgisTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class SensorThingsSchemaTest {

  private static PostgisTestDatabase database;
  private static PGSimpleDataSource dataSource;
  private static int firstRun;

  @BeforeAll
  static void emptyDatabase() throws Exception {
    database = new PostgisTestDatabase();
    dataSource = dataSource(database);
    firstRun = SensorThingsSchema.migrate(dataSource, "sensorthings");
  }

  @AfterAll
  static void drop() throws Exception {
    database.close();
  }

  static PGSimpleDataSource dataSource(PostgisTestDatabase database) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(database.url().jdbcUrl());
    source.setUser(database.url().user());
    source.setPassword(database.url().password());
    return source;
  }

  @Test
  void migratesAnEmptyDatabaseAndChangesNothingOnRestart() throws Exception {
    assertTrue(firstRun >= 1, "the first start runs the migrations");
    assertEquals(List.of("datastream", "feature_of_interest", "flyway_schema_history", "historical_location",
        "location", "location_historical_location", "multi_datastream", "multi_datastream_observed_property",
        "observation", "observed_property", "sensor", "thing", "thing_location"), tables());
    assertEquals(0, SensorThingsSchema.migrate(dataSource, "sensorthings"), "a restart runs no migration again");
  }

  @Test
  void observationsAreIndexedForTheLatestAndTimeWindowsPerDatastream() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet index = statement.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'sensorthings'"
            + " AND indexname = 'observation_datastream_time'")) {
      assertTrue(index.next());
      assertTrue(index.getString(1).contains("(datastream_id, phenomenon_time_start DESC, id DESC)"),
          index.getString(1));
    }
  }

  private static List<String> tables() throws Exception {
    return database.ids("SELECT table_name FROM information_schema.tables WHERE table_schema = 'sensorthings'"
        + " ORDER BY table_name").stream().map(String::valueOf).toList();
  }
}
