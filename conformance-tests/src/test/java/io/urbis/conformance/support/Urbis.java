package io.urbis.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The environment under test: a throwaway database loaded with the fixture, the GeoPackage exported from it, and
 * one server process per {@link Source#selected() selected} source. A source that could not be started (say, no
 * GDAL for the export) fails only the tests on that source. A shutdown hook tears everything down should the JVM be
 * stopped before the test run ends.
 */
public final class Urbis implements AutoCloseable {

  private final Path jar;
  private final TestDatabase database;
  private final FixtureGeoPackage geoPackage;
  private final Map<Source, Api> apis = new EnumMap<>(Source.class);
  /** Servers started with more options, by source and options. */
  private final Map<String, Api> configured = new HashMap<>();
  private final Map<Source, RuntimeException> failures = new EnumMap<>(Source.class);
  private final List<UrbisServer> servers = new ArrayList<>();
  private final StopAtExit stopAtExit;

  private Urbis(Path jar, TestDatabase database, FixtureGeoPackage geoPackage) {
    this.jar = jar;
    this.database = database;
    this.geoPackage = geoPackage;
    this.stopAtExit = new StopAtExit("urbis-test-environment", this::stop);
  }

  static Urbis start() {
    // the server runs from a copy, so that a rebuild of the jar during the test run cannot break it
    Path jar = copy(serverJar(), "urbis-under-test.jar");
    TestDatabase database = TestDatabase.create();
    Map<Source, RuntimeException> failures = new EnumMap<>(Source.class);
    FixtureGeoPackage geoPackage = null;
    if (Source.selected().contains(Source.GEOPACKAGE)) {
      try {
        geoPackage = FixtureGeoPackage.export(database, target("fixture.gpkg"));
      } catch (RuntimeException e) {
        failures.put(Source.GEOPACKAGE, e);
      }
    }
    Urbis urbis = new Urbis(jar, database, geoPackage);
    urbis.failures.putAll(failures);
    try {
      urbis.launch();
      return urbis;
    } catch (RuntimeException | Error e) {
      urbis.close();
      throw e;
    }
  }

  /** Starts the servers side by side, then waits for each. */
  private void launch() {
    Map<Source, UrbisServer> launched = new EnumMap<>(Source.class);
    for (Source source : Source.selected()) {
      if (!failures.containsKey(source)) {
        UrbisServer server = UrbisServer.launch(jar, List.of(served(source)),
            target("urbis-server-" + source + ".log"));
        servers.add(server);
        launched.put(source, server);
      }
    }
    launched.forEach((source, server) -> {
      try {
        server.awaitHealthy();
        apis.put(source, new Api(server.baseUri(), source));
      } catch (RuntimeException e) {
        failures.put(source, new IllegalStateException("The server of the " + source + " source did not start: "
            + e.getMessage(), e));
      }
    });
  }

  public TestDatabase database() {
    return database;
  }

  /** The jar under test, for its other commands. */
  public Path jar() {
    return jar;
  }

  /** The client of the server of this source; fails when that server is not running, saying why. */
  public Api api(Source source) {
    RuntimeException failure = failures.get(source);
    if (failure != null) {
      throw new IllegalStateException("No " + source + " server: " + failure.getMessage(), failure);
    }
    Api api = apis.get(source);
    if (api == null) {
      throw new IllegalStateException("The " + source + " source is not selected (-D" + Source.PROPERTY + "="
          + System.getProperty(Source.PROPERTY) + ")");
    }
    return api;
  }

  /**
   * The client of another server of this source, started with more options of {@code urbis serve} (say
   * {@code --trusted-proxies}) when first asked for, and stopped with the others.
   */
  public synchronized Api api(Source source, String... options) {
    return started(source, source.toString(), () -> served(source), options);
  }

