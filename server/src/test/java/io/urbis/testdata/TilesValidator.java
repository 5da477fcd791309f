package io.urbis.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The CesiumGS 3D Tiles validator (3d-tiles-validator), built, run with Node.js on a tileset kept on disk: the one in
 * {@code tools/3d-tiles-validator} beside the repository (looked for in the working folder and its parents, as
 * {@link SharedData} looks for the shared data), or in the folder the system property {@code urbis.tilesValidator}
 * names. Tests that use it skip when it is absent.
 */
public final class TilesValidator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MAIN = Path.of("build", "main.js");

  private TilesValidator() {}

  /** The validator's entry point, if it is there. */
  public static Optional<Path> find() {
    String configured = System.getProperty("urbis.tilesValidator");
    if (configured != null) {
      return Optional.of(Path.of(configured).resolve(MAIN)).filter(Files::isRegularFile);
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools").resolve("3d-tiles-validator").resolve(MAIN);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * What the validator found in the tileset file and everything it refers to.
   *
   * @param errors how many errors
   * @param warnings how many warnings
   * @param report the whole report, for messages
   */
  public record Report(int errors, int warnings, String report) {}

  /** Validates {@code tilesetFile} with the validator at {@code main}. */
  public static Report validate(Path main, Path tilesetFile) {
    try {
      Path report = Files.createTempFile("3d-tiles-validator", ".json");
      try {
        Process process = new ProcessBuilder(List.of("node", main.toString(), "--tilesetFile", tilesetFile.toString(),
            "--reportFile", report.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || Files.size(report) == 0) {
          process.destroyForcibly();
          throw new IllegalStateException("the 3D Tiles validator wrote no report:\n" + output);
        }
        String text = Files.readString(report);
        JsonNode json = JSON.readTree(text);
        return new Report(json.path("numErrors").asInt(), json.path("numWarnings").asInt(), text);
      } finally {
        Files.deleteIfExists(report);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
