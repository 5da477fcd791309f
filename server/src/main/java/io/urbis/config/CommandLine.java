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
    boolean help) {

  public static final String USAGE = """
      Usage: urbis serve [options] [SOURCE...]

      Publishes every table with a geometry column as an OGC API - Features collection.

      SOURCE is a PostgreSQL URL (postgresql://user:password@host:5432/database) or a GeoPackage file
      (city.gpkg); several may be given. Without a SOURCE, DATABASE_URL is used when set, otherwise the
      bundled demo city (synthetic data, generated on first use).

      Options:
        --port N        HTTP port (default 8080; 0 picks a free one)
        --host H        interface to bind (default 0.0.0.0)
        --config FILE   YAML configuration (keys: host, port, title, description, sources, schemas,
                        defaultLimit, maxLimit, coordinatePrecision, exactCountLimit)
        --help          this text
      """;

  public static CommandLine parse(String[] args) {
    if (args.length == 0) {
      return new CommandLine("serve", null, null, null, List.of(), false);
    }
    String command = args[0];
    if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
      return new CommandLine("help", null, null, null, List.of(), true);
    }
    Integer port = null;
    String host = null;
    Path config = null;
    boolean help = false;
    List<String> sources = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = parsePort(value(args, ++i, "--port"));
        case "--host" -> host = value(args, ++i, "--host");
        case "--config" -> config = Path.of(value(args, ++i, "--config"));
        case "--help", "-h" -> help = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw new ConfigException("unknown option " + args[i] + "; see --help");
          }
          sources.add(args[i]);
        }
      }
    }
    return new CommandLine(command, port, host, config, sources, help);
  }

  /** The effective configuration: command line over config file over environment over defaults. */
  public UrbisConfig resolve(Map<String, String> environment) {
    UrbisConfig file = config == null ? UrbisConfig.DEFAULTS : ConfigReader.read(config);
    List<String> fromEnvironment = environment.containsKey("DATABASE_URL")
        ? List.of(environment.get("DATABASE_URL")) : List.of();
    UrbisConfig options = new UrbisConfig(host, port, null, null, sources, null, null, null, null, null);
    UrbisConfig environmentSources =
        new UrbisConfig(null, null, null, null, fromEnvironment, null, null, null, null, null);
    return options.orElse(file).orElse(environmentSources).orElse(UrbisConfig.DEFAULTS).validated();
  }

  private static String value(String[] args, int index, String option) {
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