  /**
   * {@link #api(Source, String...)} of a server that may change its data (write rules make it keep an audit trail
   * there): of the GeoPackage it serves a copy of its own, {@code target/<copy>.gpkg}, so that the other servers'
   * file stays as exported; of PostGIS the test database.
   */
  public synchronized Api writableApi(Source source, String copy, String... options) {
    return started(source, source + " " + copy, () -> source == Source.POSTGIS ? database.serverUrl()
        : copy(geoPackage.file(), copy + ".gpkg").toString(), options);
  }

  /** The server of the data {@code served} names (a key of it: {@code data}) with more options, started once. */
  private Api started(Source source, String data, Supplier<String> served, String... options) {
    api(source);
    return configured.computeIfAbsent(data + " " + String.join(" ", options), key -> {
      List<String> arguments = new ArrayList<>(List.of(options));
      arguments.add(served.get());
      UrbisServer server = UrbisServer.launch(jar, arguments,
          target("urbis-server-" + source + "-" + (configured.size() + 1) + ".log"));
      servers.add(server);
      server.awaitHealthy();
      return new Api(server.baseUri(), source);
    });
  }

  private String served(Source source) {
    return source == Source.POSTGIS ? database.serverUrl() : geoPackage.file().toString();
  }

  /** The exported GeoPackage; fails when there is none. */
  public FixtureGeoPackage geoPackage() {
    api(Source.GEOPACKAGE);
    return geoPackage;
  }

  /**
   * One more server of the jar under test, for tests that need data of their own: started with the arguments of
   * {@code serve} after the port, its output in {@code target/urbis-server-<name>.log}; returns once it answers.
   * The caller stops it.
   */
  public UrbisServer launch(String name, List<String> arguments) {
    return launch(name, List.of(), arguments);
  }

  /** {@link #launch(String, List)} with options of the server's JVM, such as {@code -Dio.urbis.LEVEL=DEBUG}. */
  public UrbisServer launch(String name, List<String> javaOptions, List<String> arguments) {
    UrbisServer server = UrbisServer.launch(jar, javaOptions, arguments, target("urbis-server-" + name + ".log"));
    server.awaitHealthy();
    return server;
  }

  /** {@code -Durbis.jar=...}, else {@code ../server/target/urbis.jar} from this module. */
  static Path serverJar() {
    Path basedir = Path.of(System.getProperty("basedir", "."));
    Path jar = Path.of(System.getProperty("urbis.jar", basedir.resolve("../server/target/urbis.jar").toString()))
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Server jar not found at " + jar
          + ": build it first (mvn -B -DskipTests package at the repository root) or pass -Durbis.jar=/path/to/urbis.jar");
    }
    return jar;
  }

  /** A file in this module's {@code target/}. */
  public static Path target(String name) {
    Path file = Path.of(System.getProperty("basedir", "."), "target", name).toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * An empty home for {@code urbis serve} without arguments, {@code target/demo-home}: the demo city and its heat
   * plan are generated there by the jar under test, never kept from an earlier build, which Urbis would serve as it is.
   */
  public static Path demoHome() {
    Path home = target("demo-home");
    try {
      if (Files.exists(home)) {
        try (Stream<Path> files = Files.walk(home)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      return Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not empty " + home, e);
    }
  }

  /** A copy of the file as {@code target/<name>}, replacing what was there. */
  private static Path copy(Path file, String name) {
    try {
      return Files.copy(file, target(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy " + file, e);
    }
  }

  @Override
  public void close() {
    stopAtExit.close();
  }

  private void stop() {
    try {
      servers.forEach(UrbisServer::close);
    } finally {
      database.close();
    }
  }

  /** The outcome of the one start attempt of a run: the environment, or why there is none. */
  record Start(Urbis started, RuntimeException failure) implements AutoCloseable {

    static Start attempt() {
      try {
        return new Start(start(), null);
      } catch (RuntimeException e) {
        return new Start(null, e);
      }
    }

    Urbis urbis() {
      if (failure != null) {
        throw new IllegalStateException("Urbis test environment unavailable: " + failure.getMessage(), failure);
      }
      return started;
    }

    @Override
    public void close() {
      if (started != null) {
        started.close();
      }
    }
  }
}
