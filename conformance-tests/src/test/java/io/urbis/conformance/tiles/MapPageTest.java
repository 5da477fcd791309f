package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.UrbisTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML map of the tiles in a real browser: MapLibre GL JS, served by Urbis, draws the tiles in Debian's
 * headless Chromium (driven by {@code browser/render-map.mjs}) with no failed request and no console error. The
 * screenshot is left in {@code target/}.
 */
@UrbisTest
@DisplayName("HTML map of the vector tiles in Chromium")
class MapPageTest {

  private static final Path BROWSER = Path.of(System.getProperty("basedir", "."), "browser");
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final long TIMEOUT_SECONDS = 180;

  private final Api api;

  MapPageTest(Api api) {
    this.api = api;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/tiles/WebMercatorQuad?f=html", "/collections/buildings/tiles/WebMercatorQuad?f=html"})
  @DisplayName("MapLibre draws the tiles without failed requests or console errors")
  void mapDrawsTiles(String page) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM
        + ": install Debian's chromium (scripts/test.sh does) to run the browser test");
    Assumptions.assumeTrue(onPath("node"), "no node on the PATH: install nodejs to run the browser test");
    assertTrue(Files.isDirectory(BROWSER.resolve("node_modules/puppeteer-core")),
        "run 'npm ci' in " + BROWSER.toAbsolutePath() + " first (scripts/test.sh does)");
    String name = "map-" + api.source() + page.replaceAll("\\?f=html", "").replaceAll("[^A-Za-z]+", "-") + ".png";
    Path screenshot = Path.of(System.getProperty("basedir", "."), "target", name).toAbsolutePath();
    Path output = Files.createTempFile("render-map", ".txt");
    Process node = new ProcessBuilder(List.of("node", "render-map.mjs", api.uri(page).toString(),
        screenshot.toString())).directory(BROWSER.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    assertTrue(finished, "the browser did not finish within " + TIMEOUT_SECONDS + " s: " + printed);
    assertEquals(0, node.exitValue(), "render-map.mjs reports: " + printed);
    assertTrue(Files.size(screenshot) > 0, "screenshot " + screenshot);
  }

  private static boolean onPath(String command) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
        .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
  }
}
