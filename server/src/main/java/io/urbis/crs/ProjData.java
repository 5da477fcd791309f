package io.urbis.crs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds PROJ's data files (grids) where PROJ itself looks: PROJ_DATA, PROJ_LIB, then the system folder. */
public final class ProjData {

  private ProjData() {}

  public static Optional<Path> file(String name) {
    return Stream.of(System.getenv("PROJ_DATA"), System.getenv("PROJ_LIB"), "/usr/share/proj")
        .filter(folder -> folder != null && !folder.isBlank())
        .map(folder -> Path.of(folder, name))
        .filter(Files::isReadable)
        .findFirst();
  }
}
