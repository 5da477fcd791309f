package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  private Gdal() {}

  /** Whether {@code program} is on the PATH. */
  public static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
  }

  /** Runs a command to its end and returns what it printed; fails on a non-zero exit. */
  public static String run(String... command) {
    return run(Map.of(), List.of(command));
  }

  /** Runs a command with more {@code environment} to its end and returns what it printed; fails unless it exits 0. */
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
      assertEquals(0, finished ? process.exitValue() : -1, () -> String.join(" ", command) + "\n" + printed);
      return printed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
