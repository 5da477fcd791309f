package io.urbis.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared test data folder beside the repository ({@code ../shared/data} from the repository root), or the one
 * the system property {@code urbis.sharedData} names. Tests that need it skip when it is absent.
 */
public final class SharedData {

  private SharedData() {}

  public static Optional<Path> folder() {
    String configured = System.getProperty("urbis.sharedData");
    if (configured != null) {
      return Optional.of(Path.of(configured)).filter(Files::isDirectory);
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A file below the shared folder, if both exist. */
  public static Optional<Path> file(String relative) {
    return folder().map(dir -> dir.resolve(relative)).filter(Files::isRegularFile);
  }
}
