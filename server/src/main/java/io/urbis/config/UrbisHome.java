package io.urbis.config;

import java.nio.file.Path;

/** Where Urbis keeps the files it makes itself (the demo GeoPackage, derived heat plan layers). */
public final class UrbisHome {

  private UrbisHome() {}

  /** {@code $URBIS_HOME}, or {@code ~/.urbis} when it is not set. */
  public static Path directory() {
    String home = System.getenv("URBIS_HOME");
    return home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".urbis") : Path.of(home);
  }
}
