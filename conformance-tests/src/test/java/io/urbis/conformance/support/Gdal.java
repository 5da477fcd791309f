package io.urbis.conformance.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** GDAL's command line tools (Debian's gdal-bin), which read what the servers serve and write. */
public final class Gdal {

  /** Reading every collection of a server through OAPIF takes a while on a shared machine. */
  private static final long TIMEOUT_SECONDS = 300;

  private static final String SYSTEM_PYTHON = "/usr/bin/python3";
  private static final String GEOPACKAGE_VALIDATOR =
      "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";

  private Gdal() {}

  /** Whether {@code program} is on the PATH. */
  public static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
  }

  /**
   * What GDAL's GeoPackage validator (validate_gpkg.py of Debian's python3-gdal) finds wrong with {@code file}: nothing
   * (an empty string) for a valid file, and when the validator is not installed.
   */
  public static String validateGeoPackage(Path file) {
    return Files.isRegularFile(Path.of(GEOPACKAGE_VALIDATOR))
        ? run(SYSTEM_PYTHON, GEOPACKAGE_VALIDATOR, file.toString()).strip() : "";
  }

  /** Runs a command to its end and returns what it printed; an IllegalStateException unless it exits 0. */
  public static String run(String... command) {
    return run(Map.of(), List.of(command));
  }

  /**
   * Runs a command with more {@code environment} to its end and returns what it printed.
   *
   * @throws IllegalStateException with the command and its output unless it exits 0 in time
   * @throws UncheckedIOException when the command cannot be started
   */
  public static String run(Map<String, String> environment, List<String> command) {
    try {
      Path output = Files.createTempFile("gdal", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      if (!finished || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + (finished ? " exited with "
            + process.exitValue() : " timed out") + "\n" + printed);
      }
      return printed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
