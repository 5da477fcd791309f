package io.urbis.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js scripts of {@code conformance-tests/tiles3d} (glTF validator, loaders.gl, CesiumJS in headless
 * Chromium): independent clients that read what the server writes. Installs their locked packages first when
 * missing. Tests skip, with a message, only when Node.js itself is absent.
 */
public final class NodeChecks {

  private static final Path FOLDER = Path.of("..", "conformance-tests", "tiles3d").toAbsolutePath().normalize();

  private NodeChecks() {}

  /** Skips the calling test when there is no {@code node} on the PATH. */
  public static void assumeNode() {
    assumeTrue(Gdal.has("node") && Gdal.has("npm"), "Node.js (node, npm) is not installed: the 3D Tiles client"
        + " checks need it; install Debian's nodejs and npm");
  }

  /**
   * Skips the calling test unless the 3D view can be drawn: Node.js, Debian's Chromium and the CesiumJS the build puts
   * into the jar's assets (not there when built with {@code -Dcesium.skip=true}).
   */
  public static void assumeCesiumInChromium() {
    assumeNode();
    assumeTrue(Gdal.has("chromium"), "Debian's chromium is not installed: scripts/test.sh installs it");
    assumeTrue(NodeChecks.class.getResource("/assets/cesium/Cesium.js") != null, "built with -Dcesium.skip=true");
  }

  /** The script's output (its JSON summary line last); throws when it exits non-zero. */
  public static Result run(String script, String... arguments) {
    installPackages();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(arguments));
    return execute(command, 10);
  }

  /** The outcome of a script: whether it passed and what it printed. */
  public record Result(boolean passed, String output) {}

  private static synchronized void installPackages() {
    if (!Files.isDirectory(FOLDER.resolve("node_modules"))) {
      Result install = execute(List.of("npm", "ci", "--no-audit", "--no-fund"), 10);
      if (!install.passed()) {
        throw new IllegalStateException("npm ci in " + FOLDER + " failed:\n" + install.output());
      }
    }
  }

  private static Result execute(List<String> command, int minutes) {
    try {
      Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return new Result(false, output + "\n(timed out)");
      }
      return new Result(process.exitValue() == 0, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
