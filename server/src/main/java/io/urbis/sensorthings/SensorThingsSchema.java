package io.urbis.sensorthings;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema Urbis owns for the SensorThings tables, created and brought to the newest version by Flyway's versioned
 * migrations ({@code io/urbis/sensorthings/migration/V*__*.sql}); running it again on a current schema changes nothing.
 */
public final class SensorThingsSchema {

  private static final String MIGRATIONS = "classpath:io/urbis/sensorthings/migration";

  private SensorThingsSchema() {}

  /** Migrates {@code schema} in the database of {@code database}; returns how many migrations ran. */
  public static int migrate(DataSource database, String schema) {
    MigrateResult result = Flyway.configure()
        .dataSource(database)
        .schemas(schema)
        .createSchemas(true)
        .locations(MIGRATIONS)
        // Another schema of the same database holds the city's data: never touch it, never clean.
        .cleanDisabled(true)
        .load()
        .migrate();
    return result.migrationsExecuted;
  }
}
