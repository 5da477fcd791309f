package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.urbis.api.TrustedProxies;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The server configuration, as a YAML file gives it; every key is optional. Command-line options and environment
 * variables override the file.
 *
 * @param host the interface to bind ({@code 0.0.0.0} for all)
 * @param port the HTTP port
 * @param title the service title
 * @param description a sentence about the service
 * @param sources database URLs and GeoPackage files to publish; none means the bundled demo city
 * @param schemas PostgreSQL schemas to publish; empty means the search path
 * @param defaultLimit features per page when the client asks for no limit
 * @param maxLimit the largest page a client gets
 * @param coordinatePrecision decimals of CRS84 coordinates in output
 * @param filteredCountLimit filtered requests report numberMatched when at most this many matches are expected
 *     (requests without filters always report it)
 * @param tiles vector tile settings
 * @param tiles3d how 3D tiles are made (geoid offset, extruded footprints)
 * @param publicUrl the base URL of every link (behind a reverse proxy, what clients use); none: from the request
 * @param trustedProxies addresses and networks of reverse proxies whose {@code Forwarded} and
 *     {@code X-Forwarded-*} headers are believed; none by default
 * @param security API keys and the OpenID Connect provider whose tokens name callers; none by default
 * @param access what each role may read and write of each collection; every caller reads everything by default
 * @param editing how writes are taken: whether they need If-Match
 * @param catalog what {@code /catalog} (DCAT-AP.de) says of the server and its collections beyond what the data tells
 * @param heatPlans the heat plans whose layers are computed from a source's buildings and streets; none by default
 * @param sensorThings whether and from which database the SensorThings API is served; off by default
 */
public record UrbisConfig(
    @JsonProperty("host") String host,
    @JsonProperty("port") Integer port,
    @JsonProperty("title") String title,
    @JsonProperty("description") String description,
    @JsonProperty("sources") List<String> sources,
    @JsonProperty("schemas") List<String> schemas,
    @JsonProperty("defaultLimit") Integer defaultLimit,
    @JsonProperty("maxLimit") Integer maxLimit,
    @JsonProperty("coordinatePrecision") Integer coordinatePrecision,
    @JsonProperty("filteredCountLimit") Long filteredCountLimit,
    @JsonProperty("tiles") TilesConfig tiles,
    @JsonProperty("tiles3d") Tiles3dConfig tiles3d,
    @JsonProperty("publicUrl") String publicUrl,
    @JsonProperty("trustedProxies") List<String> trustedProxies,
    @JsonProperty("security") SecurityConfig security,
    @JsonProperty("access") AccessConfig access,
    @JsonProperty("editing") EditingConfig editing,
    @JsonProperty("catalog") CatalogConfig catalog,
    @JsonProperty("heatPlans") List<HeatPlanConfig> heatPlans,
    @JsonProperty("sensorThings") SensorThingsConfig sensorThings) {

  public static final UrbisConfig DEFAULTS = new UrbisConfig("0.0.0.0", 8080, "Urbis",
      "City data as OGC API - Features", List.of(), List.of(), 10, 10_000, 8, 100_000L,
      TilesConfig.DEFAULTS, Tiles3dConfig.DEFAULTS, null, List.of(), SecurityConfig.NONE, AccessConfig.OPEN,
      EditingConfig.DEFAULTS, CatalogConfig.DEFAULTS, List.of(), SensorThingsConfig.OFF);

  /** This configuration with every missing key taken from {@code fallback}. */
  public UrbisConfig orElse(UrbisConfig fallback) {
    return new UrbisConfig(
        pick(host, fallback.host),
        pick(port, fallback.port),
        pick(title, fallback.title),
        pick(description, fallback.description),
        sources == null || sources.isEmpty() ? fallback.sources : sources,
        schemas == null ? fallback.schemas : schemas,
        pick(defaultLimit, fallback.defaultLimit),
        pick(maxLimit, fallback.maxLimit),
        pick(coordinatePrecision, fallback.coordinatePrecision),
        pick(filteredCountLimit, fallback.filteredCountLimit),
        tiles == null ? fallback.tiles : tiles.orElse(fallback.tiles),
        tiles3d == null ? fallback.tiles3d : tiles3d.orElse(fallback.tiles3d),
        pick(publicUrl, fallback.publicUrl),
        pick(trustedProxies, fallback.trustedProxies),
        pick(security, fallback.security),
        pick(access, fallback.access),
        pick(editing, fallback.editing),
        catalog == null ? fallback.catalog : catalog.orElse(fallback.catalog),
        pick(heatPlans, fallback.heatPlans),
        pick(sensorThings, fallback.sensorThings));
  }

  private static <T> T pick(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** Checks ranges; the message names the key and the fix. */
  public UrbisConfig validated() {
    require(port >= 0 && port <= 65535, "port must be between 0 and 65535");
    require(maxLimit >= 1, "maxLimit must be at least 1");
    require(defaultLimit >= 1 && defaultLimit <= maxLimit, "defaultLimit must be between 1 and maxLimit");
    require(coordinatePrecision >= 0 && coordinatePrecision <= 15, "coordinatePrecision must be between 0 and 15");
    require(filteredCountLimit >= 0, "filteredCountLimit must not be negative");
    tiles.validate();
    tiles3d.validate();
    publicBaseUrl();
    proxies();
    security.keys();
    security.bearerTokens();
    security.operatorRoleName();
    heatPlanDefinitions();
    if (sensorThings.isEnabled()) {
      sensorThings.schemaName();
      sensorThings.sourceUrl(sources);
    }
    return this;
  }

  /** {@code publicUrl} as the base of links: an absolute http(s) URL ending in a slash; null when not set. */
  public URI publicBaseUrl() {
    if (publicUrl == null || publicUrl.isBlank()) {
      return null;
    }
    String problem = "publicUrl must be an absolute http or https URL without query, such as"
        + " https://maps.example.org/geo/, got '" + publicUrl + "'";
    try {
      URI url = new URI(publicUrl.trim());
      boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
      require(web && url.getHost() != null && url.getRawQuery() == null && url.getRawFragment() == null, problem);
      String path = url.getRawPath() == null ? "" : url.getRawPath();
      return path.endsWith("/") ? url : new URI(url + "/");
    } catch (URISyntaxException e) {
      throw new ConfigException(problem);
    }
  }

  /** {@code heatPlans} with every default filled in and checked. */
  public List<HeatPlanConfig> heatPlanDefinitions() {
    return HeatPlanConfig.completed(heatPlans);
  }

  /** {@code trustedProxies} read as addresses and networks. */
  public TrustedProxies proxies() {
    try {
      return TrustedProxies.of(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("trustedProxies: " + e.getMessage());
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
