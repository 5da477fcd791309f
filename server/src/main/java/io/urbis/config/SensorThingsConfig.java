package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.urbis.source.postgis.DatabaseUrl;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code sensorThings} key: whether the SensorThings API (OGC 18-088) is served, from which PostgreSQL database,
 * in which schema. Urbis creates and migrates the schema's tables itself.
 *
 * @param enabled serve {@code /v1.1}; off by default
 * @param source the PostgreSQL URL; the first database of {@code sources} when not given
 * @param schema the schema Urbis owns for the SensorThings tables; {@code sensorthings} when not given
 */
public record SensorThingsConfig(
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("source") String source,
    @JsonProperty("schema") String schema) {

  public static final SensorThingsConfig OFF = new SensorThingsConfig(false, null, null);
  public static final String DEFAULT_SCHEMA = "sensorthings";
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public boolean isEnabled() {
    return Boolean.TRUE.equals(enabled);
  }

  /** The schema name, checked: a plain lower-case identifier, so it never needs quoting anywhere. */
  public String schemaName() {
    String name = schema == null ? DEFAULT_SCHEMA : schema;
    if (!SCHEMA.matcher(name).matches()) {
      throw new ConfigException("sensorThings.schema must be a lower-case identifier (letters, digits, _), such as "
          + DEFAULT_SCHEMA + ", got '" + name + "'");
    }
    return name;
  }

  /**
   * The database URL: {@code source}, else the first PostgreSQL URL among the server's {@code sources}.
   *
   * @param sources the server's {@code sources}
   */
  public String sourceUrl(List<String> sources) {
    if (source != null && !source.isBlank()) {
      if (!DatabaseUrl.looksLikeOne(source.trim())) {
        throw new ConfigException("sensorThings.source must be a PostgreSQL URL such as "
            + "postgresql://user:password@host/database, got '" + source + "'");
      }
      return source.trim();
    }
    return sources.stream().map(String::trim).filter(DatabaseUrl::looksLikeOne).findFirst()
        .orElseThrow(() -> new ConfigException("sensorThings.source is missing: name a PostgreSQL URL such as "
            + "postgresql://user:password@host/database, or add one to sources"));
  }
}
