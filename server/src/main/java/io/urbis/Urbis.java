package io.urbis;

import io.urbis.access.AccessPolicy;
import io.urbis.heatplan.HeatPlanAccess;
import io.urbis.heatplan.LiveHeatPlan;
import io.urbis.api.ApiSettings;
import io.urbis.api.CatalogDatasets;
import io.urbis.config.CommandLine;
import io.urbis.config.ConfigException;
import io.urbis.config.UrbisConfig;
import io.urbis.dcat.DcatCatalog;
import io.urbis.dcat.Vocabularies;
import io.urbis.importer.ImportCommand;
import io.urbis.security.Authentication;
import io.urbis.security.BearerTokens;
import io.urbis.security.HashKeyCommand;
import io.urbis.sensorthings.SensorThings;
import io.urbis.server.UrbisServer;
import io.urbis.error.Causes;
import io.urbis.source.postgis.AuditCommand;
import io.urbis.source.postgis.DatabaseUrl;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The command line and the one composition root: configuration, sources, catalog, API, Jetty. */
public final class Urbis {

  private static final Logger LOG = LoggerFactory.getLogger(Urbis.class);

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  Urbis(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  public static void main(String[] args) {
    // Jersey and HikariCP log through java.util.logging and SLF4J: route both to the one SLF4J backend
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int status = new Urbis(System.out, System.err, System.getenv()).run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  int run(String[] args) {
    if (args.length > 0 && args[0].equals("import")) {
      return new ImportCommand(out, err, environment).run(args);
    }
    if (args.length > 0 && args[0].equals("seed")) {
      return new SeedCommand(out, err, environment).run(args);
    }
    if (args.length > 0 && args[0].equals("hash-key")) {
      return new HashKeyCommand(System.in, out, err).run(args);
    }
    if (args.length > 0 && args[0].equals("audit")) {
      return new AuditCommand(out, err, environment).run(args);
    }
    try {
      CommandLine commandLine = CommandLine.parse(args);
      if (commandLine.help()) {
        out.print(CommandLine.USAGE);
        return 0;
      }
      if (commandLine.command().equals("check") && commandLine.sources().size() == 1) {
        return HealthCheck.isHealthy(commandLine.sources().get(0)) ? 0 : 1;
      }
      if (!commandLine.command().equals("serve")) {
        err.println("urbis: unknown command '" + commandLine.command() + "'; see --help");
        return 2;
      }
      serve(commandLine.resolve(environment));
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("urbis: " + e.getMessage());
      return 2;
    } catch (SourceOpeningException e) {
      err.println("urbis: " + e.getMessage());
      return 3;
    } catch (Exception e) {
      err.println("urbis: cannot start: " + e.getMessage());
      LOG.debug("start failed", e);
      return 1;
    }
  }

  private void serve(UrbisConfig config) throws Exception {
    Vocabularies.check(config.catalog());
    Optional<SensorThings> sensorThings = openSensorThings(config);
    Publication publication;
    try {
      publication = Publication.open(config);
    } catch (RuntimeException e) {
      sensorThings.ifPresent(SensorThings::close);
      throw e;
    }
    ApiSettings api = new ApiSettings(config.title(), config.description(), config.defaultLimit(),
        config.maxLimit(), config.publicBaseUrl(), config.proxies());
    BearerTokens.Settings tokens = config.security().bearerTokens();
    Authentication authentication = new Authentication(config.security().keys(),
        tokens == null ? null : new BearerTokens(tokens));
    AccessPolicy access = AccessPolicy.of(HeatPlanAccess.withPersonalDataRules(config.access(),
        publication.heatPlans().plans().stream().map(LiveHeatPlan::plan).toList()), publication.catalog());
    WritableCollections.open(publication.catalog(), access, config.editing());
    CatalogDatasets datasets = new CatalogDatasets(DcatCatalog.configured(config.catalog(),
        publication.catalog().ids(), config.title(), config.description()), publication.tiles3d(),
        config.catalog().pageSize());
    ResourceConfig application = UrbisApplication.create(api, publication.tiles(), publication.tiles3d(), access,
        publication.sources(), authentication, config.security().operatorRoleName(), config.editing(), datasets);
    sensorThings.ifPresent(service -> application.register(service.resource()));
    UrbisServer server = new UrbisServer(config.host(), config.port(), application);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(server, publication);
      sensorThings.ifPresent(SensorThings::close);
    }, "urbis-shutdown"));
    server.start();
    LOG.info("Urbis serves {} collections at http://{}:{}/", publication.catalog().collections().size(),
        config.host(), server.port());
    server.join();
  }

  /** The SensorThings API when {@code sensorThings.enabled}: its database connected and its schema migrated. */
  private static Optional<SensorThings> openSensorThings(UrbisConfig config) {
    if (!config.sensorThings().isEnabled()) {
      return Optional.empty();
    }
    String url = config.sensorThings().sourceUrl(config.sources());
    try {
      return Optional.of(SensorThings.open(config.sensorThings(), config.sources(), config.defaultLimit(),
          config.maxLimit()));
    } catch (RuntimeException e) {
      throw new SourceOpeningException("sensorThings.source: cannot open " + DatabaseUrl.parse(url).label() + ": "
          + Causes.rootMessage(e), e);
    }
  }

  /** Lets in-flight responses finish (graceful stop), then closes the sources they read from. */
  private static void stop(UrbisServer server, Publication publication) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the server: {}", e.getMessage());
    }
    publication.close();
  }
}
