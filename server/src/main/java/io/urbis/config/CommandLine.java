package io.urbis.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line: {@code serve [--host H] [--port N] [--config FILE] [SOURCE...]}. Options override the
 * config file; {@code DATABASE_URL} is a source when none is named.
 */
public record CommandLine(String command, Integer port, String host, Path config, List<String> sources,
    String publicUrl, List<String> trustedProxies, boolean help) {

  public static final String USAGE = """
      Usage: urbis serve [options] [SOURCE...]
             urbis check URL      exit 0 when URL answers 200 (container health checks)
             urbis import FILE --to URL   CityJSON/CityGML buildings into PostGIS (urbis import --help)
             urbis seed [SOURCE...] [--config FILE] [--tms ID] [--zoom 12-16] [--3d]
                                  build tiles into tiles.cacheDirectory ahead of time (urbis seed --help)
             urbis hash-key       read an API key from stdin, print the SHA-256 that security.apiKeys keeps
             urbis audit [URL] [--limit N]   the latest feature writes recorded in the database

      Publishes every table with a geometry column as an OGC API - Features collection.

      SOURCE is a PostgreSQL URL (postgresql://user:password@host:5432/database) or a GeoPackage file
      (city.gpkg); several may be given. Without a SOURCE, DATABASE_URL is used when set, otherwise the
      bundled demo city (synthetic data, generated on first use). Keep passwords off the command line: give
      them in DATABASE_URL or in a password file (~/.pgpass or PGPASSFILE) and the URL without one.

      Options:
        --port N        HTTP port (default 8080; 0 picks a free one)
        --host H        interface to bind (default 0.0.0.0)
        --config FILE   YAML configuration (keys: host, port, title, description, sources, schemas,
                        defaultLimit, maxLimit, coordinatePrecision, filteredCountLimit, tiles, tiles3d,
                        publicUrl, trustedProxies, security, access, editing, heatPlans)
        --public-url URL
                        base URL of every link, e.g. https://maps.example.org/geo/ (default: the
                        request's, or what a trusted proxy's forwarding headers name)
        --trusted-proxies LIST
                        addresses or networks (comma-separated, e.g. 127.0.0.1,10.0.0.0/8) whose
                        Forwarded and X-Forwarded-* headers are believed (default: none)
        --help          this text

      Environment: DATABASE_URL, URBIS_SOURCES (comma-separated), URBIS_HOST, URBIS_PORT, URBIS_CONFIG,
      URBIS_PUBLIC_URL, URBIS_TRUSTED_PROXIES (comma-separated); options on the command line win over the
      environment, which wins over the config file.
      """;

  public static CommandLine parse(String[] args) {
    if (args.length == 0) {
      return new CommandLine("serve", null, null, null, List.of(), null, null, false);
    }
    String command = args[0];
    if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
      return new CommandLine("help", null, null, null, List.of(), null, null, true);
    }
    Integer port = null;
    String host = null;
    Path config = null;
    String publicUrl = null;
    List<String> trustedProxies = null;
    boolean help = false;
    List<String> sources = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = parsePort(value(args, ++i, "--port"));
        case "--host" -> host = value(args, ++i, "--host");
        case "--config" -> config = Path.of(value(args, ++i, "--config"));
        case "--public-url" -> publicUrl = value(args, ++i, "--public-url");
        case "--trusted-proxies" -> trustedProxies = list(value(args, ++i, "--trusted-proxies"));
        case "--help", "-h" -> help = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw new ConfigException("unknown option " + args[i] + "; see --help");
          }
          sources.add(args[i]);
        }
      }
    }
    return new CommandLine(command, port, host, config, sources, publicUrl, trustedProxies, help);
  }

  /**
   * The effective configuration: command line, then environment ({@code URBIS_HOST}, {@code URBIS_PORT},
   * {@code URBIS_CONFIG}, {@code URBIS_SOURCES} comma-separated, {@code DATABASE_URL}, {@code URBIS_PUBLIC_URL},
   * {@code URBIS_TRUSTED_PROXIES}), then config file, then defaults. Containers configure by environment, so it
   * outranks a mounted file.
   */
  public UrbisConfig resolve(Map<String, String> environment) {
    Path configFile = config != null ? config
        : environment.containsKey("URBIS_CONFIG") ? Path.of(environment.get("URBIS_CONFIG")) : null;
    UrbisConfig file = configFile == null ? UrbisConfig.DEFAULTS : ConfigReader.read(configFile);
    UrbisConfig options = new UrbisConfig(host, port, null, null, sources, null, null, null, null, null, null, null,
        publicUrl, trustedProxies, null, null, null, null, null, null);
    String environmentProxies = environment.get("URBIS_TRUSTED_PROXIES");
    UrbisConfig fromEnvironment = new UrbisConfig(environment.get("URBIS_HOST"),
        environmentPort(environment.get("URBIS_PORT")), null, null, environmentSources(environment), null, null,
        null, null, null, null, null, environment.get("URBIS_PUBLIC_URL"),
        environmentProxies == null ? null : list(environmentProxies), null, null, null, null, null, null);
    return options.orElse(fromEnvironment).orElse(file).orElse(UrbisConfig.DEFAULTS).validated();
  }

  private static List<String> environmentSources(Map<String, String> environment) {
    String listed = environment.get("URBIS_SOURCES");
    if (listed != null && !listed.isBlank()) {
      return list(listed);
    }
    String databaseUrl = environment.get("DATABASE_URL");
    return databaseUrl == null || databaseUrl.isBlank() ? List.of() : List.of(databaseUrl);
  }

  /** A comma-separated list; blank gives the empty list. */
  private static List<String> list(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s*,\\s*"));
  }

  private static Integer environmentPort(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("URBIS_PORT needs a number, got '" + text + "'");
    }
  }

  /** The value after an option, or a usage error naming the option. */
  public static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new ConfigException(option + " needs a value; see --help");
    }
    return args[index];
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new ConfigException("--port needs a number, got '" + text + "'");
    }
  }
}
