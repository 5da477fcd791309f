package io.urbis.sensorthings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.urbis.config.SensorThingsConfig;
import io.urbis.source.postgis.DatabaseUrl;
import java.util.List;

/**
 * The SensorThings API of one server: its database pool, its schema migrated at start, its resource.
 */
public final class SensorThings implements AutoCloseable {

  private final HikariDataSource pool;
  private final SensorThingsResource resource;

  private SensorThings(HikariDataSource pool, String schema, int defaultTop, int maxTop) {
    this.pool = pool;
    this.resource = new SensorThingsResource(new SensorThingsStore(pool, schema), defaultTop, maxTop);
  }

  /**
   * Connects to the configured database and brings its schema to the newest version.
   *
   * @param sources the server's {@code sources}, where the database is found when {@code sensorThings.source} is
   *     not given
   * @param defaultTop entities per page without {@code $top}
   * @param maxTop the server's page size limit
   */
  public static SensorThings open(SensorThingsConfig config, List<String> sources, int defaultTop, int maxTop) {
    DatabaseUrl url = DatabaseUrl.parse(config.sourceUrl(sources));
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url.jdbcUrl());
    pool.setUsername(url.user());
    pool.setPassword(url.password());
    pool.setPoolName("urbis-sensorthings");
    HikariDataSource database = new HikariDataSource(pool);
    try {
      SensorThingsSchema.migrate(database, config.schemaName());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new SensorThings(database, config.schemaName(), defaultTop, maxTop);
  }

  /** The JAX-RS resource of {@code /v1.1}. */
  public Object resource() {
    return resource;
  }

  @Override
  public void close() {
    pool.close();
  }
}
