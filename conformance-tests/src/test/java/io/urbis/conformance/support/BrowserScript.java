package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Node.js scripts of {@code browser/}, which drive Debian's headless Chromium with puppeteer-core (no browser is
 * downloaded). Tests that run one skip without Chromium or Node.js, and fail, saying how to fix it, when the
 * scripts' packages are not installed.
 */
public final class BrowserScript {

  private static final Path BROWSER = Path.of(System.getProperty("basedir", "."), "browser");
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final long TIMEOUT_SECONDS = 180;

  private BrowserScript() {}

  /**
   * What a script printed and how it ended.
   *
   * @param exitValue its exit status
   * @param output what it printed, standard error included
   */
  public record Result(int exitValue, String output) {}

  /** Runs {@code node script arguments} in {@code browser/}; fails when it does not end within three minutes. */
  public static Result run(String script, List<String> arguments) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM
        + ": install Debian's chromium (scripts/test.sh does) to run the browser test");
    Assumptions.assumeTrue(onPath("node"), "no node on the PATH: install nodejs to run the browser test");
    assertTrue(Files.isDirectory(BROWSER.resolve("node_modules/puppeteer-core")),
        "run 'npm ci' in " + BROWSER.toAbsolutePath() + " first (scripts/test.sh does)");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(arguments);
    Path output = Files.createTempFile(script, ".txt");
    try {
      Process node = new ProcessBuilder(command).directory(BROWSER.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        node.destroyForcibly();
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      assertTrue(finished, "the browser did not finish within " + TIMEOUT_SECONDS + " s: " + printed);
      return new Result(node.exitValue(), printed);
    } finally {
      Files.delete(output);
    }
  }

  private static boolean onPath(String command) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
        .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
  }
}
