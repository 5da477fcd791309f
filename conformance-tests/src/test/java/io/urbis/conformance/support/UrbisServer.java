package io.urbis.conformance.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The server jar running as a child process on a free port; its output goes to a log file. */
public final class UrbisServer implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final ChildProcess process;
  private final URI baseUri;

  private UrbisServer(ChildProcess process, URI baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /**
   * Starts the jar with the {@code arguments} of {@code urbis serve} after the port (options, then the sources: a
   * {@code postgresql://} URL or a GeoPackage file), named on the command line only: the environment's {@code DATABASE_URL} and
   * {@code URBIS_*} are not passed on. Call {@link #awaitHealthy()} before use.
   */
  static UrbisServer launch(Path jar, List<String> arguments, Path log) {
    return launch(jar, List.of(), arguments, log);
  }

  /** {@link #launch(Path, List, Path)} with options of the JVM, such as {@code -Dio.urbis.LEVEL=DEBUG}. */
  static UrbisServer launch(Path jar, List<String> javaOptions, List<String> arguments, Path log) {
    int port = ChildProcess.freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    command.addAll(javaOptions);
    command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port)));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("URBIS_"));
    return new UrbisServer(ChildProcess.start("Urbis server", builder, log), URI.create("http://localhost:" + port + "/"));
  }

  public URI baseUri() {
    return baseUri;
  }

  /** Returns once the server answers GET /health with 200; stops it and fails when it does not in time. */
  void awaitHealthy() {
    process.awaitOk(baseUri.resolve("health"), STARTUP);
  }

  /** The last lines the server printed. */
  public String output() {
    return process.output();
  }

  /** Kills the server at once (SIGKILL), in whatever it is doing; returns once it is gone. */
  public void kill() {
    process.kill();
  }

  @Override
  public void close() {
    process.close();
  }
}
