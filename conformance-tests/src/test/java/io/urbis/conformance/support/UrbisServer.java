package io.urbis.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The server jar running as a child process on a free port; its output goes to a log file. */
public final class UrbisServer implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process process;
  private final URI baseUri;
  private final Path log;

  private UrbisServer(Process process, URI baseUri, Path log) {
    this.process = process;
    this.baseUri = baseUri;
    this.log = log;
  }

  /**
   * Starts the jar with the {@code arguments} of {@code urbis serve} after the port (options, then the sources: a
   * {@code postgresql://} URL or a GeoPackage file), named on the command line only: the environment's {@code DATABASE_URL} and
   * {@code URBIS_*} are not passed on. Call {@link #awaitHealthy()} before use.
   */
  static UrbisServer launch(Path jar, List<String> arguments, Path log) {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "serve", "--port",
        Integer.toString(port)));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("URBIS_"));
    try {
      Files.createDirectories(log.getParent());
      return new UrbisServer(builder.start(), URI.create("http://localhost:" + port + "/"), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + jar, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI baseUri() {
    return baseUri;
  }

  /** Returns once the server answers GET /health with 200; stops it and fails when it does not in time. */
  void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("health")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited with code " + process.exitValue() + ":\n" + output());
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(Duration.ofMillis(250));
    }
    close();
    throw new IllegalStateException("GET /health did not answer 200 within " + STARTUP.toSeconds() + " s:\n" + output());
  }

  /** The last lines the server printed. */
  public String output() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no server output in " + log + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
