package io.urbis.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The environment under test: a throwaway database loaded with the fixture and the server jar serving it. A
 * shutdown hook tears both down should the JVM be stopped before the test run ends.
 */
public final class Urbis implements AutoCloseable {

  private final TestDatabase database;
  private final UrbisServer server;
  private final Api api;
  private final Thread shutdownHook = new Thread(this::stop, "urbis-test-environment-stop");

  private Urbis(TestDatabase database, UrbisServer server) {
    this.database = database;
    this.server = server;
    this.api = new Api(server.baseUri());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static Urbis start() {
    Path jar = copyOf(serverJar());
    TestDatabase database = TestDatabase.create();
    try {
      return new Urbis(database, UrbisServer.start(jar, database.serverUrl()));
    } catch (RuntimeException | Error e) {
      database.close();
      throw e;
    }
  }

  public TestDatabase database() {
    return database;
  }

  public Api api() {
    return api;
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

  /** The server runs from a copy, so that a rebuild of the jar during the test run cannot break it. */
  private static Path copyOf(Path jar) {
    Path copy = Path.of(System.getProperty("basedir", "."), "target", "urbis-under-test.jar").toAbsolutePath();
    try {
      Files.createDirectories(copy.getParent());
      return Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy " + jar, e);
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and runs the hook itself
    }
  }

  private void stop() {
    try {
      server.close();
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
